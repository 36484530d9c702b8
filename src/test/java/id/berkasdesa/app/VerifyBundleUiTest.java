package id.berkasdesa.app;

import static id.berkasdesa.app.AppFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import id.berkasdesa.bundle.BundleStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Periksa paket says what a file is, whose, and the true reason: the village's own protected bundle is
 * a bundle (never "Balasan … -1 keputusan"), the Dinas Sosial's signed answer is an intact answer (it
 * was "TIDAK UTUH … minta desa mengirim ulang"), a cut-short file is damaged. Baca balasan calls a
 * truncated or empty answer damaged, not "unsigned".
 */
@ExtendWith(ApplicationExtension.class)
class VerifyBundleUiTest {

    @TempDir
    Path dir;
    @TempDir
    Path scratch;
    @TempDir
    Path stick;
    private final AppFixture app = new AppFixture();
    private final Deque<Path> toOpen = new ArrayDeque<>();
    private Path bundle;
    private Path answer;

    @Start
    void start(Stage stage) throws Exception {
        List<Path> files = BundleStore.sealedExchange(dir, scratch, stick, Clock.systemDefaultZone());
        bundle = files.get(0);
        answer = files.get(1);
        app.dialogs.setOpenPicker((title, extensions) -> Optional.ofNullable(toOpen.poll()));
        app.start(stage, dir);
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    /** The text of the message dialog now open. */
    private static Optional<String> dialogText(FxRobot r) {
        return r.listWindows().stream().map(w -> w.getScene().getRoot())
                .filter(root -> root instanceof DialogPane p && p.getContent() instanceof Label)
                .map(root -> ((Label) ((DialogPane) root).getContent()).getText()).findFirst();
    }

    private String check(FxRobot r, Path file) {
        toOpen.add(file);
        r.press(KeyCode.ALT, KeyCode.P).release(KeyCode.P, KeyCode.ALT);
        r.clickOn("Periksa paket…");
        waitUntil(() -> dialogText(r).isPresent());
        String text = dialogText(r).orElseThrow();
        r.type(KeyCode.ENTER);
        waitUntil(() -> dialogText(r).isEmpty());
        return text;
    }

    @Test
    void periksaPaketSaysWhatEachFileIsAndTheTrueReason(FxRobot r) throws Exception {
        waitUntil(() -> r.lookup("#statusTiles").tryQuery().isPresent());
        assertThat(check(r, bundle)).contains("UTUH (terenkripsi)", "Paket usulan desa", "Dinas Sosial Kabupaten Bogor")
                .doesNotContain("Balasan", "-1 keputusan", "-1 usulan");
        assertThat(check(r, answer)).contains("Balasan", "UTUH (terenkripsi)", "dari Dinas Sosial Kabupaten Bogor",
                "Baca balasan").doesNotContain("TIDAK UTUH", "-1 keputusan");
        Path cut = scratch.resolve("terpotong.zip");
        byte[] whole = Files.readAllBytes(answer);
        Files.write(cut, java.util.Arrays.copyOf(whole, whole.length / 2));
        assertThat(check(r, cut)).contains("TIDAK UTUH", "rusak").doesNotContain("ditandatangani");

        // Baca balasan on the cut answer and on an empty file: damaged, not "unsigned"
        for (Path bad : List.of(cut, Files.write(scratch.resolve("kosong.zip"), new byte[0]))) {
            toOpen.add(bad);
            r.press(KeyCode.CONTROL, KeyCode.B).release(KeyCode.B, KeyCode.CONTROL);
            waitUntil(() -> dialogText(r).isPresent());
            assertThat(dialogText(r).orElseThrow()).contains("rusak, terpotong").doesNotContain("tidak ditandatangani");
            r.type(KeyCode.ENTER);
            waitUntil(() -> dialogText(r).isEmpty());
        }
    }
}
