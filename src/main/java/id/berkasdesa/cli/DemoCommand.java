package id.berkasdesa.cli;

import id.berkasdesa.common.Messages;
import id.berkasdesa.db.Database;
import id.berkasdesa.db.StoreException;
import id.berkasdesa.household.HouseholdService;
import id.berkasdesa.village.SampleVillage;
import id.berkasdesa.village.VillageService;
import id.berkasdesa.wilayah.Wilayah;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code demo --households N --seed S}: fills an empty store with synthetic sample households. */
@Command(name = "demo", description = "Isi folder data yang masih kosong dengan KK contoh (fiktif).")
final class DemoCommand implements Callable<Integer> {

    @ParentCommand
    BerkasDesaCommand parent;

    @Option(names = "--households", defaultValue = "300", description = "Jumlah KK (bawaan: ${DEFAULT-VALUE}).")
    int households;

    @Option(names = "--seed", defaultValue = "1", description = "Benih acak; benih sama, data sama (bawaan: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() {
        Messages messages = Messages.indonesian();
        if (households < 1) {
            System.err.println(messages.get("cli.demo.households"));
            return 2;
        }
        try (Database db = Database.open(parent.dataDir())) {
            HouseholdService service = new HouseholdService(db, Wilayah.load(), Clock.systemDefaultZone());
            if (service.count() > 0) {
                System.err.println(messages.get("cli.demo.notEmpty", parent.dataDir().toString(), service.count()));
                return 2;
            }
            SampleVillage.fill(new VillageService(db, Clock.systemDefaultZone()), service, households, seed, progress -> { });
            System.out.println(messages.get("cli.demo.done", households, parent.dataDir().toString()));
            return 0;
        } catch (StoreException e) {
            System.err.println(messages.get(e.key(), e.args()));
            return 2;
        }
    }
}
