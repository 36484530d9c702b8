package id.berkasdesa.backup;

import static org.assertj.core.api.Assertions.assertThat;

import id.berkasdesa.exchange.Progress;
import id.berkasdesa.db.KilledChild;
import id.berkasdesa.keys.KeyRing;
import id.berkasdesa.wiring.Wiring;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A power cut during Ganti kunci data: killed at random moments (12 times unless {@code -Drekey.kills}
 * says otherwise), the next start opens a whole store under the old key or under the new one — never
 * neither, never a mix — and {@code check} finds nothing wrong; no copy under the old key is left.
 */
@org.junit.jupiter.api.Tag("kill")
class RekeyKillTest {

    private static final int KILLS = Integer.getInteger("rekey.kills", 12);
    private static final int FAMILIES = 6;

    @TempDir
    static Path shared;
    static Path store;
    static String oldKey;
    static long rekeyMillis;

    @BeforeAll
    static void aStoreAndHowLongItsRekeyTakes() throws Exception {
        store = shared.resolve("desa");
        BackupStores.make(store, shared.resolve("scans"), FAMILIES, 700);
        try (Wiring w = BackupStores.signedIn(store)) {
            w.accounts().signOut(); // the checkpoint sealed: the key file as a person's last sign-out leaves it
        }
        oldKey = key(store);
        Path once = shared.resolve("sekali");
        BackupServiceTest.copyTree(store, once);
        List<String> lines = KilledChild.run(shared.resolve("sekali.err"), 20_000, RekeyLoop.class, once.toString());
        String errors = Files.readString(shared.resolve("sekali.err"));
        String done = lines.stream().filter(l -> l.startsWith("DONE ")).findFirst().orElseThrow(() -> new AssertionError(errors));
        rekeyMillis = Long.parseLong(done.substring(5));
        assertThat(key(once)).isNotEqualTo(oldKey);
        assertThat(households(once)).isEqualTo(FAMILIES);
    }

    /** The store key the Administrator's password opens (as H2 is given it). */
    private static String key(Path dir) {
        return KeyRing.unlock(dir, BackupStores.ADMIN, BackupStores.PASSWORD).key().fileKey();
    }

    private static long households(Path dir) {
        try (Wiring w = BackupStores.signedIn(dir)) {
            StoreCheck.Report r = w.backups().check(Progress.none());
            assertThat(r.problems()).isEmpty();
            assertThat(r.missingDocuments()).isZero();
            return r.households();
        }
    }

    @Test
    void aKillAtAnyMomentLeavesTheStoreWholeUnderTheOldKeyOrTheNew() throws Exception {
        Random random = new Random(23);
        long[] delays = new long[KILLS];
        for (int run = 0; run < KILLS; run++) {
            delays[run] = (long) (random.nextDouble() * rekeyMillis * 2.2); // two at a time: each child runs slower
        }
        java.util.concurrent.atomic.AtomicInteger rekeyed = new java.util.concurrent.atomic.AtomicInteger();
        KilledChild.twoAtATime(KILLS, run -> {
            Path dir = shared.resolve("kill" + run);
            BackupServiceTest.copyTree(store, dir);
            KilledChild.run(shared.resolve("kill" + run + ".err"), delays[run], RekeyLoop.class, dir.toString());
            assertThat(households(dir)).as("run %d killed after %d ms", run, delays[run]).isEqualTo(FAMILIES);
            assertThat(dir.resolve(Restore.WORK)).as("run %d", run).doesNotExist();
            try (var left = Files.list(dir)) {
                assertThat(left.map(p -> p.getFileName().toString())).as("nothing under the old key set aside")
                        .noneMatch(n -> n.startsWith(Restore.ASIDE));
            }
            if (!key(dir).equals(oldKey)) {
                rekeyed.incrementAndGet();
            }
        });
        System.out.printf("rekey kills: %d, new key found after %d, old key after %d (a rekey takes ~%d ms)%n",
                KILLS, rekeyed.get(), KILLS - rekeyed.get(), rekeyMillis);
        assertThat(KILLS - rekeyed.get()).as("some kills must land before the swap").isPositive();
    }
}
