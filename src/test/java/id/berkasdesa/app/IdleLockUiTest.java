package id.berkasdesa.app;

import static id.berkasdesa.app.AppFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import id.berkasdesa.wiring.Wiring;
import java.nio.file.Path;
import java.time.Clock;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Administrator sets the idle minutes; left alone that long, the window locks itself, and the
 * password brings the page back. (A "minute" is a second here, so the test can watch it.)
 */
@ExtendWith(ApplicationExtension.class)
class IdleLockUiTest {

    @TempDir
    static Path dir;
    private final AppFixture app = new AppFixture();

    @Start
    void start(Stage stage) {
        SessionFlow.idleUnit = Duration.seconds(1);
        try (Wiring w = Wiring.open(dir, Clock.systemDefaultZone())) {
            AppFixture.setUpVillage(w);
        }
        app.start(stage, dir);
    }

    @AfterEach
    void stop() {
        app.stop();
        SessionFlow.idleUnit = Duration.minutes(1);
    }

    @Test
    void leftAloneForTheSetMinutesTheWindowLocksAndThePasswordBringsThePageBack(FxRobot r) {
        waitUntil(() -> r.lookup("#statusTiles").tryQuery().isPresent());
        AppFixture.openRegister(r);
        r.press(KeyCode.ALT, KeyCode.B).release(KeyCode.B, KeyCode.ALT);
        r.clickOn("Kunci layar otomatis…");
        waitUntil(() -> r.lookup("#lockMinutesField").tryQuery().isPresent());
        assertThat(r.lookup("#lockMinutesField").queryAs(TextField.class).getText()).isEqualTo("10");
        Screenshots.take(r, r.lookup("#lockMinutesField").query().getScene(), "kunci-layar");
        r.doubleClickOn("#lockMinutesField").write("0");
        r.clickOn("Simpan");
        waitUntil(() -> r.lookup("#lockMinutesProblem").queryAs(Label.class).getText().contains("1 sampai 120"));
        r.doubleClickOn("#lockMinutesField").write("3");
        r.clickOn("Simpan");
        waitUntil(() -> r.lookup("#lockMinutesField").tryQuery().isEmpty());
        assertThat(app.ctx.accounts().lockMinutes()).isEqualTo(3);

        // no key, no click: after 3 "minutes" the page is hidden behind the password
        waitUntil(() -> r.lookup("#passwordField").tryQuery().map(Node::isVisible).orElse(false));
        assertThat(r.lookup("#searchField").tryQuery()).isEmpty();
        r.clickOn("#passwordField").write(AppFixture.PASSWORD).type(KeyCode.ENTER);
        waitUntil(() -> r.lookup("#searchField").tryQuery().isPresent());
    }
}
