package id.berkasdesa.backup;

import static org.assertj.core.api.Assertions.assertThat;

import id.berkasdesa.exchange.Progress;
import id.berkasdesa.db.KilledChild;
import id.berkasdesa.wiring.Wiring;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A power cut during a restore over a store: killed at random moments (20 times unless
 * {@code -Drestore.kills} says otherwise), the next start opens a whole store — the old one or the
 * restored one — and {@code check} finds nothing wrong.
 */
@org.junit.jupiter.api.Tag("kill")
class RestoreKillTest {

    private static final int KILLS = Integer.getInteger("restore.kills", 20);
    private static final int OLD = 3;
    private static final int RESTORED = 6;

    @TempDir
    static Path shared;
    static Path old;
    static Path backup;
    static long restoreMillis;

    @BeforeAll
    static void anOldStoreAndABackupOfAnother() throws Exception {
        old = shared.resolve("lama");
        BackupStores.make(old, shared.resolve("scans"), OLD, 500);
        Path other = shared.resolve("lain");
        BackupStores.make(other, shared.resolve("scans"), RESTORED, 300);
        try (Wiring w = BackupStores.signedIn(other)) {
            backup = w.backups().create(java.nio.file.Files.createDirectories(shared.resolve("stick")), 5, Progress.none()).file();
        }
        // once whole, in a child as the kills will run it, to know how long a restore takes there
        Path once = shared.resolve("sekali");
        BackupServiceTest.copyTree(old, once);
        List<String> lines = KilledChild.run(shared.resolve("sekali.err"), 8_000, RestoreLoop.class, once.toString(), backup.toString());
        String errors = Files.readString(shared.resolve("sekali.err"));
        String done = lines.stream().filter(l -> l.startsWith("DONE ")).findFirst().orElseThrow(() -> new AssertionError(errors));
        restoreMillis = Long.parseLong(done.substring(5));
        assertThat(households(once)).isEqualTo(RESTORED);
    }

    private static long households(Path dir) {
        try (Wiring w = BackupStores.signedIn(dir)) {
            StoreCheck.Report r = w.backups().check(Progress.none());
            assertThat(r.problems()).isEmpty();
            return r.households();
        }
    }

    @Test
    void aKillAtAnyMomentLeavesTheOldStoreOrTheRestoredOneWhole() throws Exception {
        Random random = new Random(15);
        long[] delays = new long[KILLS];
        for (int run = 0; run < KILLS; run++) {
            delays[run] = (long) (random.nextDouble() * restoreMillis * 2.2); // two at a time: each child runs slower
        }
        java.util.concurrent.atomic.AtomicInteger restored = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger finished = new java.util.concurrent.atomic.AtomicInteger();
        KilledChild.twoAtATime(KILLS, run -> {
            Path dir = shared.resolve("kill" + run);
            BackupServiceTest.copyTree(old, dir);
            List<String> lines = KilledChild.run(shared.resolve("kill" + run + ".err"), delays[run], RestoreLoop.class,
                    dir.toString(), backup.toString());
            long n = households(dir);
            assertThat(n).as("run %d killed after %d ms", run, delays[run]).isIn((long) OLD, (long) RESTORED);
            assertThat(dir.resolve(Restore.WORK)).as("run %d", run).doesNotExist();
            if (n == RESTORED) {
                restored.incrementAndGet();
            }
            if (lines.stream().anyMatch(l -> l.startsWith("DONE"))) {
                finished.incrementAndGet();
            }
        });
        System.out.printf("restore kills: %d (%d before the end), restored store found after %d, old store after %d "
                + "(a restore takes ~%d ms)%n", KILLS, KILLS - finished.get(), restored.get(), KILLS - restored.get(), restoreMillis);
        assertThat(KILLS - restored.get()).as("some kills must land before the swap").isPositive();
    }
}
