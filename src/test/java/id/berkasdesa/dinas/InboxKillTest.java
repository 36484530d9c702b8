package id.berkasdesa.dinas;

import static org.assertj.core.api.Assertions.assertThat;

import id.berkasdesa.backup.StoreCheck;
import id.berkasdesa.common.Role;
import id.berkasdesa.common.Session;
import id.berkasdesa.db.KilledChild;
import id.berkasdesa.exchange.Progress;
import id.berkasdesa.wiring.Wiring;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A power cut in the middle of the inbox: killed at random moments (20 times unless
 * {@code -Dinbox.kills} says otherwise) while four bundles are received, the store opens whole,
 * {@code check} finds nothing wrong, every bundle is there with all its requests or not at all, and the
 * inbox run again on the same stick completes it.
 */
@org.junit.jupiter.api.Tag("kill")
class InboxKillTest {

    private static final int KILLS = Integer.getInteger("inbox.kills", 20);

    @TempDir
    static Path shared;
    static Path store;
    static Path stick;
    static long inboxMillis;

    @BeforeAll
    static void aDistrictAndHowLongItsInboxTakes() throws Exception {
        VillageBundles.make();
        stick = Files.createDirectories(shared.resolve("flashdisk"));
        List<Path> sent = List.of(VillageBundles.pondokFirst, VillageBundles.pondokLater, VillageBundles.karadenan,
                VillageBundles.harapanjaya);
        for (int i = 0; i < sent.size(); i++) { // in the order they were sent (the older bundle of a village first)
            Files.copy(sent.get(i), stick.resolve(i + "-" + sent.get(i).getFileName()));
        }
        store = shared.resolve("dinas");
        try (Wiring w = Wiring.open(store, Clock.systemDefaultZone())) {
            w.dinas().setUp("32.01", "Dinas Sosial Kabupaten Bogor");
            w.officeKeys(VillageBundles.DISTRICT);
        }
        Path once = shared.resolve("sekali");
        id.berkasdesa.document.TestFiles.copyTree(store, once);
        List<String> lines = KilledChild.run(shared.resolve("sekali.err"), 30_000, InboxLoop.class, once.toString(),
                stick.toString());
        String errors = Files.readString(shared.resolve("sekali.err"));
        String done = lines.stream().filter(l -> l.startsWith("DONE ")).findFirst().orElseThrow(() -> new AssertionError(errors));
        inboxMillis = Long.parseLong(done.substring(5));
        assertThat(lines).filteredOn(l -> l.startsWith("IMPORTED ")).hasSize(4);
        assertWhole(once, true);
    }

    @Test
    void aKillAtAnyMomentLeavesEveryBundleWholeOrAbsentAndTheInboxCompletesIt() throws Exception {
        Random random = new Random(29);
        long[] delays = new long[KILLS];
        for (int run = 0; run < KILLS; run++) {
            delays[run] = (long) (random.nextDouble() * inboxMillis * 2.2); // two at a time: each child runs slower
        }
        KilledChild.twoAtATime(KILLS, run -> {
            Path dir = shared.resolve("kill" + run);
            id.berkasdesa.document.TestFiles.copyTree(store, dir);
            KilledChild.run(shared.resolve("kill" + run + ".err"), delays[run], InboxLoop.class, dir.toString(), stick.toString());
            assertWhole(dir, false);
            try (Wiring w = Wiring.open(dir, Clock.systemDefaultZone())) {
                w.db().actAs(new Session("Vera", Role.VERIFIKATOR));
                try (var in = Files.list(stick)) {
                    for (Path f : in.sorted().toList()) {
                        assertThat(w.dinas().receive(f, Progress.none()).outcome()).as("run %d: %s", run, f.getFileName())
                                .isIn(DinasService.Outcome.IMPORTED, DinasService.Outcome.ALREADY);
                    }
                }
            }
            assertWhole(dir, true);
        });
    }

    /** {@code check} finds nothing wrong; each bundle stored has all its requests; {@code all}: all four, six requests. */
    private static void assertWhole(Path dir, boolean all) {
        try (Wiring w = Wiring.open(dir, Clock.systemDefaultZone())) {
            StoreCheck.Report r = w.backups().check(Progress.none());
            assertThat(r.problems()).as("%s", dir.getFileName()).isEmpty();
            List<Map<String, Object>> bundles = w.db().read(h -> h.createQuery("""
                    SELECT b.bundle_id, b.request_count,
                    (SELECT COUNT(*) FROM dinas_request r WHERE r.bundle_id = b.bundle_id)
                    + (SELECT COUNT(*) FROM dinas_request_version v WHERE v.bundle_id = b.bundle_id) AS held
                    FROM dinas_bundle b""").mapToMap().list());
            for (Map<String, Object> b : bundles) {
                assertThat(((Number) b.get("held")).intValue()).as("%s: bundle %s", dir.getFileName(), b.get("bundle_id"))
                        .isEqualTo(((Number) b.get("request_count")).intValue());
            }
            if (all) {
                assertThat(bundles).hasSize(4);
                assertThat(w.dinas().requests(null, null, null)).hasSize(6);
                assertThat(w.dinas().villageKeys()).hasSize(3);
            }
        }
    }
}
