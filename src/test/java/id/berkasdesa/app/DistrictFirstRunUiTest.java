package id.berkasdesa.app;

import static id.berkasdesa.app.AppFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
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
 * A new folder's first start, for a Dinas Sosial: Alt+D at the top of the setup, the kabupaten/kota
 * found by typing, the office's name offered, the first Administrator, then the district's window.
 */
@ExtendWith(ApplicationExtension.class)
class DistrictFirstRunUiTest {

    @TempDir
    Path dir;
    private final AppFixture app = new AppFixture();

    @Start
    void start(Stage stage) {
        app.start(stage, dir);
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    /**
     * "Coba dengan data contoh" on a Dinas Sosial's setup: an example office of Kabupaten Bogor with
     * three invented villages' bundles received, each request checked; the first Administrator as always.
     * Then "Mulai kantor sungguhan": the example set aside whole, the real office set up in the same window.
     */
    @Test
    void theSampleDistrictHasThreeInventedVillagesRequestsToLookAtThenMakesWayForTheRealOffice(FxRobot r) throws Exception {
        waitUntil(() -> r.lookup("#searchField").tryQuery().map(Node::isFocused).orElse(false));
        r.press(KeyCode.ALT, KeyCode.D).release(KeyCode.D, KeyCode.ALT);
        waitUntil(() -> r.lookup("#sampleButton").tryQuery().map(Node::isVisible).orElse(false));
        r.clickOn("#sampleButton");

        firstAdministrator(r, 90, "admin");
        assertThat(r.lookup("#officeLabel").queryAs(Label.class).getText())
                .isEqualTo("Dinas Sosial Kabupaten Bogor (CONTOH) (32.01)");

        var received = app.ctx.dinas().requests(null, null, null);
        assertThat(received).hasSize(12);
        assertThat(received).extracting(x -> x.kodeDesa()).containsOnly("32.01.01.9997", "32.01.01.9998", "32.01.01.9999");
        assertThat(app.ctx.dinas().villageKeys()).hasSize(3);
        // the Usulan page lists them, each with its scan kept
        r.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        @SuppressWarnings("unchecked")
        javafx.scene.control.TableView<Object> table = r.lookup("#table").queryAs(javafx.scene.control.TableView.class);
        waitUntil(() -> table.getItems().size() == 12);
        assertThat(app.ctx.dinas().scans(received.get(0).id())).isNotEmpty().allSatisfy(x -> assertThat(x.kept()).isTrue());
        Screenshots.take(r, table.getScene(), "dinas-contoh");

        // done looking: Berkas -> Mulai kantor sungguhan sets the example aside whole (nothing deleted) and
        // the same window opens the setup of the real office on the folder, new again
        r.clickOn("Berkas").clickOn("Mulai kantor sungguhan…");
        waitUntil(() -> AppFixture.dialogSaying(r, "disisihkan utuh").isPresent());
        Screenshots.take(r, AppFixture.dialogSaying(r, "disisihkan utuh").orElseThrow().getScene(), "dinas-sisihkan-contoh");
        r.clickOn("Ya, sisihkan contoh");
        waitUntil(() -> AppFixture.dialogSaying(r, "Data contoh disisihkan ke").isPresent());
        r.type(KeyCode.ENTER);
        waitUntil(() -> r.lookup("#searchField").tryQuery().map(Node::isFocused).orElse(false));
        assertThat(r.lookup("#officeLabel").tryQuery()).isEmpty();
        assertThat(app.ctx.dinas().office()).isEmpty();
        assertThat(app.ctx.profile()).isEmpty();
        java.util.List<Path> aside;
        try (java.util.stream.Stream<Path> in = java.nio.file.Files.list(dir)) {
            aside = in.filter(p -> p.getFileName().toString().startsWith("disisihkan-")).toList();
        }
        assertThat(aside).hasSize(1);
        assertThat(aside.get(0).resolve("kunci.json")).exists();
        assertThat(aside.get(0).resolve("berkas-desa-terenkripsi.mv.db")).exists();
        assertThat(aside.get(0).resolve("dokumen-terenkripsi")).isDirectory();
        // the real office, set up as any: Alt+D, the kabupaten typed, its first Administrator
        AppFixture.setUpDistrict(r, "kota bogor", "Budi");
        firstAdministrator(r, 20, "Budi");
        assertThat(r.lookup("#officeLabel").queryAs(Label.class).getText()).isEqualTo("Dinas Sosial Kota Bogor (32.71)");
        assertThat(app.ctx.dinas().requests(null, null, null)).isEmpty();
        Screenshots.take(r, r.lookup("#officeLabel").query().getScene(), "dinas-sungguhan");
    }

    @Test
    void aDistrictIsSetUpFromTheKeyboardAndOpensOnItsInbox(FxRobot r) {
        waitUntil(() -> r.lookup("#searchField").tryQuery().map(Node::isFocused).orElse(false));
        r.press(KeyCode.ALT, KeyCode.D).release(KeyCode.D, KeyCode.ALT);
        waitUntil(() -> r.lookup("#officeField").tryQuery().isPresent());

        // nothing chosen: said, nothing made
        r.clickOn("#startButton");
        waitUntil(() -> r.lookup("#message").queryAs(Label.class).isVisible());
        assertThat(r.lookup("#message").queryAs(Label.class).getText()).contains("Pilih kabupaten/kota");
        assertThat(app.ctx.dinas().office()).isEmpty();

        r.clickOn("#searchField").write("kota bogor");
        @SuppressWarnings("unchecked")
        ListView<Object> results = r.lookup("#results").queryAs(ListView.class);
        waitUntil(() -> results.getItems().size() == 1);
        Screenshots.take(r, results.getScene(), "dinas-siapkan");
        r.type(KeyCode.ENTER); // the only one: chosen, and on to the office's name
        waitUntil(() -> r.lookup("#officeField").queryAs(TextField.class).isFocused());
        assertThat(r.lookup("#officeField").queryAs(TextField.class).getText()).isEqualTo("Dinas Sosial Kota Bogor");
        r.type(KeyCode.ENTER).write("Budi").type(KeyCode.ENTER);

        // the first Administrator, as a village's
        firstAdministrator(r, 20, "Budi");
        assertThat(r.lookup("#officeLabel").queryAs(Label.class).getText()).isEqualTo("Dinas Sosial Kota Bogor (32.71)");
        assertThat(r.lookup("#operatorLabel").queryAs(Label.class).getText()).isEqualTo("Administrator: Budi");
        assertThat(app.ctx.dinas().office().orElseThrow().kabupaten()).isEqualTo("32.71");
        assertThat(app.ctx.profile()).isEmpty();
        Screenshots.take(r, r.lookup("#officeLabel").query().getScene(), "dinas-awal");

        // a village's key from a phone call, ahead of its first bundle; a wrong code is refused with the reason
        r.clickOn("#pinButton");
        waitUntil(() -> r.lookup("#pinKodeField").tryQuery().map(Node::isFocused).orElse(false));
        r.targetWindow(r.lookup("#pinKodeField").query().getScene().getWindow()); // TestFX types into its target window
        r.write("32.01.01.1001").type(KeyCode.ENTER).write("7K3Q-9XTA-22MF-Q8LD").type(KeyCode.ENTER);
        waitUntil(() -> AppFixture.dialogSaying(r, "bukan desa/kelurahan di Kota Bogor").isPresent());
        r.type(KeyCode.ENTER);
        @SuppressWarnings("unchecked")
        javafx.scene.control.TableView<id.berkasdesa.dinas.DinasService.VillageKey> keys =
                r.lookup("#keys").queryAs(javafx.scene.control.TableView.class);
        assertThat(keys.getItems()).isEmpty();
        r.clickOn("#pinButton");
        waitUntil(() -> r.lookup("#pinKodeField").tryQuery().map(Node::isFocused).orElse(false));
        r.targetWindow(r.lookup("#pinKodeField").query().getScene().getWindow());
        r.write("32.71.01.1001").type(KeyCode.ENTER).write("7k3q-9xta-22mf-q8ld").type(KeyCode.ENTER);
        waitUntil(() -> keys.getItems().size() == 1);
        assertThat(keys.getItems().get(0).fingerprint()).isEqualTo("7K3Q-9XTA-22MF-Q8LD");
        assertThat(keys.getItems().get(0).confirmed()).isTrue();
        // the village's PC was replaced: its next bundle pins the new key, the reason kept
        r.interact(() -> keys.getSelectionModel().select(0));
        r.clickOn("#replaceButton");
        waitUntil(() -> r.lookup("#replaceReasonField").tryQuery().map(Node::isFocused).orElse(false));
        r.targetWindow(r.lookup("#replaceReasonField").query().getScene().getWindow());
        r.write("PC desa rusak, dikonfirmasi lewat telepon").type(KeyCode.ENTER);
        waitUntil(() -> keys.getItems().size() == 1 && keys.getItems().get(0).fingerprint().isEmpty());
        assertThat(keys.getItems().get(0).replaceReason()).isEqualTo("PC desa rusak, dikonfirmasi lewat telepon");

        // a reason of the office's own (Administrator), offered beside the built-in ones
        r.clickOn("Berkas").clickOn("Alasan keputusan…");
        waitUntil(() -> r.lookup("#reasonCodeField").tryQuery().map(Node::isFocused).orElse(false));
        r.targetWindow(r.lookup("#reasonCodeField").query().getScene().getWindow());
        r.write("Data Tidak Padan").type(KeyCode.ENTER).write("Data tidak padan dengan DTSEN").type(KeyCode.ENTER);
        waitUntil(() -> r.lookup(".field-error").queryAllAs(Label.class).stream().anyMatch(l -> l.getText() != null
                && l.getText().contains("Data Tidak Padan")));
        r.clickOn("#reasonCodeField").eraseText(20).write("data-tidak-padan").type(KeyCode.ENTER).type(KeyCode.ENTER);
        waitUntil(() -> AppFixture.dialogSaying(r, "Alasan data-tidak-padan ditambahkan").isPresent());
        r.type(KeyCode.ENTER);
        assertThat(app.ctx.decisions().reasons()).anyMatch(x -> x.code().equals("data-tidak-padan"));

        // the office's settings (Administrator): an SKTM required, the window; a window out of range is said in the form
        r.clickOn("Berkas").clickOn("Pengaturan Dinas Sosial…");
        waitUntil(() -> r.lookup("#requireSktmBox").tryQuery().map(Node::isFocused).orElse(false));
        r.targetWindow(r.lookup("#requireSktmBox").query().getScene().getWindow());
        r.type(KeyCode.SPACE);
        r.clickOn("#windowMonthsField").press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL).write("30")
                .type(KeyCode.ENTER);
        waitUntil(() -> r.lookup(".field-error").queryAllAs(Label.class).stream().anyMatch(l -> l.getText() != null
                && l.getText().contains("1 sampai 24 bulan")));
        assertThat(app.ctx.dinas().settings()).isEqualTo(new id.berkasdesa.dinas.DinasService.Settings(false, 6));
        r.clickOn("#windowMonthsField").press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL).write("12");
        // plain bundles allowed; the annex's columns chosen and ordered, an unknown one said in the form
        r.clickOn("#allowPlainBox");
        r.clickOn("#annexColumnsField").press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL)
                .write("nik, nama, kartu").type(KeyCode.ENTER);
        waitUntil(() -> r.lookup(".field-error").queryAllAs(Label.class).stream().anyMatch(l -> l.getText() != null
                && l.getText().contains("\"kartu\" tidak dikenal")));
        assertThat(app.ctx.dinas().settings()).isEqualTo(new id.berkasdesa.dinas.DinasService.Settings(false, 6));
        r.clickOn("#annexColumnsField").press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL)
                .write("nik, nama, no-kartu").type(KeyCode.ENTER);
        waitUntil(() -> app.ctx.dinas().settings().equals(new id.berkasdesa.dinas.DinasService.Settings(true, 12, true,
                java.util.List.of("nik", "nama", "no-kartu"))));

        // Ctrl+4: the office's key for the villages, its fingerprint shown and written
        r.press(KeyCode.CONTROL, KeyCode.DIGIT4).release(KeyCode.DIGIT4, KeyCode.CONTROL);
        waitUntil(() -> r.lookup("#fingerprintLabel").queryAs(Label.class).getText()
                .matches("Sidik jari kunci kantor: [0-9A-Z]{4}(-[0-9A-Z]{4}){3}"));
        String fingerprint = r.lookup("#fingerprintLabel").queryAs(Label.class).getText().substring(25);
        Path stick = dir.resolve("flashdisk");
        app.dialogs.setFolderPicker(t -> java.util.Optional.of(stick));
        r.clickOn("#publicKeyButton");
        waitUntil(() -> AppFixture.dialogSaying(r, fingerprint).isPresent());
        r.type(KeyCode.ENTER);
        assertThat(stick.resolve("32.71.kunci-publik")).exists();

        // the monthly recap: a month mistyped is said on the page; then saved
        r.clickOn("#monthField").press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL).write("11-2026");
        r.clickOn("#recapButton");
        waitUntil(() -> r.lookup("#recapProblem").queryAs(Label.class).isVisible());
        Path recap = dir.resolve("rekap.xlsx");
        app.dialogs.setSavePicker((t, n) -> java.util.Optional.of(recap));
        r.clickOn("#monthField").press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL).write("2026-11");
        r.clickOn("#recapButton");
        waitUntil(() -> AppFixture.dialogSaying(r, "Rekap disimpan").isPresent());
        r.type(KeyCode.ENTER);
        assertThat(recap).exists();

        // Ctrl+Shift+L: locked, the page kept for the same person
        r.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.L).release(KeyCode.L, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(() -> r.lookup("#passwordField").tryQuery().map(Node::isVisible).orElse(false));
        assertThat(r.lookup("#navBar").query().isVisible()).isFalse();
        waitUntil(() -> r.lookup("#passwordField").queryAs(TextField.class).isFocused());
        r.write(AppFixture.PASSWORD).type(KeyCode.ENTER);
        waitUntil(() -> r.lookup("#recapButton").tryQuery().map(Node::isVisible).orElse(false));
        assertThat(r.lookup("#monthField").queryAs(TextField.class).getText()).isEqualTo("2026-11");
    }

    /**
     * The first Administrator's form, as a village's: the name carried over from the setup, the password
     * typed twice from the keyboard, the recovery code noted; then the office's inbox.
     */
    private static void firstAdministrator(FxRobot r, int seconds, String name) {
        waitUntil(seconds, () -> r.lookup("#repeatField").tryQuery().map(Node::isVisible).orElse(false));
        assertThat(r.lookup("#nameField").queryAs(TextField.class).getText()).isEqualTo(name);
        waitUntil(() -> r.lookup("#passwordField").queryAs(TextField.class).isFocused());
        r.write(AppFixture.PASSWORD).type(KeyCode.ENTER).write(AppFixture.PASSWORD).type(KeyCode.ENTER);
        waitUntil(() -> r.lookup(".dialog-pane").tryQuery().isPresent());
        r.clickOn("Sudah saya catat");
        waitUntil(() -> r.lookup("#folderButton").tryQuery().map(Node::isVisible).orElse(false));
    }
}
