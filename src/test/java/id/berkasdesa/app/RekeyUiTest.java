package id.berkasdesa.app;

import static id.berkasdesa.app.AppFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import id.berkasdesa.common.Role;
import id.berkasdesa.household.Households;
import id.berkasdesa.keys.KeyRing;
import id.berkasdesa.wiring.Wiring;
import java.nio.file.Path;
import java.time.Clock;
import javafx.scene.Node;
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
 * An account disabled in Pengguna: closing the dialog offers Ganti kunci data; accepted, the store is
 * copied under a new key, the sign-in shows again, and the same password opens the new store with
 * nothing lost. The person gone can no longer open it with the key file they had.
 */
@ExtendWith(ApplicationExtension.class)
class RekeyUiTest {

    @TempDir
    Path dir;
    private final AppFixture app = new AppFixture();

    @Start
    void start(Stage stage) {
        try (Wiring w = Wiring.open(dir, Clock.systemDefaultZone())) {
            AppFixture.setUpVillage(w);
            w.households().save(Households.family(31), true);
        }
        app.start(stage, dir);
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    private static boolean visible(FxRobot r, String id) {
        return r.lookup(id).tryQuery().map(Node::isVisible).orElse(false);
    }

    @Test
    void disablingAnAccountOffersANewKeyAndTheSamePasswordOpensTheNewStore(FxRobot r) {
        String dewi = app.ctx.accounts().addWithNewPassword("Dewi", Role.OPERATOR).password();
        String before = KeyRing.unlock(dir, AppFixture.ADMIN, AppFixture.PASSWORD.toCharArray()).key().fileKey();
        waitUntil(() -> r.lookup("#statusTiles").tryQuery().isPresent());
        r.press(KeyCode.ALT, KeyCode.B).release(KeyCode.B, KeyCode.ALT);
        r.clickOn("Pengguna…");
        waitUntil(() -> r.lookup("#accountsTable").tryQuery().isPresent());
        r.clickOn("Dewi");
        r.clickOn("#disableAccount");
        r.clickOn("Ya, nonaktifkan");
        waitUntil(() -> r.lookup("#accountsMessage").queryLabeled().getText().contains("Dewi"));
        r.clickOn("Tutup");

        waitUntil(() -> AppFixture.dialogSaying(r, "Akun Dewi sudah dinonaktifkan").isPresent());
        Screenshots.take(r, AppFixture.dialogSaying(r, "Akun Dewi").orElseThrow().getScene(), "ganti-kunci-tanya");
        r.clickOn("Ganti kunci sekarang");
        waitUntil(() -> AppFixture.dialogSaying(r, "Kunci data sudah diganti").isPresent());
        Screenshots.take(r, AppFixture.dialogSaying(r, "Kunci data sudah diganti").orElseThrow().getScene(), "ganti-kunci-selesai");
        r.type(KeyCode.ENTER);

        waitUntil(() -> visible(r, "#passwordField"));
        if (visible(r, "#nameField")) {
            r.interact(() -> r.lookup("#nameField").queryTextInputControl().clear());
            r.clickOn("#nameField").write(AppFixture.ADMIN);
        }
        r.clickOn("#passwordField").write(AppFixture.PASSWORD).type(KeyCode.ENTER);
        waitUntil(() -> r.lookup("#statusTiles").tryQuery().isPresent());
        assertThat(app.ctx.households().count()).isEqualTo(1);

        String after = KeyRing.unlock(dir, AppFixture.ADMIN, AppFixture.PASSWORD.toCharArray()).key().fileKey();
        assertThat(after).isNotEqualTo(before);
        assertThat(KeyRing.state(dir)).isEqualTo(KeyRing.State.CLAIMED);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> KeyRing.unlock(dir, "Dewi", dewi.toCharArray()))
                .isInstanceOf(id.berkasdesa.keys.KeyException.class);
    }
}
