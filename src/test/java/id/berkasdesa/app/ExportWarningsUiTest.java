package id.berkasdesa.app;

import static id.berkasdesa.app.AppFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import id.berkasdesa.bundle.BundleStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
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
 * The sample village's export dialog says its bundle is marked and must not be sent; ticking a sent
 * request whose 6-month limit has passed since (a lost stick) warns that it will likely be refused.
 */
@ExtendWith(ApplicationExtension.class)
class ExportWarningsUiTest {

    @TempDir
    static Path dir;
    @TempDir
    static Path scratch;
    private final AppFixture app = new AppFixture();

    @Start
    void start(Stage stage) {
        // sent two months ago, one month before its limit: today the limit is a month past
        Clock twoMonthsAgo = Clock.offset(Clock.systemDefaultZone(), Duration.ofDays(-61));
        try (BundleStore store = new BundleStore(dir, scratch, 1, twoMonthsAgo)) {
            store.sentOneMonthBeforeItsLimit(31, scratch);
            store.markSample();
        }
        app.dialogs.setFolderPicker(title -> Optional.empty());
        app.start(stage, dir);
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    @Test
    void theSampleVillageAndALateResendAreBothSaidPlainly(FxRobot r) {
        waitUntil(() -> r.lookup("#statusTiles").tryQuery().isPresent());
        r.press(KeyCode.CONTROL, KeyCode.E).release(KeyCode.E, KeyCode.CONTROL);
        waitUntil(() -> r.lookup("#countLabel").tryQuery().isPresent());
        assertThat(r.lookup("#sampleLabel").queryAs(Label.class).getText())
                .startsWith("Ini desa contoh").contains("CONTOH", "tidak boleh dikirim");
        Label warning = r.lookup("#warningLabel").queryAs(Label.class);
        assertThat(warning.getText()).as("nothing past its limit is ticked yet").isEmpty();

        TableView<?> table = r.lookup("#table").queryTableView();
        assertThat(table.getItems()).hasSize(2);
        r.interact(() -> {
            table.requestFocus();
            table.getSelectionModel().select(1); // the sent one, after the ready one
        });
        r.type(KeyCode.SPACE);
        waitUntil(() -> !warning.getText().isEmpty());
        assertThat(warning.getText()).startsWith("1 usulan yang dipilih sudah melewati batas 6 bulan")
                .contains("DTSEN");
        Screenshots.take(r, warning.getScene(), "kirim-paket-peringatan");
        r.type(KeyCode.SPACE);
        waitUntil(() -> warning.getText().isEmpty());
        r.clickOn("Tutup");
        waitUntil(() -> r.lookup("#countLabel").tryQuery().isEmpty());
    }
}
