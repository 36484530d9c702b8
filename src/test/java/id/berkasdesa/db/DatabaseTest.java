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
