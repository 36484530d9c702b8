package id.berkasdesa.db;

import static org.assertj.core.api.Assertions.assertThat;

import id.berkasdesa.household.Household;
import id.berkasdesa.household.HouseholdRules;
import id.berkasdesa.household.HouseholdSearch;
import id.berkasdesa.household.HouseholdService;
import id.berkasdesa.household.HouseholdSummary;
import id.berkasdesa.wilayah.Wilayah;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A save the operator saw confirmed survives a crash: a child JVM saves in a loop and is killed
 * (SIGKILL) at random moments; after every kill the store reopens, and at the end every confirmed
 * household is there whole, each in its last confirmed version or the one being saved at the kill,
 * and no household is half-written.
 */
@org.junit.jupiter.api.Tag("kill")
class DurabilityTest {

    private static final int KILLS = Integer.getInteger("durability.kills", 100);

    record State(int members, String alamat) {
    }

    @TempDir
    Path dir;

    /**
     * Two stores, each killed {@code KILLS / 2} times, side by side (the kills count the same; the
     * machine's two cores are both busy, which makes the moments no less random).
     */
    @Test
    void confirmedSavesSurviveKillsAtRandomMoments() throws Exception {
        java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.Future<Integer> a = two.submit(() -> sequence(dir.resolve("a"), new Random(20261123), KILLS / 2));
            java.util.concurrent.Future<Integer> b = two.submit(() -> sequence(dir.resolve("b"), new Random(20261124),
                    KILLS - KILLS / 2));
            int confirmations = a.get() + b.get();
            System.out.printf("DurabilityTest: %d kills, %d confirmed saves%n", KILLS, confirmations);
            assertThat(confirmations).as("saves confirmed across all runs").isGreaterThan(KILLS);
        } finally {
            two.shutdownNow();
        }
    }

    /** {@code kills} kills of a child saving into {@code folder}, then every confirmed save checked; the confirmations. */
    private static int sequence(Path folder, Random random, int kills) throws Exception {
        java.nio.file.Files.createDirectories(folder);
        Map<UUID, State> confirmed = new HashMap<>();
        Map<UUID, State> attempted = new HashMap<>();
        int confirmations = 0;
        for (int run = 0; run < kills; run++) {
            List<String> lines = KilledChild.run(folder.resolve("child.err"), 50 + random.nextInt(600), SaveLoop.class,
                    folder.toString(), String.valueOf(run));
            for (String line : lines) {
                String[] f = line.split(" ");
                if (f.length < 4) {
                    continue; // a line cut by the kill: neither a confirmation nor a full attempt
                }
                State s = new State(Integer.parseInt(f[2]), f[3].replace('_', ' '));
                UUID id = UUID.fromString(f[1]);
                if (f[0].equals("OK")) {
                    confirmed.put(id, s);
                    attempted.remove(id);
                    confirmations++;
                } else {
                    attempted.put(id, s);
                }
            }
        }
        try (Database db = Database.open(folder)) {
            HouseholdService service = new HouseholdService(db, Wilayah.load(), Clock.systemDefaultZone());
            for (Map.Entry<UUID, State> e : confirmed.entrySet()) {
                Household h = service.load(e.getKey()).orElseThrow(() -> new AssertionError("lost " + e.getKey()));
                State stored = new State(h.members().size(), h.alamat());
                assertThat(stored).as("household %s", e.getKey()).isIn(e.getValue(), attempted.get(e.getKey()));
            }
            HouseholdRules rules = service.rules();
            for (HouseholdSummary s : service.search(new HouseholdSearch("", null, null, null, Integer.MAX_VALUE))) {
                Household h = service.load(s.id()).orElseThrow();
                assertThat(rules.check(h, LocalDate.now()).errors()).as("whole household %s", s.id()).isEmpty();
                assertThat(confirmed.containsKey(s.id()) || attempted.containsKey(s.id())).isTrue();
            }
        }
        return confirmations;
    }
}
