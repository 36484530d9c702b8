package id.berkasdesa.app;

import static id.berkasdesa.app.AppFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import id.berkasdesa.document.DocumentKind;
import id.berkasdesa.document.TestFiles;
import id.berkasdesa.household.Household;
import id.berkasdesa.household.Households;
import id.berkasdesa.wiring.Wiring;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
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
 * Attaching checks the file first: a file that is no picture or PDF, or is cut short, is refused
 * before the type and date are asked; a file named for its kind ("…sktm.jpg") is offered as that kind.
 */
@ExtendWith(ApplicationExtension.class)
class AttachCheckFirstUiTest {

    @TempDir
    Path dir;
    @TempDir
    Path files;
    private final AppFixture app = new AppFixture();
    private final Deque<List<Path>> picks = new ArrayDeque<>();
    private static final Household FAMILY = Households.family(6);

    @Start
    void start(Stage stage) {
        try (Wiring store = Wiring.open(dir, Clock.systemDefaultZone())) {
            AppFixture.setUpVillage(store);
            store.households().save(FAMILY, true);
        }
        app.dialogs.setFilePicker(title -> picks.isEmpty() ? List.of() : picks.poll());
        app.start(stage, dir);
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    private static java.util.Optional<String> errorText(FxRobot r) {
        return r.listWindows().stream().map(w -> w.getScene().getRoot())
                .filter(root -> root instanceof DialogPane p && p.getContent() instanceof Label)
                .map(root -> ((Label) ((DialogPane) root).getContent()).getText()).findFirst();
    }

    @Test
    void aBadFileIsRefusedBeforeAnythingIsAskedAndAFileNamedSktmIsOfferedAsSktm(FxRobot r) throws Exception {
        AppFixture.openRegister(r);
        r.write(FAMILY.noKk());
        waitUntil(() -> r.lookup("#table").queryTableView().getItems().size() == 1);
        r.type(KeyCode.DOWN).type(KeyCode.ENTER);
        waitUntil(() -> r.lookup("#memberTable").tryQuery().isPresent());

        Path text = Files.writeString(files.resolve("ktp-budi.jpg"), "bukan gambar, hanya teks");
        Path jpeg = TestFiles.jpeg(files.resolve("utuh.jpg"), 800, 600, 1);
        byte[] whole = Files.readAllBytes(jpeg);
        Path cut = Files.write(files.resolve("terpotong-ktp.jpg"), java.util.Arrays.copyOf(whole, whole.length / 3));
        for (Path bad : List.of(text, cut)) {
            picks.add(List.of(bad));
            waitUntil(() -> !app.runner.busy().get());
            r.press(KeyCode.CONTROL, KeyCode.L).release(KeyCode.L, KeyCode.CONTROL);
            waitUntil(() -> errorText(r).isPresent());
            assertThat(errorText(r).orElseThrow()).contains(bad.getFileName().toString());
            assertThat(r.lookup("#kindBox").tryQuery()).as("type and date never asked").isEmpty();
            r.type(KeyCode.ENTER);
            waitUntil(() -> errorText(r).isEmpty());
        }
        assertThat(app.ctx.documents().forHousehold(FAMILY.id())).isEmpty();

        // the first missing document is the KTP, but the file's name says SKTM
        picks.add(List.of(TestFiles.jpeg(files.resolve("scan sktm 2026.jpg"), 800, 600, 2)));
        waitUntil(() -> !app.runner.busy().get());
        r.press(KeyCode.CONTROL, KeyCode.L).release(KeyCode.L, KeyCode.CONTROL);
        waitUntil(() -> r.lookup("#kindBox").tryQuery().isPresent());
        assertThat(r.lookup("#kindBox").queryComboBox().getValue()).isEqualTo(DocumentKind.SKTM);
        assertThat(r.lookup("#dateField").queryAs(TextField.class).getText()).as("an SKTM's own date").isEmpty();
        r.type(KeyCode.ESCAPE);
        waitUntil(() -> r.lookup("#kindBox").tryQuery().isEmpty());
        // Ctrl+D: the document list itself takes the keyboard (Enter shows a document; no mouse needed)
        javafx.scene.control.TabPane tabs = r.lookup("#memberTabs").queryAs(javafx.scene.control.TabPane.class);
        r.interact(() -> tabs.getSelectionModel().select(0)); // the member's data, as after opening the KK
        r.press(KeyCode.CONTROL, KeyCode.D).release(KeyCode.D, KeyCode.CONTROL);
        waitUntil(() -> tabs.getSelectionModel().getSelectedIndex() == 1 && r.lookup("#documentTable").query().isFocused());
    }
}
