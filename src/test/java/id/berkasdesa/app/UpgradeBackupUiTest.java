package id.berkasdesa.app;

import static id.berkasdesa.app.AppFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import id.berkasdesa.db.Database;
import id.berkasdesa.db.OlderStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.stream.Stream;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import id.berkasdesa.wiring.Wiring;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The first start of a newer version copies the data aside before migrating, and tells the operator where. */
@ExtendWith(ApplicationExtension.class)
class UpgradeBackupUiTest {

    @TempDir
    static Path dir;
    @TempDir
    static Path oldMigrations;
    private final AppFixture app = new AppFixture();

    @Start
    void start(Stage stage) {
        try (Database db = OlderStore.open(dir, oldMigrations, 2)) {
            // the village as that release stored it (today's services expect today's schema)
            db.jdbi().useHandle(h -> h.execute("""
                    INSERT INTO village_profile (id, kode_desa, nama_desa, nama_kantor, nama_operator, sample, created_at)
                    VALUES (1, '32.01.01.1001', 'PONDOK RAJEG', 'Kantor Kelurahan Pondok Rajeg', 'Ani', FALSE,
                            CURRENT_TIMESTAMP)"""));
        }
        app.start(stage, dir);
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    @Test
    void theOperatorIsToldWhereTheBackupIs(FxRobot r) throws Exception {
        waitUntil(() -> r.lookup("Data sudah dicadangkan").tryQuery().isPresent()
                || r.lookup(".dialog-pane").tryQuery().isPresent());
        Path backup;
        try (Stream<Path> copies = Files.list(dir.resolve("cadangan"))) {
            backup = copies.findFirst().orElseThrow();
        }
        Label text = r.lookup(".dialog-pane .label").queryAllAs(Label.class).stream()
                .filter(l -> l.getText() != null && l.getText().contains("dicadangkan")).findFirst().orElseThrow();
        assertThat(text.getText()).contains(backup.toString());
        r.clickOn("OK");
        waitUntil(() -> r.lookup("#statusTiles").tryQuery().isPresent());
    }
}
