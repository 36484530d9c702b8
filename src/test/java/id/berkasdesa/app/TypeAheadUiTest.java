package id.berkasdesa.app;

import static id.berkasdesa.app.AppFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import id.berkasdesa.household.Households;
import id.berkasdesa.wiring.Wiring;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
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
 * Keys typed right after a command reach the screen it opens, in order, however long it takes to
 * open: no wait between the keys (the sign-in unwraps the key and opens the store on a worker; a KK
 * is read on a worker), as a practised operator types.
 */
@ExtendWith(ApplicationExtension.class)
class TypeAheadUiTest {

    @TempDir
    Path dir;
    private final AppFixture app = new AppFixture();
    private Stage stage;

    @Start
    void start(Stage stage) throws java.io.IOException {
        this.stage = stage;
        Path store = Files.createDirectories(dir.resolve("desa"));
        try (Wiring w = Wiring.open(store, Clock.systemDefaultZone())) {
            AppFixture.setUpVillage(w);
            w.accounts().createFirstAdministrator(AppFixture.ADMIN, AppFixture.PASSWORD.toCharArray());
            w.households().save(Households.family(3), true);
        }
        app.startSignedOut(stage, store);
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    private static void ctrl(FxRobot r, KeyCode key) {
        r.press(KeyCode.CONTROL, key).release(key, KeyCode.CONTROL);
    }

    @Test
    void afterSignInCtrl2CtrlNAndTheKkTypedAtOnceAllLandInTheForm(FxRobot r) {
        waitUntil(() -> r.lookup("#nameField").tryQuery().map(n -> n.isFocused()).orElse(false));
        r.write(AppFixture.ADMIN).type(KeyCode.TAB).write(AppFixture.PASSWORD);
        r.type(KeyCode.ENTER);
        ctrl(r, KeyCode.DIGIT2);
        ctrl(r, KeyCode.N);
        r.write("3201011203260042");
        r.type(KeyCode.ENTER);
        r.write("Jl. Melati No. 3");

        waitUntil(() -> r.lookup("#alamatField").tryQuery().map(n -> ((TextField) n).getText().equals("Jl. Melati No. 3"))
                .orElse(false));
        assertThat(r.lookup("#noKkField").queryAs(TextField.class).getText()).isEqualTo("3201011203260042");
        assertThat(r.lookup("#alamatField").query().isFocused()).isTrue();
        // nothing went to the home screen or the list meanwhile
        assertThat(app.ctx.session().operator()).isEqualTo(AppFixture.ADMIN);
    }

    @Test
    void openingAKkFromTheListAndTypingAtOnceKeepsEveryKey(FxRobot r) {
        waitUntil(() -> r.lookup("#nameField").tryQuery().map(n -> n.isFocused()).orElse(false));
        r.write(AppFixture.ADMIN).type(KeyCode.TAB).write(AppFixture.PASSWORD).type(KeyCode.ENTER);
        waitUntil(() -> r.lookup("#statusTiles").tryQuery().isPresent());
        ctrl(r, KeyCode.DIGIT2);
        r.write("3201011203000003"); // the search field has the focus: the KK is found
        waitUntil(() -> r.lookup("#table").queryAs(javafx.scene.control.TableView.class).getItems().size() == 1);
        r.type(KeyCode.DOWN).type(KeyCode.ENTER); // opens it (read on a worker) ...
        r.type(KeyCode.ENTER).write("Gg. Mawar 7"); // ... and Enter to the address, typed at once
        waitUntil(() -> r.lookup("#alamatField").tryQuery().map(n -> ((TextField) n).getText().endsWith("Gg. Mawar 7"))
                .orElse(false));
        assertThat(r.lookup("#noKkField").queryAs(TextField.class).getText()).isEqualTo("3201011203000003");
    }

    /**
     * Ctrl+3 and a name typed on its heels, all already waiting when the page is swapped in: the keys
     * reach the Usulan list's search field before any pulse has styled it (a field without its skin
     * ignores typing). Found by typing {@code ctrl+3} and {@code dewi} at once into the real window.
     */
    @Test
    void ctrl3AndANameQueuedTogetherAllLandInTheRequestSearch(FxRobot r) {
        waitUntil(() -> r.lookup("#nameField").tryQuery().map(n -> n.isFocused()).orElse(false));
        r.write(AppFixture.ADMIN).type(KeyCode.TAB).write(AppFixture.PASSWORD).type(KeyCode.ENTER);
        waitUntil(() -> r.lookup("#statusTiles").tryQuery().isPresent());
        r.interact(() -> {
            // as the window's queue hands them over: one after another, no pulse between them
            queued(r, KeyCode.DIGIT3, "3", true);
            for (char c : "dewi".toCharArray()) {
                queued(r, KeyCode.getKeyCode(String.valueOf(c).toUpperCase()), String.valueOf(c), false);
            }
        });
        waitUntil(() -> r.lookup("#searchField").tryQuery().filter(n -> n.getScene() != null)
                .map(n -> ((TextField) n).getText().equals("dewi")).orElse(false));
        TextField search = r.lookup("#searchField").queryAs(TextField.class);
        assertThat(search.isFocused()).isTrue();
        assertThat(search.getPromptText()).isEqualTo(app.messages.get("request.list.search.prompt"));
    }

    /** One key's press, typed character and release, fired where the window would: at the focus owner then. */
    private void queued(FxRobot r, KeyCode code, String text, boolean shortcut) {
        for (javafx.event.EventType<javafx.scene.input.KeyEvent> type : java.util.List.of(
                javafx.scene.input.KeyEvent.KEY_PRESSED, javafx.scene.input.KeyEvent.KEY_TYPED,
                javafx.scene.input.KeyEvent.KEY_RELEASED)) {
            if (type == javafx.scene.input.KeyEvent.KEY_TYPED && shortcut) {
                continue;
            }
            javafx.scene.Scene scene = stage.getScene();
            javafx.event.EventTarget target = scene.getFocusOwner() != null ? scene.getFocusOwner() : scene;
            boolean typed = type == javafx.scene.input.KeyEvent.KEY_TYPED;
            javafx.event.Event.fireEvent(target, new javafx.scene.input.KeyEvent(type, typed ? text : "",
                    typed ? "" : text, typed ? KeyCode.UNDEFINED : code, false, shortcut, false, false));
        }
    }
}
