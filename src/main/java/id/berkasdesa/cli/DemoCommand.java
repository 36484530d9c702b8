package id.berkasdesa.cli;

import id.berkasdesa.common.Messages;
import id.berkasdesa.request.SampleRequests;
import id.berkasdesa.village.SampleVillage;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code demo --households N --requests R --ready-requests K --documents-per-request D --seed S}: fills an empty
 * store with synthetic households, requests in every status, and requests ready to send with generated scans.
 */
@Command(name = "demo", description = "Isi folder data yang masih kosong dengan KK contoh (fiktif).")
final class DemoCommand implements Callable<Integer> {

    @ParentCommand
    BerkasDesaCommand parent;

    @Option(names = "--households", defaultValue = "300", description = "Jumlah KK (bawaan: ${DEFAULT-VALUE}).")
    int households;

    @Option(names = "--requests", defaultValue = "0",
            description = "Usulan reaktivasi contoh, berbagai status (bawaan: ${DEFAULT-VALUE}).")
    int requests;

    @Option(names = "--ready-requests", defaultValue = "0",
            description = "Usulan Siap kirim dengan pindaian contoh (~0,5 MB per dokumen) (bawaan: ${DEFAULT-VALUE}).")
    int readyRequests;

    @Option(names = "--documents-per-request", defaultValue = "4",
            description = "Dokumen per usulan Siap kirim: KTP, KK, SKTM, surat faskes; kurang dari 4: yang terakhir, surat faskes "
                    + "lebih dulu (1-4, bawaan: ${DEFAULT-VALUE}).")
    int documentsPerRequest;

    @Option(names = "--small-scans",
            description = "Pindaian contoh kecil (~30 KB, bukan ~0,5 MB): untuk mengukur ribuan usulan, bukan ukuran berkas.")
    boolean smallScans;

    @Option(names = "--seed", defaultValue = "1", description = "Benih acak; benih sama, data sama (bawaan: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() {
        Messages messages = Messages.indonesian();
        if (households < 1 || requests < 0 || readyRequests < 0 || documentsPerRequest < 1 || documentsPerRequest > 4) {
            return Json.fail(2, "cli.demo.households", messages.get("cli.demo.households"));
        }
        return StoreCommand.runCreatingAdministrator(parent, s -> {
            int existing = s.households().count();
            if (existing > 0) {
                return Json.fail(2, "cli.demo.notEmpty", messages.get("cli.demo.notEmpty", parent.dataDir().toString(), existing));
            }
            SampleVillage.fill(s.villages(), s.households(), households, seed, progress -> { });
            SampleRequests.fill(s.requests(), s.households(), requests, seed, n -> { });
            if (readyRequests > 0) {
                if (documentsPerRequest < 4) {
                    // fewer documents than the default preset asks: the central guidance of 2026 (the
                    // faskes letter alone), so that the requests are ready and a bench can send thousands
                    s.documents().saveSettings(new id.berkasdesa.document.DocumentSettings(
                            id.berkasdesa.document.RequirementPreset.PUSAT_2026, s.documents().settings().maxCopyBytes(),
                            s.documents().settings().expiryMonths()));
                    System.out.println(messages.get("cli.demo.preset"));
                }
                SampleRequests.Filled filled = SampleRequests.fillReady(s.requests(), s.households(), s.documents(), readyRequests,
                        documentsPerRequest, smallScans, seed, n -> {
                            if (n % 50 == 0) {
                                System.out.println(messages.get("cli.demo.readyProgress", n, readyRequests));
                            }
                        });
                System.out.println(messages.get("cli.demo.ready", filled.made(), filled.made() * documentsPerRequest,
                        filled.ready(), filled.made() - filled.ready()));
            }
            System.out.println(messages.get("cli.demo.done", households, parent.dataDir().toString(), s.requests().count()));
            return 0;
        });
    }
}
