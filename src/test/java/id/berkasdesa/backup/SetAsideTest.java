package id.berkasdesa.backup;

import static org.assertj.core.api.Assertions.assertThat;

import id.berkasdesa.common.AtomicFile;
import id.berkasdesa.wiring.Wiring;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sample office set aside for the real one ({@link Restore#setAside}): the whole store moves into a
 * {@code disisihkan-…} folder, where it still opens with its password, and the data folder is new
 * again; a power cut after the first step is finished by the next opening, never half here, half there.
 */
class SetAsideTest {

    @TempDir
    Path tmp;

    @Test
    void theWholeStoreMovesAsideStillOpensThereAndTheFolderIsNewAgain() throws Exception {
        Path dir = tmp.resolve("kantor");
        BackupStores.make(dir, tmp.resolve("scans"), 2, 40);
        long households;
        try (Wiring w = BackupStores.signedIn(dir)) {
            households = w.households().count();
        }
        Path aside = Restore.setAside(dir);

        assertThat(aside.getParent()).isEqualTo(dir);
        assertThat(aside.getFileName().toString()).startsWith(Restore.ASIDE);
        assertThat(Wiring.isNew(dir)).as("the folder opens as at a first start").isTrue();
        assertThat(names(dir)).doesNotContain(Restore.WORK);
        // the mark of the schema that opened the store last went with it: nothing here claims a store
        assertThat(aside.resolve(id.berkasdesa.db.Database.STORE_MARK)).exists();
        assertThat(dir.resolve(id.berkasdesa.db.Database.STORE_MARK)).doesNotExist();
        try (Wiring w = BackupStores.signedIn(aside)) {
            assertThat(w.households().count()).as("nothing lost: the example opens where it was set").isEqualTo(households);
        }
    }

    @Test
    void aPowerCutAfterTheMarkerIsFinishedByTheNextOpening() throws Exception {
        Path dir = tmp.resolve("kantor");
        BackupStores.make(dir, tmp.resolve("scans"), 2, 40);
        // what setAside has done when the power goes right after its first step: the marker, nothing moved
        Path work = Files.createDirectories(dir.resolve(Restore.WORK));
        AtomicFile.write(work.resolve(Restore.MARKER),
                out -> out.write("{\"disisihkan\":\"disisihkan-20261207-101500\",\"kosongkan\":true}".getBytes()));

        assertThat(Wiring.needsPassword(dir)).as("the opening finishes it: nothing left to open").isFalse();
        assertThat(Wiring.isNew(dir)).isTrue();
        try (Wiring w = BackupStores.signedIn(dir.resolve("disisihkan-20261207-101500"))) {
            assertThat(w.households().count()).isPositive();
        }
    }

    private static List<String> names(Path dir) throws java.io.IOException {
        try (Stream<Path> in = Files.list(dir)) {
            return in.map(p -> p.getFileName().toString()).toList();
        }
    }
}
