package id.berkasdesa.app;

import static id.berkasdesa.app.AppFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import id.berkasdesa.common.Role;
import id.berkasdesa.dinas.DecisionService;
import id.berkasdesa.dinas.DinasService;
import id.berkasdesa.dinas.VillageBundles;
import id.berkasdesa.wiring.Wiring;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Dinas Sosial's window on a real encrypted store, driven by the keyboard: the Administrator takes
 * the villages' bundles from a stick and confirms a village's key; the Verifikator decides with Alt+1 …
 * Ctrl+Enter and settles the NIK two villages sent; the Pengesah endorses; the answers are written for
 * the villages.
 */
@ExtendWith(ApplicationExtension.class)
class DistrictUiTest {

    static final String VERA = "Vera";
    static final String KABID = "Kabid";
    static final String OTHER_PASSWORD = "jalan kaki sore hari";

    @TempDir
    Path dir;
    private final AppFixture app = new AppFixture();

    @BeforeAll
    static void villagesSend() throws Exception {
        VillageBundles.make();
    }

    @Start
    void start(Stage stage) throws Exception {
        Path data = dir.resolve("dinas");
        try (Wiring w = Wiring.open(data, Clock.systemDefaultZone())) {
            w.dinas().setUp("32.01", "Dinas Sosial Kabupaten Bogor");
            w.officeKeys(VillageBundles.DISTRICT);
            w.accounts().createFirstAdministrator(AppFixture.ADMIN, AppFixture.PASSWORD.toCharArray());
            for (var who : List.of(java.util.Map.entry(VERA, Role.VERIFIKATOR), java.util.Map.entry(KABID, Role.PENGESAH))) {
                w.accounts().add(who.getKey(), who.getValue(), "sementara 123".toCharArray());
            }
            for (String who : List.of(VERA, KABID)) {
                w.accounts().signIn(who, "sementara 123".toCharArray());
                w.accounts().changeOwnPassword(OTHER_PASSWORD.toCharArray());
            }
        }
        app.startSignedOut(stage, data);
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    private static void signIn(FxRobot r, String name, String password) {
        waitUntil(() -> r.lookup("#nameField").tryQuery().map(Node::isVisible).orElse(false));
        r.clickOn("#nameField").eraseText(20).write(name).type(KeyCode.ENTER).write(password).type(KeyCode.ENTER);
    }

    private static void signOut(FxRobot r) {
        r.clickOn("Berkas").clickOn("Keluar dari akun");
    }

    @SuppressWarnings("unchecked")
    private static TableView<DinasService.ReceivedRequest> requests(FxRobot r) {
        return r.lookup("#table").queryAs(TableView.class);
    }

    @Test
    void bundlesInDecidedEndorsedAndAnswered(FxRobot r) throws Exception {
        // the sign-in of a Dinas Sosial's store: none of the village's menus
        waitUntil(() -> r.lookup("#nameField").tryQuery().map(Node::isVisible).orElse(false));
        assertThat(AppFixture.visibleMenus(r)).containsExactly("Berkas", "Surat", "Bantuan");
        signIn(r, AppFixture.ADMIN, AppFixture.PASSWORD);
        waitUntil(() -> r.lookup("#folderButton").tryQuery().map(Node::isVisible).orElse(false));
        assertThat(r.lookup("#officeLabel").queryAs(Label.class).getText()).contains("Dinas Sosial Kabupaten Bogor");

        // Ctrl+O: every bundle on the stick, each a row as it is done
        app.dialogs.setFolderPicker(t -> Optional.of(uncheckedStick()));
        r.press(KeyCode.CONTROL, KeyCode.O).release(KeyCode.O, KeyCode.CONTROL);
        @SuppressWarnings("unchecked")
        TableView<DinasService.InboxResult> results = r.lookup("#results").queryAs(TableView.class);
        waitUntil(() -> results.getItems().size() == 4 && !app.runner.busy().get());
        assertThat(results.getItems()).extracting(DinasService.InboxResult::outcome).containsOnly(DinasService.Outcome.IMPORTED);
        assertThat(r.lookup("#summaryLabel").queryAs(Label.class).getText()).startsWith("Masuk 4");
        @SuppressWarnings("unchecked")
        TableView<DinasService.VillageKey> keys = r.lookup("#keys").queryAs(TableView.class);
        waitUntil(() -> keys.getItems().size() == 3);
        Screenshots.take(r, keys.getScene(), "dinas-kotak-masuk");

        // the first village's fingerprint compared by phone: confirmed
        r.interact(() -> keys.getSelectionModel().select(0));
        r.clickOn("#confirmButton");
        waitUntil(() -> AppFixture.dialogSaying(r, keys.getItems().get(0).fingerprint()).isPresent());
        r.clickOn("Sama, tandai dicocokkan");
        waitUntil(() -> keys.getItems().get(0).confirmed());

        // the same stick again: nothing changes
        r.press(KeyCode.CONTROL, KeyCode.O).release(KeyCode.O, KeyCode.CONTROL);
        waitUntil(() -> results.getItems().size() == 4 && !app.runner.busy().get()
                && results.getItems().stream().allMatch(x -> x.outcome() == DinasService.Outcome.ALREADY));

        // the Administrator backs the office up to a stick, as a village does (named by its kabupaten),
        // and Periksa data finds the scans there and intact
        Path backups = java.nio.file.Files.createDirectories(dir.resolve("cadangan"));
        app.dialogs.setFolderPicker(title -> java.util.Optional.of(backups));
        r.clickOn("Berkas").clickOn("Cadangkan ke flashdisk…");
        waitUntil(() -> r.lookup("#chooseBackupFolder").tryQuery().isPresent());
        r.clickOn("#chooseBackupFolder");
        r.clickOn("#startBackup");
        waitUntil(() -> r.lookup("#backupMessage").queryAs(Label.class).getText().contains("Cadangan selesai dan sudah diperiksa"));
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(backups)) {
            assertThat(files.map(f -> f.getFileName().toString()).toList()).singleElement()
                    .satisfies(n -> assertThat(n).startsWith("cadangan_3201_"));
        }
        r.type(KeyCode.ESCAPE);
        r.clickOn("Berkas").clickOn("Periksa data");
        waitUntil(() -> AppFixture.dialogSaying(r, "Tidak ada masalah").isPresent());
        r.type(KeyCode.ENTER);

        // the Verifikator: Ctrl+2, Alt+1 (the reason offered), Ctrl+Enter, and on to the next
        signOut(r);
        signIn(r, VERA, OTHER_PASSWORD);
        waitUntil(() -> r.lookup("#folderButton").tryQuery().map(Node::isVisible).orElse(false));
        r.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        waitUntil(() -> r.lookup("#table").tryQuery().isPresent() && !requests(r).getItems().isEmpty()
                && r.lookup("#detail").query().isVisible());
        TableView<DinasService.ReceivedRequest> table = requests(r);
        int all = table.getItems().size();
        String first = table.getItems().get(0).id();
        waitUntil(() -> r.lookup("#titleLabel").queryAs(Label.class).getText().equals(name(table.getItems().get(0))));
        // the scans beside the checks: the first page drawn, Ctrl+PgDn to the next file, Ctrl+B to read it large
        javafx.scene.image.ImageView scan = r.lookup("#scanImage").queryAs(javafx.scene.image.ImageView.class);
        Label scanLabel = r.lookup("#scanLabel").queryAs(Label.class);
        waitUntil(() -> scan.getImage() != null && scanLabel.getText().contains("berkas 1 dari"));
        Screenshots.take(r, table.getScene(), "dinas-usulan");
        javafx.scene.image.Image firstPage = scan.getImage();
        r.press(KeyCode.CONTROL, KeyCode.PAGE_DOWN).release(KeyCode.PAGE_DOWN, KeyCode.CONTROL);
        waitUntil(() -> scanLabel.getText().contains("berkas 2 dari") && scan.getImage() != firstPage);
        r.press(KeyCode.CONTROL, KeyCode.B).release(KeyCode.B, KeyCode.CONTROL);
        waitUntil(() -> r.lookup("#zoomLabel").tryQuery().isPresent()
                && r.lookup("#imageView").queryAs(javafx.scene.image.ImageView.class).getImage() != null);
        Label viewerPage = r.lookup("#pageLabel").queryAs(Label.class);
        assertThat(viewerPage.getText()).contains("berkas 2 dari");
        Screenshots.take(r, viewerPage.getScene(), "dinas-berkas");
        r.targetWindow(viewerPage.getScene().getWindow());
        Label zoom = r.lookup("#zoomLabel").queryAs(Label.class);
        String fitted = zoom.getText();
        r.type(KeyCode.ADD);
        waitUntil(() -> !zoom.getText().equals(fitted));
        r.press(KeyCode.PAGE_DOWN).release(KeyCode.PAGE_DOWN);
        waitUntil(() -> viewerPage.getText().contains("berkas 3 dari"));
        r.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        waitUntil(() -> r.lookup("#zoomLabel").tryQuery().isEmpty());
        r.targetWindow(table.getScene().getWindow());
        r.press(KeyCode.ALT, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.ALT);
        @SuppressWarnings("unchecked")
        ComboBox<Object> reason = r.lookup("#reasonBox").queryAs(ComboBox.class);
        waitUntil(() -> reason.getValue() != null && reason.getValue().toString().equals("Berkas lengkap dan sesuai"));
        r.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        waitUntil(() -> DecisionService.DECIDED.equals(app.ctx.decisions().state(first).status()));
        assertThat(app.ctx.decisions().state(first).decision()).isEqualTo("disetujui");
        waitUntil(() -> table.getSelectionModel().getSelectedIndex() == 1);

        // a decision without a reason is refused on the form, and nothing is saved
        String second = table.getItems().get(1).id();
        waitUntil(() -> r.lookup("#titleLabel").queryAs(Label.class).getText().equals(name(table.getItems().get(1))));
        r.interact(() -> reason.setValue(null));
        r.press(KeyCode.ALT, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.ALT);
        r.interact(() -> reason.setValue(null));
        r.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        waitUntil(() -> r.lookup("#formProblem").queryAs(Label.class).isVisible());
        assertThat(r.lookup("#formProblem").queryAs(Label.class).getText()).contains("alasan");
        assertThat(app.ctx.decisions().state(second).decision()).isNull();
        r.write("dokumen"); // "Dokumen belum lengkap", the first that fits
        r.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        waitUntil(() -> DecisionService.DECIDED.equals(app.ctx.decisions().state(second).status()));
        assertThat(app.ctx.decisions().state(second).decision()).isEqualTo("perlu-perbaikan");
        assertThat(app.ctx.decisions().state(second).reasonCode()).isEqualTo("dokumen-kurang");

        // Ctrl+3: the NIK Pondok Rajeg and Karadenan both sent; Pondok Rajeg's kept
        r.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        @SuppressWarnings("unchecked")
        TableView<DecisionService.Duplicate> dups = r.lookup("#table").queryAs(TableView.class);
        waitUntil(() -> r.lookup("#mergeButton").tryQuery().isPresent() && !lookupTable(r).getItems().isEmpty());
        Screenshots.take(r, r.lookup("#officeLabel").query().getScene(), "dinas-ganda");
        DecisionService.Duplicate d = this.<DecisionService.Duplicate>lookupTable(r).getItems().get(0);
        assertThat(d.villages()).contains("32.01.01.1001", "32.01.01.1002");
        r.clickOn("#mergeButton");
        waitUntil(() -> r.lookup(".dialog-pane").tryQuery().isPresent());
        r.type(KeyCode.ENTER);
        waitUntil(() -> app.ctx.decisions().duplicates().stream().anyMatch(x -> x.nik().equals(d.nik())
                && DecisionService.MERGED.equals(x.state())));

        // the Pengesah: every proposal endorsed at once, after one question; then locked
        signOut(r);
        signIn(r, KABID, OTHER_PASSWORD);
        waitUntil(() -> r.lookup("#endorseAllButton").tryQuery().map(Node::isVisible).orElse(false));
        assertThat(r.lookup("#folderButton").tryQuery()).isEmpty();
        Screenshots.take(r, r.lookup("#endorseAllButton").query().getScene(), "dinas-pengesahan");
        int proposed = app.ctx.decisions().proposed().size();
        assertThat(proposed).isGreaterThanOrEqualTo(3);
        r.clickOn("#endorseAllButton");
        waitUntil(() -> r.lookup(".dialog-pane").tryQuery().isPresent());
        r.clickOn("Sahkan");
        waitUntil(() -> app.ctx.decisions().proposed().isEmpty());
        assertThat(app.ctx.decisions().state(first).endorsedBy()).isEqualTo(KABID);

        // the answers: one file per bundle answered, for the villages to read
        signOut(r);
        signIn(r, VERA, OTHER_PASSWORD);
        waitUntil(() -> r.lookup("#folderButton").tryQuery().map(Node::isVisible).orElse(false));
        r.press(KeyCode.CONTROL, KeyCode.DIGIT4).release(KeyCode.DIGIT4, KeyCode.CONTROL);
        waitUntil(() -> r.lookup("#unansweredLabel").queryAs(Label.class).getText().startsWith(proposed + " keputusan"));
        Path out = Files.createDirectories(dir.resolve("balasan"));
        app.dialogs.setFolderPicker(t -> Optional.of(out));
        r.clickOn("#answerButton");
        waitUntil(() -> AppFixture.dialogSaying(r, "berkas balasan").isPresent());
        Screenshots.take(r, r.lookup("#answerButton").query().getScene(), "dinas-balasan");
        r.type(KeyCode.ENTER);
        try (var files = Files.list(out)) {
            assertThat(files.map(f -> f.getFileName().toString()).toList()).isNotEmpty().allMatch(n -> n.startsWith("balasan_"));
        }
        waitUntil(() -> r.lookup("#unansweredLabel").queryAs(Label.class).getText().startsWith("0 keputusan"));
        assertThat(all).isGreaterThan(3);

        // the letters: one per endorsed approval, then the collective recommendation with its annex
        waitUntil(() -> r.lookup("#lettersLabel").queryAs(Label.class).getText().startsWith("1 persetujuan"));
        Path letters = Files.createDirectories(dir.resolve("surat"));
        app.dialogs.setFolderPicker(t -> Optional.of(letters));
        r.clickOn("#lettersButton");
        waitUntil(() -> AppFixture.dialogSaying(r, "1 surat ditulis").isPresent());
        r.type(KeyCode.ENTER);
        waitUntil(() -> r.lookup("#lettersLabel").queryAs(Label.class).getText().startsWith("0 persetujuan"));
        r.clickOn("#collectiveButton");
        waitUntil(() -> AppFixture.dialogSaying(r, "untuk 1 orang").isPresent());
        r.type(KeyCode.ENTER);
        try (var files = Files.list(letters)) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted().toList()).hasSize(3)
                    .anyMatch(n -> n.startsWith("pengaktifan_460-001-3201-")).anyMatch(n -> n.endsWith("_lampiran.xlsx"));
        }
    }

    @SuppressWarnings("unchecked")
    private <T> TableView<T> lookupTable(FxRobot r) {
        return r.lookup("#table").queryAs(TableView.class);
    }

    private static String name(DinasService.ReceivedRequest q) {
        return q.name() == null || q.name().isBlank() ? q.nik() : q.name();
    }

    private static Path uncheckedStick() {
        try {
            return VillageBundles.stick();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
