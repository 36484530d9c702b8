package id.berkasdesa.common.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A save or open dialog starts where the operator keeps files, never in the program's working folder. */
class DialogServiceStartFolderTest {

    @TempDir
    Path home;

    @Test
    void documentsFirstThenTheFolderUsedLastThenHome() throws Exception {
        assertThat(DialogService.startFolder(home, null)).isEqualTo(home);
        Path documents = Files.createDirectory(home.resolve("Documents"));
        assertThat(DialogService.startFolder(home, null)).isEqualTo(documents);
        Path stick = Files.createDirectory(home.resolve("flashdisk"));
        assertThat(DialogService.startFolder(home, stick)).isEqualTo(stick);
        Files.delete(stick); // a stick pulled out since: back to Documents
        assertThat(DialogService.startFolder(home, stick)).isEqualTo(documents);
    }
}
