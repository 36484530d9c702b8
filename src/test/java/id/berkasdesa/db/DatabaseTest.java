package id.berkasdesa.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {

    @TempDir
    Path dir;

    @Test
    void aSecondOpenOfTheSameFolderGetsAClearMessageNotALockError() {
        try (Database first = Database.open(dir)) {
            assertThatThrownBy(() -> Database.open(dir))
                    .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.key()).isEqualTo("store.error.inUse"));
        }
        Database.open(dir).close();
    }

    /**
     * The store keeps more of its pages than H2's 16 MB: under the launcher's 1 GB heap 64 MB, so that a
     * village of 20,000 households keeps its lists' pages (each page read again is decrypted again).
     */
    @Test
    void theStoreKeepsAnEighthOfTheHeapOfPagesBetween16And64Mb() {
        try (Database db = Database.open(dir)) {
            long mb = db.read(h -> h.createQuery(
                    "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'info.CACHE_MAX_SIZE'")
                    .mapTo(Long.class).one());
            assertThat(mb * 1024).isEqualTo(Database.cacheKb(Runtime.getRuntime().maxMemory())).isGreaterThan(16 * 1024);
        }
        assertThat(Database.cacheKb(1L << 30)).isEqualTo(64 * 1024);
        assertThat(Database.cacheKb(256L << 20)).isEqualTo(32 * 1024);
        assertThat(Database.cacheKb(64L << 20)).isEqualTo(16 * 1024);
        assertThat(Database.cacheKb(8L << 30)).isEqualTo(64 * 1024);
    }

    @Test
    void aLeftoverLockFileDoesNotBlockTheNextStart() throws Exception {
        Files.writeString(dir.resolve(InstanceLock.FILE), "left by a power cut");
        Database.open(dir).close();
    }

    @Test
    void aFolderThatCannotBeCreatedIsReported() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
        assertThatThrownBy(() -> Database.open(file.resolve("data")))
                .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.key()).isEqualTo("store.error.folder"));
    }

    @Test
    void theDefaultFolderIsTheUsersDataFolder() {
        assertThat(DataDir.defaultFor("Windows 10", Map.of("LOCALAPPDATA", "C:\\Users\\op\\AppData\\Local"), "C:\\Users\\op"))
                .isEqualTo(Path.of("C:\\Users\\op\\AppData\\Local", "BerkasDesa"));
        assertThat(DataDir.defaultFor("Linux", Map.of("XDG_DATA_HOME", "/x/data"), "/home/op"))
                .isEqualTo(Path.of("/x/data/berkas-desa"));
        assertThat(DataDir.defaultFor("Linux", Map.of(), "/home/op"))
                .isEqualTo(Path.of("/home/op/.local/share/berkas-desa"));
    }
}
