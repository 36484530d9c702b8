package id.berkasdesa.app;

import static id.berkasdesa.app.AppFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import id.berkasdesa.exchange.Progress;
import id.berkasdesa.household.Households;
import id.berkasdesa.wiring.Wiring;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
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

/** A new PC: the first-run screen offers "Pulihkan dari cadangan…", and it opens the backup on the stick. */
@ExtendWith(ApplicationExtension.class)
class FirstRunRestoreUiTest {

    @TempDir
    Path dir;
    @TempDir
    Path office;
    private final AppFixture app = new AppFixture();

    @Start
    void start(Stage stage) throws Exception {
        Path stick = Files.createDirectories(office.resolve("flashdisk"));
        Path backup;
        try (Wiring old = Wiring.open(office.resolve("pc-lama"), Clock.systemDefaultZone())) {
            AppFixture.setUpVillage(old);
            old.accounts().createFirstAdministrator(AppFixture.ADMIN, AppFixture.PASSWORD.toCharArray());
            old.households().save(Households.family(2), true);
            backup = old.backups().create(stick, 5, Progress.none()).file();
        }
        app.dialogs.setOpenPicker((title, extensions) -> Optional.of(backup));
        app.start(stage, dir.resolve("pc-baru"));
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    @Test
    void theFirstRunScreenRestoresABackup(FxRobot r) {
        waitUntil(() -> r.lookup("#restoreButton").tryQuery().isPresent());
        r.clickOn("#restoreButton");
        waitUntil(() -> r.lookup("#restoreSummary").tryQuery().isPresent());
        assertThat(r.lookup("#restoreSummary").queryAs(Label.class).getText()).contains("PONDOK RAJEG", "1 KK");
        r.clickOn("#restoreName").write(AppFixture.ADMIN);
        r.clickOn("#restorePassword").write(AppFixture.PASSWORD);
        r.clickOn("#startRestore");
        waitUntil(() -> shown(r).map(t -> t.contains("dipulihkan")).orElse(false));
        // the new PC's first start made an empty store: nothing was set aside, and the message says so
        assertThat(shown(r).get()).contains("1 KK", "Data sebelumnya: tidak ada").doesNotContain("disisihkan-");
        try (java.util.stream.Stream<Path> files = Files.list(dir.resolve("pc-baru"))) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("disisihkan-"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        r.type(KeyCode.ENTER);
        waitUntil(() -> r.lookup("#passwordField").tryQuery().map(javafx.scene.Node::isVisible).orElse(false));
    }

    private static Optional<String> shown(FxRobot r) {
        return r.listWindows().stream().map(w -> w.getScene().getRoot())
                .filter(root -> root instanceof javafx.scene.control.DialogPane p && p.getContent() instanceof Label)
                .map(root -> ((Label) ((javafx.scene.control.DialogPane) root).getContent()).getText()).findFirst();
    }
}
