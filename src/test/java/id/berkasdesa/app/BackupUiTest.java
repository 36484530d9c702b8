package id.berkasdesa.app;

import static id.berkasdesa.app.AppFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import id.berkasdesa.household.Households;
import id.berkasdesa.wiring.Wiring;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.control.DialogPane;
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

/**
 * Berkas → Cadangkan, Periksa data and Pulihkan, as the Administrator uses them: a backup to the
 * stick with its checked figures and the status bar saying when; the check finding nothing wrong;
 * the restore over this store refused until the confirmation is ticked, then done, and the sign-in
 * shown again on the restored store.
 */
@ExtendWith(ApplicationExtension.class)
class BackupUiTest {

    @TempDir
    static Path dir;
    private final AppFixture app = new AppFixture();
    Path store;
    Path stick;

    @Start
    void start(Stage stage) throws java.io.IOException {
        store = Files.createTempDirectory(dir, "store");
        stick = Files.createTempDirectory(dir, "flashdisk");
        try (Wiring w = Wiring.open(store, Clock.systemDefaultZone())) {
            AppFixture.setUpVillage(w);
            w.households().save(Households.family(7), true);
            w.households().save(Households.family(8), true);
        }
        app.start(stage, store);
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    private static String text(FxRobot r, String id) {
        return r.lookup(id).queryAs(Label.class).getText();
    }

    private static void menu(FxRobot r, String item) {
        r.press(KeyCode.ALT, KeyCode.B).release(KeyCode.B, KeyCode.ALT);
        r.clickOn(item);
    }

    /** The text of the message dialog showing now (an info or error). */
    private static Optional<String> shown(FxRobot r) {
        return r.listWindows().stream().map(w -> w.getScene().getRoot())
                .filter(root -> root instanceof DialogPane p && p.getContent() instanceof Label)
                .map(root -> ((Label) ((DialogPane) root).getContent()).getText()).findFirst();
    }

    @Test
    void backUpCheckAndRestoreOverThisStoreThenSignInAgain(FxRobot r) throws Exception {
        waitUntil(() -> r.lookup("#statusTiles").tryQuery().isPresent());
        waitUntil(() -> text(r, "#backupLabel").contains("Belum ada cadangan"));
        assertThat(r.lookup("#backupLabel").query().getStyleClass()).contains("backup-due");

        // Cadangkan: refused without a folder, then to the stick
        menu(r, "Cadangkan ke flashdisk…");
        waitUntil(() -> r.lookup("#backupLast").tryQuery().isPresent());
        assertThat(text(r, "#backupLast")).contains("Belum ada cadangan");
        r.clickOn("#startBackup");
        waitUntil(() -> text(r, "#backupMessage").contains("Pilih dulu folder"));
        app.dialogs.setFolderPicker(title -> Optional.of(stick));
        r.clickOn("#chooseBackupFolder");
        Screenshots.take(r, r.lookup("#backupFolder").query().getScene(), "cadangkan");
        r.clickOn("#startBackup");
        waitUntil(() -> text(r, "#backupMessage").contains("Cadangan selesai dan sudah diperiksa"));
        assertThat(text(r, "#backupMessage")).contains("2 KK");
        Screenshots.take(r, r.lookup("#backupFolder").query().getScene(), "cadangkan-selesai");
        Path backup;
        try (Stream<Path> files = Files.list(stick)) {
            List<Path> all = files.toList();
            assertThat(all).hasSize(1);
            backup = all.get(0);
        }
        assertThat(backup.getFileName().toString()).startsWith("cadangan_3201011001_").endsWith(".zip");
        r.type(KeyCode.ESCAPE);
        waitUntil(() -> text(r, "#backupLabel").startsWith("Cadangan terakhir:"));
        assertThat(r.lookup("#backupLabel").query().getStyleClass()).doesNotContain("backup-due");

        // Periksa data
        menu(r, "Periksa data");
        waitUntil(() -> shown(r).isPresent());
        assertThat(shown(r).get()).contains("2 KK", "Tidak ada masalah");
        r.type(KeyCode.ENTER);

        // Pulihkan over this store: the confirmation first
        app.dialogs.setOpenPicker((title, ext) -> Optional.of(backup));
        menu(r, "Pulihkan dari cadangan…");
        waitUntil(() -> r.lookup("#restoreSummary").tryQuery().isPresent());
        assertThat(text(r, "#restoreSummary")).contains("PONDOK RAJEG", "32.01.01.1001", "2 KK");
        r.clickOn("#restoreName").write(AppFixture.ADMIN);
        r.clickOn("#restorePassword").write(AppFixture.PASSWORD);
        r.clickOn("#startRestore");
        waitUntil(() -> text(r, "#restoreMessage").contains("Centang persetujuan"));
        assertThat(Files.exists(store.resolve("pulihan"))).isFalse();
        Node confirm = r.lookup("#restoreConfirm").query();
        r.clickOn(confirm);
        Screenshots.take(r, confirm.getScene(), "pulihkan");
        r.clickOn("#startRestore");
        waitUntil(() -> shown(r).map(t -> t.contains("dipulihkan")).orElse(false));
        assertThat(shown(r).get()).contains("disisihkan-", "2 KK");
        r.type(KeyCode.ENTER);

        // the restored store's sign-in
        waitUntil(() -> r.lookup("#passwordField").tryQuery().map(Node::isVisible).orElse(false));
        r.clickOn("#nameField").write(AppFixture.ADMIN).type(KeyCode.ENTER).write(AppFixture.PASSWORD).type(KeyCode.ENTER);
        waitUntil(() -> r.lookup("#statusTiles").tryQuery().isPresent());
        try (Stream<Path> files = Files.list(store)) {
            assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("disisihkan-"));
        }
    }
}
