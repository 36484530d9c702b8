package id.berkasdesa.app;

import static id.berkasdesa.app.AppFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Bantuan: F1 lists the shortcuts; the menu, opened with Alt+T, has a one-page how-to. */
@ExtendWith(ApplicationExtension.class)
class HelpUiTest {

    @TempDir
    static Path dir;
    private final AppFixture app = new AppFixture();

    @Start
    void start(Stage stage) {
        app.startOnVillage(stage, dir);
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    private static Window dialogWindow(FxRobot r, String id) {
        return r.lookup(id).query().getScene().getWindow();
    }

    @Test
    void f1ListsTheShortcutsAndTheHelpMenuHasAHowTo(FxRobot r) {
        waitUntil(() -> r.lookup("#statusTiles").tryQuery().isPresent());
        r.type(KeyCode.F1);
        waitUntil(() -> r.lookup("#shortcutGrid").tryQuery().isPresent());
        GridPane grid = r.lookup("#shortcutGrid").queryAs(GridPane.class);
        assertThat(grid.getChildren()).hasSize(2 * HelpDialogs.SHORTCUTS.length);
        assertThat(grid.getChildren().stream().map(n -> ((Label) n).getText()))
                .contains("Ctrl+T", "Ctrl+L", "Ctrl+K", "F1", "Esc", "Alt+B / Alt+U / Alt+P / Alt+S / Alt+T").noneMatch(t -> t.startsWith("!"));
        Window shortcuts = dialogWindow(r, "#shortcutGrid");
        assertThat(shortcuts instanceof Stage s ? s.getTitle() : "").isEqualTo("Pintasan keyboard");
        Screenshots.take(r, shortcuts.getScene(), "pintasan");
        r.type(KeyCode.ESCAPE);
        waitUntil(() -> r.lookup("#shortcutGrid").tryQuery().isEmpty());

        r.press(KeyCode.ALT, KeyCode.T).release(KeyCode.T, KeyCode.ALT);
        r.clickOn("Cara memakai Berkas Desa");
        waitUntil(() -> r.lookup("#howToSteps").tryQuery().isPresent());
        VBox steps = r.lookup("#howToSteps").queryAs(VBox.class);
        assertThat(steps.getChildren()).hasSize(8);
        assertThat(((Label) steps.getChildren().get(1)).getText()).startsWith("1. Data KK.");
        Screenshots.take(r, steps.getScene(), "cara-memakai");
        r.clickOn("Tutup");
        waitUntil(() -> r.lookup("#howToSteps").tryQuery().isEmpty());
    }
}
