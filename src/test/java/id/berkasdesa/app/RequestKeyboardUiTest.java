package id.berkasdesa.app;

import static id.berkasdesa.app.AppFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import id.berkasdesa.common.ui.KeyboardEntry;
import id.berkasdesa.document.Diagnosis;
import id.berkasdesa.common.DateText;
import id.berkasdesa.household.Household;
import id.berkasdesa.household.Households;
import id.berkasdesa.request.CheckChannel;
import id.berkasdesa.request.Route;
import id.berkasdesa.wiring.Wiring;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextArea;
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
 * The request form from the keyboard alone, as the newcomer typed it: the form opens in its first
 * field, Enter follows the visible order through the reason's text area (never skipping it), and a
 * sentence typed into the urgent category picks nothing — the person had kidney failure, not cancer.
 */
@ExtendWith(ApplicationExtension.class)
class RequestKeyboardUiTest {

    @TempDir
    Path dir;
    private final AppFixture app = new AppFixture();
    private static final Household FAMILY = Households.family(8);
    private static final LocalDate TODAY = LocalDate.now();

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

    private static boolean focused(FxRobot r, String id) {
        return r.lookup(id).tryQuery().map(Node::isFocused).orElse(false);
    }

    /**
     * The request form with its first field focused. It failed now and then on a loaded CI machine
     * (never here): on a timeout it says what was on screen and who had the focus, for the next look.
     */
    private static void waitForForm(FxRobot r) {
        try {
            org.testfx.util.WaitForAsyncUtils.waitFor(20, java.util.concurrent.TimeUnit.SECONDS,
                    () -> focused(r, "#checkDateField"));
        } catch (java.util.concurrent.TimeoutException e) {
            StringBuilder seen = new StringBuilder();
            r.interact(() -> r.listWindows().forEach(w -> seen.append(w.getClass().getSimpleName()).append(" focused=")
                    .append(w.isFocused()).append(" owner=").append(w.getScene() == null ? null : w.getScene().getFocusOwner())
                    .append(" form=").append(r.lookup("#checkDateField").tryQuery().isPresent()).append("; ")));
            throw new AssertionError("the request form did not take the keyboard: " + seen, e);
        }
    }

    @Test
    void enterFollowsTheVisibleOrderAndASentenceInAChoiceListPicksNothing(FxRobot r) {
        AppFixture.openKk(r, FAMILY.noKk());
        r.press(KeyCode.CONTROL, KeyCode.U).release(KeyCode.U, KeyCode.CONTROL);
        waitForForm(r); // the first field, not Kembali

        r.write(DateText.format(TODAY.minusDays(1))).type(KeyCode.ENTER);
        waitUntil(() -> focused(r, "#channelBox"));
        r.write("mob").type(KeyCode.ENTER);
        waitUntil(() -> focused(r, "#bpjsField"));
        r.write("0001234567890").type(KeyCode.ENTER);
        waitUntil(() -> focused(r, "#deletionDateField"));
        r.write(DateText.format(TODAY.minusMonths(2))).type(KeyCode.ENTER);
        waitUntil(() -> focused(r, "#routeBox"));
        r.write("lang").type(KeyCode.ENTER); // "Langsung ke Dinas Sosial"
        waitUntil(() -> focused(r, "#reasonArea")); // the multi-line reason is next, never skipped
        r.write("Kartu nonaktif saat cuci darah").type(KeyCode.ENTER);
        waitUntil(() -> focused(r, "#categoryBox"));
        assertThat(r.lookup("#reasonArea").queryAs(TextArea.class).getText()).isEqualTo("Kartu nonaktif saat cuci darah");

        ComboBox<Diagnosis> category = r.lookup("#categoryBox").queryComboBox();
        assertThat(category.getValue()).isNull();
        r.write("Kartu nonaktif"); // the sentence, had Enter skipped the reason: "k" alone would be Kanker
        waitUntil(() -> category.getProperties().get(KeyboardEntry.TYPE_AHEAD_HINT) != null);
        assertThat(category.getValue()).as("nothing picked by a sentence").isNull();
        assertThat((String) category.getProperties().get(KeyboardEntry.TYPE_AHEAD_HINT)).contains("Tidak ada pilihan");
        r.sleep(1000);
        r.write("gagal");
        waitUntil(() -> category.getValue() == Diagnosis.GAGAL_GINJAL);

        ComboBox<CheckChannel> channel = r.lookup("#channelBox").queryComboBox();
        ComboBox<Route> route = r.lookup("#routeBox").queryComboBox();
        assertThat(channel.getValue()).isEqualTo(CheckChannel.MOBILE_JKN);
        assertThat(route.getValue()).isEqualTo(Route.DINSOS);
        Screenshots.take(r, category.getScene(), "usulan-keyboard");
    }
}
