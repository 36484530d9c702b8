package id.berkasdesa.cli;

import id.berkasdesa.common.Messages;
import id.berkasdesa.db.Database;
import id.berkasdesa.keys.CipherWarmUp;
import id.berkasdesa.keys.KeyRing;
import id.berkasdesa.wilayah.Wilayah;
import id.berkasdesa.wiring.Wiring;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code bench-open}: what encryption adds to opening a store — the key's unwrapping (Argon2id) and
 * opening the encrypted file up to the home screen's numbers — against the same store decrypted into
 * a scratch folder and opened plain, in the same run, alternating. Needs the signed-in user's password
 * (BERKAS_DESA_USER / BERKAS_DESA_PASSWORD); the scratch copy is deleted at the end.
 */
@Command(name = "bench-open", description = "Ukur tambahan waktu membuka data terenkripsi dibanding data yang sama tanpa enkripsi.")
final class BenchOpenCommand implements Callable<Integer> {

    @ParentCommand
    BerkasDesaCommand parent;

    @Option(names = "--rounds", defaultValue = "5")
    int rounds;

    @Override
    public Integer call() throws Exception {
        CipherWarmUp.start(); // the cipher at full speed from the first megabyte
        Messages m = Messages.indonesian();
        char[] password = StoreCommand.password(parent, "BERKAS_DESA_PASSWORD", m.get("cli.signin.password", parent.user()));
        if (parent.user() == null || password == null) {
            return Json.fail(3, "cli.signin.needed", m.get("cli.signin.needed"));
        }
        Path dir = parent.dataDir();
        Clock clock = Clock.systemDefaultZone();
        Wilayah wilayah = Wilayah.load();
        double[] unwrap = new double[rounds];
        double[] encrypted = new double[rounds];
        double[] plain = new double[rounds];
        Path scratch = Files.createTempDirectory("berkas-desa-bench-open");
        try {
            KeyRing keys = KeyRing.unlock(dir, parent.user(), password);
            Database.plainCopy(dir, keys.key(), scratch);
            int households = 0;
            for (int r = 0; r < rounds; r++) {
                long t = System.nanoTime();
                KeyRing k = KeyRing.unlock(dir, parent.user(), password);
                unwrap[r] = (System.nanoTime() - t) / 1e6;
                t = System.nanoTime();
                try (Database db = Database.open(dir, k.key())) {
                    Wiring w = Wiring.of(db, wilayah, clock, "bench");
                    w.requests().dashboard();
                    households = w.households().count();
                }
                encrypted[r] = (System.nanoTime() - t) / 1e6;
                t = System.nanoTime();
                try (Database db = Database.open(scratch)) {
                    Wiring w = Wiring.of(db, wilayah, clock, "bench");
                    w.requests().dashboard();
                }
                plain[r] = (System.nanoTime() - t) / 1e6;
            }
            Arrays.sort(unwrap);
            Arrays.sort(encrypted);
            Arrays.sort(plain);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("households", households);
            out.put("unwrap_key_median_ms", BenchCommand.round(unwrap[rounds / 2]));
            out.put("open_encrypted_median_ms", BenchCommand.round(encrypted[rounds / 2]));
            out.put("open_plain_median_ms", BenchCommand.round(plain[rounds / 2]));
            out.put("added_ms", BenchCommand.round(unwrap[rounds / 2] + encrypted[rounds / 2] - plain[rounds / 2]));
            out.put("target_ms", 1000);
            BenchCommand.print("open_store", out);
            return 0;
        } finally {
            Arrays.fill(password, '\0');
            try (var files = Files.list(scratch)) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(scratch);
        }
    }
}
