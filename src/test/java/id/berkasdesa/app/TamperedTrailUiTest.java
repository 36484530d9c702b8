package id.berkasdesa.app;

import static id.berkasdesa.app.AppFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import id.berkasdesa.common.Role;
import id.berkasdesa.keys.Outsider;
import id.berkasdesa.wiring.Wiring;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
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

/** An Operator made themself Administrator in the H2 file with their own password: Rekam jejak says so, by name. */
@ExtendWith(ApplicationExtension.class)
class TamperedTrailUiTest {

    @TempDir
    static Path dir;
    private final AppFixture app = new AppFixture();

    @Start
    void start(Stage stage) throws Exception {
        Path store = Files.createTempDirectory(dir, "store");
        String budi;
        try (Wiring w = Wiring.open(store, Clock.systemDefaultZone())) {
            AppFixture.setUpVillage(w);
            w.accounts().createFirstAdministrator(AppFixture.ADMIN, AppFixture.PASSWORD.toCharArray());
            budi = w.accounts().addWithNewPassword("Budi", Role.OPERATOR).password();
        }
        Outsider.run(store, "Budi", budi, "UPDATE operator_account SET role = 'ADMINISTRATOR' WHERE name = 'Budi'");
        app.start(stage, store);
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    @Test
    void rekamJejakNamesTheAccountChangedOutsideTheApp(FxRobot r) {
        waitUntil(() -> r.lookup("#statusTiles").tryQuery().isPresent());
        r.press(KeyCode.ALT, KeyCode.B).release(KeyCode.B, KeyCode.ALT);
        r.clickOn("Rekam jejak…");
        waitUntil(() -> r.lookup("#auditVerdict").queryAs(Label.class).getText().contains("DIUBAH"));
        assertThat(r.lookup("#auditVerdict").queryAs(Label.class).getText())
                .contains("DIUBAH DI LUAR APLIKASI", "Akun Budi: peran, status, atau kuncinya diubah di luar aplikasi")
                .doesNotContain("Akun " + AppFixture.ADMIN);
        assertThat(r.lookup("#auditVerdict").queryAs(Label.class).getStyleClass()).contains("field-error");
        Screenshots.take(r, r.lookup("#auditVerdict").queryAs(Label.class).getScene(), "rekam-jejak-diubah");
    }
}
