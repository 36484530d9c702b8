package id.berkasdesa.app;

import static id.berkasdesa.app.AppFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import id.berkasdesa.household.Households;
import id.berkasdesa.wiring.Wiring;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Node;
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
 * Ctrl+Shift+L locks the window on every page, the KK form included, where Ctrl+L attaches a document:
 * the lock wins, no file chooser opens, and the password brings the page back as it was.
 */
@ExtendWith(ApplicationExtension.class)
class LockShortcutUiTest {

    @TempDir
    Path dir;
    private final AppFixture app = new AppFixture();
    private final AtomicInteger choosers = new AtomicInteger();

    @Start
    void start(Stage stage) {
        try (Wiring store = Wiring.open(dir, Clock.systemDefaultZone())) {
            AppFixture.setUpVillage(store);
            store.households().save(Households.family(5), true);
        }
        app.dialogs.setFilePicker(title -> {
            choosers.incrementAndGet();
            return List.of();
        });
        app.start(stage, dir);
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    private static boolean visible(FxRobot r, String id) {
        return r.lookup(id).tryQuery().map(Node::isVisible).orElse(false);
    }

    private void lockAndUnlock(FxRobot r, String pageNode) {
        r.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.L).release(KeyCode.L, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(() -> visible(r, "#passwordField"));
        assertThat(r.lookup("#titleLabel").queryAs(Label.class).getText()).isEqualTo("Layar terkunci");
        assertThat(r.lookup(pageNode).tryQuery()).as("the page is hidden while locked").isEmpty();
        r.write(AppFixture.PASSWORD).type(KeyCode.ENTER);
        waitUntil(() -> r.lookup(pageNode).tryQuery().isPresent());
    }

    @Test
    void ctrlShiftLLocksOnEveryPageAndNeverAttaches(FxRobot r) {
        waitUntil(() -> r.lookup("#statusTiles").tryQuery().isPresent());
        lockAndUnlock(r, "#statusTiles");
        AppFixture.openRegister(r);
        lockAndUnlock(r, "#searchField");
        r.clickOn("#searchField").write(Households.family(5).noKk());
        waitUntil(() -> r.lookup("#table").queryTableView().getItems().size() == 1);
        r.type(KeyCode.DOWN).type(KeyCode.ENTER);
        waitUntil(() -> r.lookup("#memberTable").tryQuery().isPresent());
        for (int i = 0; i < 3; i++) { // the newcomer saw the file chooser 2 times of 3
            lockAndUnlock(r, "#memberTable");
        }
        assertThat(choosers.get()).as("Ctrl+L's file chooser never opened").isZero();
        r.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        waitUntil(() -> r.lookup("#requestTable").tryQuery().isPresent() || r.lookup("#statusBox").tryQuery().isPresent());
        lockAndUnlock(r, "#statusBox");
    }
}
