package id.berkasdesa.app;

import static id.berkasdesa.app.AppFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import id.berkasdesa.household.Households;
import id.berkasdesa.imports.ImportStore;
import id.berkasdesa.imports.PopulationFile;
import id.berkasdesa.imports.Sheets;
import id.berkasdesa.wiring.Wiring;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
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
 * Berkas → Impor data penduduk and Ekspor data penduduk, Usulan → Impor daftar PBI nonaktif and the
 * Calon usulan, as an operator uses them: the preview, the tick a death needs, the import, the same
 * file again with nothing to do, a file that is no spreadsheet, the export, the Dinas Sosial's list
 * without dates given one, and a request started from the Calon usulan with its date filled in.
 */
@ExtendWith(ApplicationExtension.class)
class ImportUiTest {

    @TempDir
    static Path dir;
    private final AppFixture app = new AppFixture();
    Path store;

    @Start
    void start(Stage stage) throws java.io.IOException {
        store = Files.createTempDirectory(dir, "store");
        try (Wiring w = Wiring.open(store, Clock.systemDefaultZone())) {
            AppFixture.setUpVillage(w);
            w.households().save(Households.family(7), true);
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

    private static void menu(FxRobot r, KeyCode mnemonic, String item) {
        r.press(KeyCode.ALT, mnemonic).release(mnemonic, KeyCode.ALT);
        r.clickOn(item);
    }

    private static Optional<String> shown(FxRobot r) {
        return r.listWindows().stream().map(w -> w.getScene().getRoot())
                .filter(root -> root instanceof DialogPane p && p.getContent() instanceof Label)
                .map(root -> ((Label) ((DialogPane) root).getContent()).getText()).findFirst();
    }

    private static Button okButton(FxRobot r, String anyNodeId) {
        DialogPane pane = (DialogPane) r.lookup(anyNodeId).query().getScene().getRoot();
        return pane.getButtonTypes().stream().filter(b -> b.getButtonData() == ButtonBar.ButtonData.OK_DONE)
                .map(b -> (Button) pane.lookupButton(b)).findFirst().orElseThrow();
    }

    private Path populationFile() throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        rows.addAll(ImportStore.family(1));
        rows.addAll(ImportStore.family(2));
        List<List<Object>> three = ImportStore.family(3);
        three.get(2).set(5, "31-02-2010");
        rows.addAll(three);
        // KK 7 is in the register (as "BUDI UJI 7"…): its names change, its child has died
        List<List<Object>> seven = ImportStore.family(7);
        seven.get(2).set(19, "2");
        rows.addAll(seven);
        return Sheets.xlsx(dir.resolve("penduduk-opensid.xlsx"), "Data Penduduk", ImportStore.withHeader(rows));
    }

    @Test
    void importThePopulationWithItsPreviewThenExportIt(FxRobot r) throws Exception {
        waitUntil(() -> r.lookup("#statusTiles").tryQuery().isPresent());
        Path file = populationFile();

        // a file that is no spreadsheet: told what is wrong, nothing opened
        Path pdf = Files.write(dir.resolve("surat.pdf"), new byte[] {'%', 'P', 'D', 'F', 0, 1, 2});
        app.dialogs.setOpenPicker((title, ext) -> Optional.of(pdf));
        menu(r, KeyCode.B, "Impor data penduduk…");
        waitUntil(() -> shown(r).isPresent());
        assertThat(shown(r).get()).contains("surat.pdf", "bukan lembar kerja");
        r.type(KeyCode.ENTER);

        app.dialogs.setOpenPicker((title, ext) -> Optional.of(file));
        menu(r, KeyCode.B, "Impor data penduduk…");
        waitUntil(() -> r.lookup("#householdsLabel").tryQuery().isPresent());
        assertThat(text(r, "#householdsLabel")).isEqualTo("3 baru, 1 berubah, 0 tetap");
        assertThat(text(r, "#problemsLabel")).contains("1 baris salah");
        ListView<?> problems = r.lookup("#problems").queryAs(ListView.class);
        assertThat(problems.getItems()).anySatisfy(l -> assertThat(((id.berkasdesa.imports.Problem) l).line(app.messages))
                .startsWith("Data Penduduk!10 tanggallahir: ").contains("31-02-2010"));
        CheckBox status = r.lookup("#statusBox").queryAs(CheckBox.class);
        assertThat(status.isVisible()).isTrue();
        assertThat(status.getText()).contains("1 orang");
        assertThat(r.lookup("#movesBox").query().isVisible()).isFalse();
        Screenshots.take(r, status.getScene(), "impor-pratinjau");
        r.clickOn("#changesTab .tab-label");
        TableView<?> changes = r.lookup("#changes").queryAs(TableView.class);
        waitUntil(() -> !changes.getItems().isEmpty());
        Screenshots.take(r, status.getScene(), "impor-perubahan");
        r.clickOn(status);
        waitUntil(() -> !okButton(r, "#householdsLabel").isDisabled());
        assertThat(okButton(r, "#householdsLabel").getText()).isEqualTo("Impor 4 KK");
        r.clickOn(okButton(r, "#householdsLabel"));
        waitUntil(() -> shown(r).isPresent());
        assertThat(shown(r).get()).contains("Tersimpan: 3 KK baru dan 1 KK berubah", "1 baris tidak diimpor",
                "Simpan daftarnya sebagai berkas teks");
        // the refused rows outlive the preview: saved as a file to fix the source with
        Path problemsFile = dir.resolve("daftar-masalah-impor.txt");
        app.dialogs.setSavePicker((title, name) -> Optional.of(problemsFile));
        r.type(KeyCode.ENTER);
        waitUntil(() -> shown(r).map(t -> t.contains("baris masalah disimpan")).orElse(false));
        assertThat(Files.readString(problemsFile)).contains("Data Penduduk!10 tanggallahir: ", "31-02-2010");
        r.type(KeyCode.ENTER);
        waitUntil(() -> r.lookup("#searchField").tryQuery().isPresent());

        // the same file again: nothing to do
        menu(r, KeyCode.B, "Impor data penduduk…");
        waitUntil(() -> r.lookup("#householdsLabel").tryQuery().isPresent());
        assertThat(text(r, "#householdsLabel")).isEqualTo("0 baru, 0 berubah, 4 tetap");
        assertThat(okButton(r, "#householdsLabel").isDisabled()).isTrue();
        r.type(KeyCode.ESCAPE);
        waitUntil(() -> r.lookup("#householdsLabel").tryQuery().isEmpty());

        Path export = dir.resolve("ekspor-desa.xlsx");
        app.dialogs.setSavePicker((title, name) -> Optional.of(export));
        menu(r, KeyCode.B, "Ekspor data penduduk…");
        waitUntil(() -> shown(r).isPresent());
        assertThat(shown(r).get()).contains("ditulis ke", "data pribadi");
        r.type(KeyCode.ENTER);
        PopulationFile.Read read = PopulationFile.read(export, Optional.empty(), Optional.empty());
        assertThat(read.format()).isEqualTo(PopulationFile.Format.OPENSID);
        assertThat(read.rows()).hasSize(11);
    }

    @Test
    void theDinasSosialsListGivesTheCalonUsulanAndEnterStartsTheRequest(FxRobot r) throws Exception {
        waitUntil(() -> r.lookup("#statusTiles").tryQuery().isPresent());
        var family = Households.family(7);
        String head = family.members().get(0).nik();
        String wife = family.members().get(1).nik();
        Path list = Sheets.xlsx(dir.resolve("bnba.xlsx"), "BNBA", List.of(Sheets.row("DAFTAR PBI-JK NONAKTIF DESA PONDOK RAJEG"),
                Sheets.row("NO", "NOMOR NIK", "NAMA LENGKAP", "KETERANGAN"),
                Sheets.row(1, head, "BUDI UJI 7", "NONAKTIF"), Sheets.row(2, wife, "SITI UJI 7", "NONAKTIF"),
                Sheets.row(3, "3201010101900001", "ORANG LAIN", "NONAKTIF")));
        app.dialogs.setOpenPicker((title, ext) -> Optional.of(list));
        menu(r, KeyCode.U, "Impor daftar PBI nonaktif…");
        waitUntil(() -> r.lookup("#forAllField").tryQuery().isPresent());
        waitUntil(() -> text(r, "#summaryLabel").contains("2 cocok"));
        assertThat(text(r, "#summaryLabel")).contains("1 tidak ada di data desa", "tidak memuat tanggal");
        assertThat(okButton(r, "#forAllField").isDisabled()).isTrue();
        r.clickOn("#forAllField").write("31-02-2026");
        waitUntil(() -> text(r, "#forAllMessage").contains("hh-bb-tttt"));
        LocalDate deleted = LocalDate.now().minusMonths(1);
        String typed = "%02d-%02d-%04d".formatted(deleted.getDayOfMonth(), deleted.getMonthValue(), deleted.getYear());
        r.interact(() -> r.lookup("#forAllField").queryAs(TextField.class).setText(typed));
        waitUntil(() -> !okButton(r, "#forAllField").isDisabled());
        assertThat(okButton(r, "#forAllField").getText()).isEqualTo("Tandai 2 orang");
        Screenshots.take(r, r.lookup("#forAllField").query().getScene(), "pbi-daftar");
        Path unmatched = dir.resolve("tidak-cocok.csv");
        app.dialogs.setSavePicker((title, name) -> Optional.of(unmatched));
        // the tabs by keyboard: Ctrl+Tab from the date field above them goes to the next one, Ctrl+Shift+Tab back
        javafx.scene.control.TabPane tabs = r.lookup("#tabs").queryAs(javafx.scene.control.TabPane.class);
        r.interact(() -> r.lookup("#forAllField").query().requestFocus());
        r.press(KeyCode.CONTROL, KeyCode.TAB).release(KeyCode.TAB, KeyCode.CONTROL);
        waitUntil(() -> tabs.getSelectionModel().getSelectedItem().getId().equals("unmatchedTab"));
        r.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.TAB).release(KeyCode.TAB, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(() -> tabs.getSelectionModel().getSelectedItem().getId().equals("matchedTab"));
        r.press(KeyCode.CONTROL, KeyCode.TAB).release(KeyCode.TAB, KeyCode.CONTROL);
        waitUntil(() -> tabs.getSelectionModel().getSelectedItem().getId().equals("unmatchedTab"));
        r.clickOn("#saveUnmatchedButton");
        waitUntil(() -> shown(r).isPresent());
        r.type(KeyCode.ENTER);
        assertThat(Files.readString(unmatched)).contains("3201010101900001");
        r.clickOn(okButton(r, "#forAllField"));
        waitUntil(() -> shown(r).isPresent());
        assertThat(shown(r).get()).contains("2 orang cocok", "Calon usulan");
        r.type(KeyCode.ENTER);

        TableView<?> table = r.lookup("#table").queryAs(TableView.class);
        waitUntil(() -> r.lookup("#countLabel").tryQuery().isPresent() && table.getItems().size() == 2);
        assertThat(text(r, "#countLabel")).startsWith("2 calon usulan");
        Node page = r.lookup("#explainLabel").query();
        Screenshots.take(r, page.getScene(), "calon-usulan");
        r.interact(() -> {
            table.requestFocus();
            table.getSelectionModel().select(0);
        });
        r.type(KeyCode.ENTER);
        waitUntil(() -> r.lookup("#deletionDateField").tryQuery().isPresent());
        assertThat(r.lookup("#deletionDateField").queryAs(TextField.class).getText())
                .isEqualTo(id.berkasdesa.common.DateText.format(deleted));
    }
}
