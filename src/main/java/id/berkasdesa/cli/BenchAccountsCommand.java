package id.berkasdesa.cli;

import id.berkasdesa.audit.AuditChain;
import id.berkasdesa.common.Messages;
import id.berkasdesa.db.Database;
import id.berkasdesa.village.VillageProfile;
import id.berkasdesa.wiring.Wiring;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code bench-accounts}: on a new data folder, how long a sign-in takes (Argon2id, median of 10),
 * and how long {@code audit verify} takes over a chain of 100,000 entries.
 */
@Command(name = "bench-accounts", description = "Ukur lama masuk (Argon2id, median 10 kali) dan pemeriksaan rantai "
        + "rekam jejak 100.000 entri, pada folder data baru.")
final class BenchAccountsCommand implements Callable<Integer> {

    @ParentCommand
    BerkasDesaCommand parent;

    @Option(names = "--entries", defaultValue = "100000", description = "Entri rekam jejak (bawaan: ${DEFAULT-VALUE}).")
    int entries;

    @Override
    public Integer call() {
        Messages messages = Messages.indonesian();
        if (Database.exists(parent.dataDir())) {
            return Json.fail(1, "cli.init.exists", messages.get("cli.init.exists", parent.dataDir().toString()));
        }
        char[] password = "kata sandi ukur kecepatan".toCharArray();
        try (Wiring w = Wiring.open(parent.dataDir(), Clock.systemDefaultZone())) {
            w.villages().save(new VillageProfile("32.01.01.1001", "PONDOK RAJEG", "Kantor", "admin", false));
            long t0 = System.nanoTime();
            w.accounts().createFirstAdministrator("admin", password);
            BenchCommand.print("create_administrator", Map.of("ms", BenchCommand.round((System.nanoTime() - t0) / 1e6)));
            double[] ms = new double[10];
            w.accounts().signIn("admin", password); // warm-up
            for (int i = 0; i < ms.length; i++) {
                long t = System.nanoTime();
                w.accounts().signIn("admin", password);
                ms[i] = (System.nanoTime() - t) / 1e6;
            }
            Arrays.sort(ms);
            Map<String, Object> signIn = new LinkedHashMap<>();
            signIn.put("median_ms", BenchCommand.round((ms[4] + ms[5]) / 2));
            signIn.put("min_ms", BenchCommand.round(ms[0]));
            signIn.put("max_ms", BenchCommand.round(ms[9]));
            signIn.put("argon2id", "m=" + id.berkasdesa.account.Passwords.Cost.DEFAULT.memoryKib() + "KiB,t="
                    + id.berkasdesa.account.Passwords.Cost.DEFAULT.iterations() + ",p=1");
            BenchCommand.print("sign_in", signIn);

            // one durable unit of work with its trail entry (signed by the signed-in person's key), median of 51
            double[] uow = new double[51];
            for (int i = 0; i < uow.length; i++) {
                long t = System.nanoTime();
                w.accounts().lockMinutes(1 + i % 100);
                uow[i] = (System.nanoTime() - t) / 1e6;
            }
            Arrays.sort(uow);
            BenchCommand.print("unit_of_work", Map.of("median_ms", BenchCommand.round(uow[25]),
                    "max_ms", BenchCommand.round(uow[50])));

            long f = System.nanoTime();
            w.audit().benchmarkFill(entries, Clock.systemDefaultZone());
            BenchCommand.print("audit_fill", Map.of("entries", entries, "seconds", BenchCommand.round((System.nanoTime() - f) / 1e9)));
            w.audit().verify(); // warm-up
            long v = System.nanoTime();
            AuditChain.Verdict verdict = w.audit().verify();
            BenchCommand.print("audit_verify", Map.of("entries", verdict.entries(), "intact", verdict.intact(),
                    "seconds", BenchCommand.round((System.nanoTime() - v) / 1e9)));
            return verdict.intact() ? 0 : 1;
        } finally {
            Arrays.fill(password, '\0');
        }
    }
}
