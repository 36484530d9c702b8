package id.berkasdesa.app;

import static id.berkasdesa.app.AppFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import id.berkasdesa.wiring.Wiring;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import javafx.scene.Node;
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
import org.testfx.util.WaitForAsyncUtils;

/**
 * The app's own start on an encrypted store, as a double click starts it: "Membuka data…", then the
 * window with the sign-in form, whose name field has the keys at once; the operator types the name and
 * the password without waiting and Enter opens the home screen with its numbers.
 */
@ExtendWith(ApplicationExtension.class)
class AppStartUiTest {

    @TempDir
    static Path dir;
    private BerkasDesaApp app;

    @Start
    void start(Stage stage) throws java.io.IOException {
        Path store = Files.createTempDirectory(dir, "store");
        try (Wiring w = Wiring.open(store, Clock.systemDefaultZone())) {
            AppFixture.setUpVillage(w);
            w.accounts().createFirstAdministrator(AppFixture.ADMIN, AppFixture.PASSWORD.toCharArray());
            for (int i = 0; i < 12; i++) {
                w.households().save(id.berkasdesa.household.Households.family(i + 1), true);
            }
            id.berkasdesa.request.SampleRequests.fill(w.requests(), w.households(), 20, 7, n -> { });
        }
        assertThat(Wiring.needsPassword(store)).as("an encrypted store: the sign-in opens it").isTrue();
        app = BerkasDesaApp.on(store);
        app.start(stage);
    }

    @AfterEach
    void stop() {
        WaitForAsyncUtils.asyncFx(app::stop);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theSignInTakesTheKeysAsSoonAsItShowsAndEnterOpensTheHomeScreen(FxRobot r) {
        waitUntil(() -> r.lookup("#nameField").tryQuery().map(Node::isFocused).orElse(false));
        // the header names the village from its key file, read on the worker while the window was built
        assertThat(r.lookup("#villageLabel").queryAs(Label.class).getText()).contains(" · ");
        assertThat(AppFixture.visibleMenus(r)).containsExactly("Berkas", "Usulan", "Paket", "Surat", "Bantuan");
        r.write(AppFixture.ADMIN).type(KeyCode.TAB).write(AppFixture.PASSWORD).type(KeyCode.ENTER);
        waitUntil(() -> r.lookup("#statusTiles").tryQuery().isPresent());
        assertThat(r.lookup("#operatorLabel").queryAs(Label.class).getText()).isEqualTo("Administrator: " + AppFixture.ADMIN);
        assertThat(r.lookup("#passwordField").tryQuery().map(f -> ((TextField) f).getText()).orElse("")).isEmpty();

        // a bar of the chart says what it counts when the pointer rests on it (its tooltip made then). The
        // start-up's check of the rules may redraw the chart once after 0.8 s: a bar replaced under a pointer
        // that does not move gets no mouse event, so the pointer comes onto a bar again until a tooltip shows
        boolean shown = false;
        for (int attempt = 0; attempt < 8 && !shown; attempt++) {
            try {
                r.moveTo(bar(r)).moveBy(2, 2);
            } catch (RuntimeException replaced) {
                WaitForAsyncUtils.sleep(300, java.util.concurrent.TimeUnit.MILLISECONDS);
                continue;
            }
            for (int i = 0; i < 30 && !shown; i++) { // the tooltip's own delay is 1 s
                WaitForAsyncUtils.sleep(100, java.util.concurrent.TimeUnit.MILLISECONDS);
                shown = r.lookup(".tooltip").tryQuery().map(Node::isVisible).orElse(false);
            }
            if (!shown) {
                Node offTheChart = r.lookup("#todayLabel").query();
                r.moveTo(offTheChart); // to come onto a bar again
            }
        }
        assertThat(shown).as("a bar's tooltip").isTrue();
        Node tooltip = r.lookup(".tooltip").query();
        assertThat(r.from(tooltip).lookup((Node n) -> n instanceof javafx.scene.control.Labeled)
                .queryAs(javafx.scene.control.Labeled.class).getText()).matches(".+ · .+: [1-9]\\d* usulan");
    }

    private static Node bar(FxRobot r) {
        return r.lookup(".chart-bar").queryAll().stream()
                .filter(n -> n.getScene() != null && n.getScene().getWindow() != null && n.getBoundsInLocal().getHeight() > 2)
                .findFirst().orElseThrow();
    }
}
