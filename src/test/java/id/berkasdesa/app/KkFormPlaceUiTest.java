package id.berkasdesa.app;

import static id.berkasdesa.app.AppFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import id.berkasdesa.household.Household;
import id.berkasdesa.household.Households;
import id.berkasdesa.wiring.Wiring;
import java.nio.file.Path;
import java.time.Clock;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
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
 * The operator keeps their place in the KK form: after a save the member they were on stays selected
 * (it jumped back to member 1), and a refused save puts the cursor in the field that stops it, that
 * member selected and the field scrolled into view.
 */
@ExtendWith(ApplicationExtension.class)
class KkFormPlaceUiTest {

    @TempDir
    Path dir;
    private final AppFixture app = new AppFixture();
    private static final Household FAMILY = Households.family(4);

    @Start
    void start(Stage stage) {
        try (Wiring store = Wiring.open(dir, Clock.systemDefaultZone())) {
            AppFixture.setUpVillage(store);
            store.households().save(FAMILY, true);
        }
        app.start(stage, dir);
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    private static void ctrl(FxRobot r, KeyCode key) {
        r.press(KeyCode.CONTROL, key).release(key, KeyCode.CONTROL);
    }

    @Test
    void aSaveKeepsTheMemberAndARefusedOneFocusesTheFieldToFix(FxRobot r) {
        AppFixture.openRegister(r);
        r.write(FAMILY.noKk());
        waitUntil(() -> r.lookup("#table").queryTableView().getItems().size() == 1);
        r.type(KeyCode.ENTER); // one KK found: Enter in the search opens it (F1 says so)
        waitUntil(() -> r.lookup("#memberTable").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        TableView<Object> members = r.lookup("#memberTable").queryAs(TableView.class);
        waitUntil(() -> members.getItems().size() == 3);

        // on the third member: change the place of birth, save, and still be on the third member
        r.interact(() -> members.getSelectionModel().select(2));
        waitUntil(() -> r.lookup("#namaField").queryAs(TextField.class).getText().equals("ANAK UJI 4"));
        r.doubleClickOn("#tempatLahirField").write("CIBINONG");
        ctrl(r, KeyCode.S);
        Label status = r.lookup("#householdMessage").queryAs(Label.class);
        waitUntil(() -> status.getText().startsWith("Tersimpan"));
        assertThat(members.getSelectionModel().getSelectedIndex()).isEqualTo(2);
        assertThat(r.lookup("#namaField").queryAs(TextField.class).getText()).isEqualTo("ANAK UJI 4");

        // the second member's place of birth emptied while the first is on screen: the save is refused and
        // the cursor goes to that field of that member
        r.interact(() -> members.getSelectionModel().select(1));
        waitUntil(() -> r.lookup("#namaField").queryAs(TextField.class).getText().equals("SITI UJI 4"));
        r.interact(() -> r.lookup("#tempatLahirField").queryAs(TextField.class).clear());
        r.interact(() -> members.getSelectionModel().select(0));
        waitUntil(() -> r.lookup("#namaField").queryAs(TextField.class).getText().equals("BUDI UJI 4"));
        r.clickOn("#noKkField");
        ctrl(r, KeyCode.S);
        waitUntil(() -> status.getText().startsWith("Belum tersimpan"));
        waitUntil(() -> r.lookup("#tempatLahirField").query().isFocused());
        assertThat(members.getSelectionModel().getSelectedIndex()).isEqualTo(1);
        Node field = r.lookup("#tempatLahirField").query();
        assertThat(field.localToScene(field.getBoundsInLocal()).getMaxY()).as("in view")
                .isLessThan(field.getScene().getHeight());
    }
}
