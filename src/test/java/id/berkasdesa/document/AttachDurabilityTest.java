package id.berkasdesa.document;

import id.berkasdesa.files.DocumentStore;
import static org.assertj.core.api.Assertions.assertThat;

import id.berkasdesa.db.Database;
import id.berkasdesa.db.KilledChild;
import id.berkasdesa.settings.SettingsStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A power cut in the middle of an attach: a child JVM attaches, rotates and detaches documents and is
 * killed (SIGKILL) at random moments, 20 times. After every kill, the next start leaves no row
 * without its files (each file still has its hash), no file without a row, and no temp litter; every
 * attach that was confirmed is still there unless its detach had begun.
 */
@org.junit.jupiter.api.Tag("kill")
class AttachDurabilityTest {

    private static final int KILLS = Integer.getInteger("attach.kills", 20);

    @TempDir
    Path dir;
    @TempDir
    Path scans;

    @Test
    void noRowWithoutItsFileAndNoLitterAfterKillsMidAttach() throws Exception {
        for (int i = 0; i < 5; i++) {
            TestFiles.jpeg(scans.resolve("scan" + i + ".jpg"), 1200, 900, i);
        }
        Random random = new Random(20261124);
        Set<UUID> confirmed = new HashSet<>();
        Set<UUID> detaching = new HashSet<>();
        int confirmations = 0;
        for (int run = 0; run < KILLS; run++) {
            List<String> lines = KilledChild.run(dir.resolve("child.err"), 300 + random.nextInt(2000), AttachLoop.class,
                    dir.toString(), scans.toString(), String.valueOf(run));
            for (String line : lines) {
                String[] f = line.split(" ");
                if (f.length != 2 || f[1].length() != 36) {
                    continue; // cut by the kill
                }
                UUID id = UUID.fromString(f[1]);
                switch (f[0]) {
                    case "OK" -> {
                        confirmed.add(id);
                        confirmations++;
                    }
                    case "TRYDETACH" -> detaching.add(id);
                    case "GONE" -> {
                        confirmed.remove(id);
                        detaching.remove(id);
                    }
                    default -> { }
                }
            }
            assertStoreWhole(confirmed, detaching);
        }
        System.out.printf("AttachDurabilityTest: %d kills, %d attaches confirmed, %d documents kept%n", KILLS,
                confirmations, confirmed.size());
        // the children did real work between kills (detaches make the kept set smaller, so count attaches)
        assertThat(confirmations).as("attaches confirmed across all runs").isGreaterThan(KILLS);
    }

    private void assertStoreWhole(Set<UUID> confirmed, Set<UUID> detaching) throws Exception {
        try (Database db = Database.open(dir)) {
            DocumentService documents = new DocumentService(db, new SettingsStore(db), Clock.systemDefaultZone());
            DocumentStore.Sweep sweep = documents.sweep();
            assertThat(sweep.missing()).as("rows naming a missing file").isEmpty();
            Set<String> named = new HashSet<>();
            Set<UUID> present = new HashSet<>();
            for (Document d : documents.forHousehold(AttachLoop.household(db).id())) {
                present.add(d.id());
                named.add(d.copySha256());
                documents.sources(d.id()).forEach(s -> named.add(s.sha256()));
            }
            for (String sha : named) {
                assertThat(documents.store().intact(sha)).as("file %s whole", sha).isTrue();
            }
            assertThat(documents.store().all()).as("no file without a row").isEqualTo(named);
            try (Stream<Path> temps = Files.list(dir.resolve("dokumen/tmp"))) {
                assertThat(temps).as("no temp litter").isEmpty();
            }
            for (UUID id : confirmed) {
                assertThat(present.contains(id) || detaching.contains(id)).as("confirmed document %s kept", id).isTrue();
            }
        }
    }
}
