package id.berkasdesa.app;

import static id.berkasdesa.app.AppFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import id.berkasdesa.household.Household;
import id.berkasdesa.household.Households;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import id.berkasdesa.wiring.Wiring;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class WarningConfirmationUiTest {

    @TempDir
    static Path dir;
    private final AppFixture app = new AppFixture();
    private static final Household FAMILY = Households.family(3);

    @Start
    void start(Stage stage) {
        try (Wiring store = Wiring.open(dir, Clock.systemDefaultZone())) {
            AppFixture.setUpVillage(store);
            store.households().save(FAMILY, false);
        }
        app.start(stage, dir);
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    @Test
    void aBirthDateThatDisagreesWithTheNikNeedsOneConfirmation(FxRobot r) {
        AppFixture.openRegister(r);
        r.clickOn("#searchField").write(FAMILY.noKk());
        waitUntil(() -> r.lookup("#table").queryTableView().getItems().size() == 1);
        r.type(KeyCode.ENTER).type(KeyCode.ENTER);
        waitUntil(() -> r.lookup("#tanggalLahirField").tryQuery().isPresent());
        TextField birth = r.lookup("#tanggalLahirField").queryAs(TextField.class);
        waitUntil(() -> birth.getText().equals("04-04-1980"));

        r.doubleClickOn(birth).press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        r.write("05-04-1980");
        Label nikMessage = r.lookup("#nikMessage").queryAs(Label.class);
        waitUntil(nikMessage::isVisible);
        assertThat(nikMessage.getText()).contains("04-04-80").contains("05-04-1980");

        r.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        waitUntil(() -> r.lookup("Periksa lagi").tryQuery().isPresent());
        r.clickOn("Periksa lagi");
        assertThat(storedBirth()).isEqualTo(LocalDate.of(1980, 4, 4));

        r.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        waitUntil(() -> r.lookup("Ya, simpan").tryQuery().isPresent());
        r.clickOn("Ya, simpan");
        Label status = r.lookup("#householdMessage").queryAs(Label.class);
        waitUntil(() -> status.getText().startsWith("Tersimpan"));
        assertThat(storedBirth()).isEqualTo(LocalDate.of(1980, 4, 5));

        r.clickOn("#alamatField").write(" A");
        r.type(KeyCode.ESCAPE);
        waitUntil(() -> r.lookup("Tetap di sini").tryQuery().isPresent());
        r.clickOn("Tetap di sini");
        assertThat(r.lookup("#alamatField").queryAs(TextField.class).getText()).endsWith(" A");
    }

    private LocalDate storedBirth() {
        return app.ctx.households().load(FAMILY.id()).orElseThrow().members().get(0).tanggalLahir();
    }
}
