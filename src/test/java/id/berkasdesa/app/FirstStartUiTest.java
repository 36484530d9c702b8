package id.berkasdesa.app;

import static id.berkasdesa.app.AppFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import id.berkasdesa.wiring.Wiring;
import java.nio.file.Path;
import javafx.scene.Node;
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
import org.testfx.util.WaitForAsyncUtils;

/**
 * The app's own first start on a new, empty data folder, as a double click on a new PC starts it: the
 * setup form comes first and takes typing at once; the key and the store are made behind it once it is
 * on screen, and the operator who types quickly and presses Enter waits for them, nothing lost: the
 * village's first Administrator follows.
 */
@ExtendWith(ApplicationExtension.class)
class FirstStartUiTest {

    @TempDir
    Path dir;
    private BerkasDesaApp app;

    @Start
    void start(Stage stage) {
        app = BerkasDesaApp.on(dir.resolve("data"));
        app.start(stage);
    }

    @AfterEach
    void stop() {
        WaitForAsyncUtils.asyncFx(app::stop);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theSetupTakesTypingAtOnceAndTheStoreIsMadeBehindIt(FxRobot r) {
        waitUntil(() -> r.lookup("#searchField").tryQuery().map(Node::isFocused).orElse(false));
        AppFixture.pickVillage(r, "pondok rajeg");
        assertThat(r.lookup("#kantorField").queryAs(TextField.class).getText()).isEqualTo("Kantor Kelurahan Pondok Rajeg");
        r.clickOn("#operatorField").write("Ani");
        r.clickOn("#startButton");

        // saved once the store behind the form was there: the village's first Administrator, named at the setup
        waitUntil(() -> r.lookup("#repeatField").tryQuery().map(Node::isVisible).orElse(false));
        assertThat(r.lookup("#nameField").queryAs(TextField.class).getText()).isEqualTo("Ani");
        assertThat(Wiring.isNew(dir.resolve("data"))).as("the key and the store were made").isFalse();
    }
}
