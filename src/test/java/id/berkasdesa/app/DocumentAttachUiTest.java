package id.berkasdesa.app;

import static id.berkasdesa.app.AppFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import id.berkasdesa.document.Diagnosis;
import id.berkasdesa.document.Document;
import id.berkasdesa.document.DocumentKind;
import id.berkasdesa.document.DocumentService;
import id.berkasdesa.files.FileType;
import id.berkasdesa.document.RequirementPreset;
import id.berkasdesa.document.TestFiles;
import id.berkasdesa.household.Household;
import id.berkasdesa.household.Households;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import id.berkasdesa.wiring.Wiring;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The head of a family has KTP, KK and faskes letter but no SKTM. The operator opens the KK, presses
 * Ctrl+L, picks two phone photos of the SKTM, accepts the suggested kind, and sees one two-page PDF
 * and the checklist turn complete.
 */
@ExtendWith(ApplicationExtension.class)
class DocumentAttachUiTest {

    @TempDir
    static Path dir;
    @TempDir
    static Path photos;
    private final AppFixture app = new AppFixture();
    private static final Household FAMILY = Households.family(4);
    private static final UUID HEAD = FAMILY.members().get(0).id();

    @Start
    void start(Stage stage) {
        Clock clock = Clock.systemDefaultZone();
        LocalDate today = LocalDate.now(clock);
        try (Wiring store = Wiring.open(dir, Clock.systemDefaultZone())) {
            AppFixture.setUpVillage(store);
            store.households().save(FAMILY, true);
            DocumentService documents = store.documents();
            Path scan = TestFiles.jpeg(photos.resolve("scan.jpg"), 800, 600, 1);
            documents.attach(new DocumentService.Attach(FAMILY.id(), HEAD, DocumentKind.KTP, null, today.minusYears(3), null, null), List.of(scan));
            documents.attach(new DocumentService.Attach(FAMILY.id(), null, DocumentKind.KK, null, today.minusYears(1), null, null), List.of(scan));
            documents.attach(new DocumentService.Attach(FAMILY.id(), HEAD, DocumentKind.FASKES, null, today.minusDays(10),
                    "Puskesmas Rajeg", Diagnosis.GAGAL_GINJAL), List.of(TestFiles.pdf(photos.resolve("faskes.pdf"), 1, null)));
        }
        Path page1 = TestFiles.jpeg(photos.resolve("sktm-1.jpg"), 1800, 2400, 2);
        Path page2 = TestFiles.jpeg(photos.resolve("sktm-2.jpg"), 1800, 2400, 3);
        app.dialogs.setFilePicker(title -> List.of(page2, page1));
        app.start(stage, dir);
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    @Test
    void twoPhotosBecomeOneSktmAndTheChecklistTurnsComplete(FxRobot r) {
        AppFixture.openRegister(r);
        r.clickOn("#searchField").write(FAMILY.noKk());
        waitUntil(() -> r.lookup("#table").queryTableView().getItems().size() == 1);
        r.type(KeyCode.ENTER).type(KeyCode.ENTER);
        waitUntil(() -> r.lookup("#completeLabel").tryQuery().isPresent());
        Label complete = r.lookup("#completeLabel").queryAs(Label.class);
        waitUntil(() -> complete.getText().contains("3 dari 4"));
        assertThat(r.lookup(".checklist-chip").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("✖ SKTM: belum ada", "✔ KTP", "✔ Kartu Keluarga", "✔ Surat faskes");
        TableView<?> members = r.lookup("#memberTable").queryTableView();
        assertThat(members.getColumns().get(5).getCellData(0)).isEqualTo("3/4");

        // a cancelled attach says so, and the focus goes back to the member's row
        r.interact(members::requestFocus);
        r.press(KeyCode.CONTROL, KeyCode.L).release(KeyCode.L, KeyCode.CONTROL);
        waitUntil(() -> r.lookup("#kindBox").tryQuery().isPresent());
        r.type(KeyCode.ESCAPE);
        waitUntil(() -> r.lookup("#kindBox").tryQuery().isEmpty());
        Label attachMessage = r.lookup("#attachMessage").queryAs(Label.class);
        assertThat(attachMessage.getText()).isEqualTo("Dibatalkan: tidak ada dokumen yang dilampirkan.");
        waitUntil(members::isFocused);
        assertThat(app.ctx.documents().forHousehold(FAMILY.id())).hasSize(3);

        r.press(KeyCode.CONTROL, KeyCode.L).release(KeyCode.L, KeyCode.CONTROL);
        waitUntil(() -> r.lookup("#kindBox").tryQuery().isPresent());
        ComboBox<?> kind = r.lookup("#kindBox").queryComboBox();
        // the dialog opens at its own size, centred on the main window
        Window dialogWindow = kind.getScene().getWindow();
        Window main = members.getScene().getWindow();
        waitUntil(() -> Math.abs(dialogWindow.getX() + dialogWindow.getWidth() / 2 - (main.getX() + main.getWidth() / 2)) < 2);
        assertThat(dialogWindow.getWidth()).isGreaterThan(400);
        assertThat(dialogWindow.getHeight()).isGreaterThan(200);
        assertThat(kind.getValue()).as("first missing document offered").isEqualTo(DocumentKind.SKTM);
        assertThat(r.lookup("#filesLabel").queryAs(Label.class).getText()).contains("sktm-1.jpg, sktm-2.jpg");
        Screenshots.take(r, kind.getScene(), "lampirkan-dokumen");
        // an SKTM expires: its date is the letter's own, never today by default; Enter without it says so
        assertThat(r.lookup("#dateField").queryAs(javafx.scene.control.TextField.class).getText()).isEmpty();
        r.type(KeyCode.TAB).type(KeyCode.ENTER); // Enter attaches, wherever the focus is in the dialog
        waitUntil(() -> !r.lookup("#problemLabel").queryAs(Label.class).getText().isEmpty());
        r.clickOn("#dateField").write(id.berkasdesa.common.DateText.format(java.time.LocalDate.now().minusDays(3)));
        r.type(KeyCode.ENTER);

        waitUntil(() -> complete.getText().equals("Dokumen lengkap"));
        assertThat(attachMessage.getText()).isEqualTo("Terlampir: SKTM.");
        waitUntil(members::isFocused);
        Screenshots.take(r, complete.getScene(), "dokumen-lengkap");
        @SuppressWarnings("unchecked")
        TableView<Document> documents = r.lookup("#documentTable").queryAs(TableView.class);
        Document sktm = documents.getItems().stream().filter(d -> d.kind() == DocumentKind.SKTM).findFirst().orElseThrow();
        assertThat(sktm.copyType()).isEqualTo(FileType.PDF);
        assertThat(sktm.copyPages()).isEqualTo(2);
        assertThat(sktm.sourceCount()).isEqualTo(2);
        assertThat(sktm.copySize()).isLessThanOrEqualTo(1_000_000);
        assertThat(members.getColumns().get(5).getCellData(0)).isEqualTo("✔");

        // look at it: two pages, turn it a quarter, and the turn is kept
        r.interact(() -> {
            documents.getSelectionModel().select(sktm);
            documents.requestFocus();
        });
        r.type(KeyCode.ENTER);
        waitUntil(() -> r.lookup("#pageLabel").tryQuery().isPresent());
        Label pageLabel = r.lookup("#pageLabel").queryAs(Label.class);
        waitUntil(() -> pageLabel.getText().equals("Hal. 1 / 2"));
        r.type(KeyCode.PAGE_DOWN);
        waitUntil(() -> pageLabel.getText().equals("Hal. 2 / 2"));
        waitUntil(() -> !app.runner.busy().get());
        Screenshots.take(r, pageLabel.getScene(), "lihat-dokumen");
        r.press(KeyCode.CONTROL, KeyCode.R).release(KeyCode.R, KeyCode.CONTROL);
        waitUntil(() -> app.ctx.documents().find(sktm.id()).orElseThrow().rotation() == 90);
        waitUntil(() -> !app.runner.busy().get());
        r.type(KeyCode.ESCAPE);
        waitUntil(() -> r.lookup("#pageLabel").tryQuery().isEmpty());

        // the village switches to the central guidance: the open form stays, its checklist follows
        r.press(KeyCode.ALT, KeyCode.B).release(KeyCode.B, KeyCode.ALT); // the Berkas menu by its mnemonic
        r.clickOn("Pengaturan dokumen…");
        waitUntil(() -> r.lookup("#presetBox").tryQuery().isPresent());
        ComboBox<RequirementPreset> preset = r.lookup("#presetBox").queryComboBox();
        r.interact(() -> preset.setValue(RequirementPreset.PUSAT_2026));
        Screenshots.take(r, preset.getScene(), "pengaturan-dokumen");
        r.clickOn("Simpan");
        Label presetLabel = r.lookup("#presetLabel").queryAs(Label.class);
        waitUntil(() -> presetLabel.getText().contains("Pedoman pusat"));
        assertThat(r.lookup("#memberTable").tryQuery()).isPresent();
        assertThat(members.getColumns().get(5).getCellData(1)).isEqualTo("0/1");
    }
}
