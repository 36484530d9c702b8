package id.berkasdesa.cli;

import id.berkasdesa.common.Messages;
import id.berkasdesa.request.SampleRequests;
import id.berkasdesa.village.SampleVillage;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code demo --households N --requests R --seed S}: fills an empty store with synthetic households and requests. */
@Command(name = "demo", description = "Isi folder data yang masih kosong dengan KK contoh (fiktif).")
final class DemoCommand implements Callable<Integer> {

    @ParentCommand
    BerkasDesaCommand parent;

    @Option(names = "--households", defaultValue = "300", description = "Jumlah KK (bawaan: ${DEFAULT-VALUE}).")
    int households;

    @Option(names = "--requests", defaultValue = "0",
            description = "Usulan reaktivasi contoh, berbagai status (bawaan: ${DEFAULT-VALUE}).")
    int requests;

    @Option(names = "--seed", defaultValue = "1", description = "Benih acak; benih sama, data sama (bawaan: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() {
        Messages messages = Messages.indonesian();
        if (households < 1 || requests < 0) {
            System.err.println(messages.get("cli.demo.households"));
            return 2;
        }
        return StoreCommand.run(parent.dataDir(), s -> {
            int existing = s.households().count();
            if (existing > 0) {
                System.err.println(messages.get("cli.demo.notEmpty", parent.dataDir().toString(), existing));
                return 2;
            }
            SampleVillage.fill(s.villages(), s.households(), households, seed, progress -> { });
            SampleRequests.fill(s.requests(), s.households(), requests, seed, n -> { });
            System.out.println(messages.get("cli.demo.done", households, parent.dataDir().toString(), s.requests().count()));
            return 0;
        });
    }
}
