package id.berkasdesa.app;

import static id.berkasdesa.app.AppFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.geometry.Bounds;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The newcomer saw the header shift a few pixels when a button took the focus. Every button on the
 * home screen and in the KK form, focused in turn: it and the row it stands in keep their size and place.
 */
@ExtendWith(ApplicationExtension.class)
class FocusRingUiTest {

    @TempDir
    Path dir;
    private final AppFixture app = new AppFixture();

    @Start
    void start(Stage stage) {
        app.startOnVillage(stage, dir);
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    @Test
    void aButtonTakingTheFocusMovesNothing(FxRobot r) {
        waitUntil(() -> r.lookup("#statusTiles").tryQuery().isPresent());
        everyButtonStaysPut(r);
        r.interact(() -> r.lookup("#statusTiles").query().requestFocus());
        AppFixture.openRegister(r);
        r.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.N)
                .release(javafx.scene.input.KeyCode.N, javafx.scene.input.KeyCode.CONTROL);
        waitUntil(() -> r.lookup("#memberTable").tryQuery().isPresent());
        everyButtonStaysPut(r);
    }

    private static void everyButtonStaysPut(FxRobot r) {
        AtomicReference<List<Button>> buttons = new AtomicReference<>();
        r.interact(() -> buttons.set(r.lookup(".button").queryAllAs(Button.class).stream()
                .filter(b -> b.isVisible() && !b.isDisabled() && b.getScene() != null && b.getParent() != null).toList()));
        assertThat(buttons.get()).isNotEmpty();
        for (Button b : buttons.get()) {
            AtomicReference<Bounds[]> before = new AtomicReference<>();
            r.interact(() -> before.set(b.getParent() == null ? null : new Bounds[] {b.localToScene(b.getLayoutBounds()),
                    b.getParent().localToScene(b.getParent().getLayoutBounds())}));
            if (before.get() == null) {
                continue; // a page's button that is no longer shown
            }
            r.interact(b::requestFocus);
            WaitForAsyncUtils.waitForFxEvents();
            r.sleep(120); // a pulse or two: the focused look applied and laid out
            if (b.getText() != null && b.getText().startsWith("Semua usulan")) {
                Screenshots.take(r, b.getScene(), "fokus-tombol"); // the ring, looked at
            }
            r.interact(() -> {
                if (b.getParent() == null) {
                    return;
                }
                assertThat(b.localToScene(b.getLayoutBounds())).as("button \"%s\"", b.getText()).isEqualTo(before.get()[0]);
                assertThat(b.getParent().localToScene(b.getParent().getLayoutBounds())).as("the row of \"%s\"", b.getText())
                        .isEqualTo(before.get()[1]);
            });
        }
    }
}
