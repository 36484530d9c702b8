package id.berkasdesa.app;

import static id.berkasdesa.app.AppFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import id.berkasdesa.document.DocumentKind;
import id.berkasdesa.household.Household;
import id.berkasdesa.household.Households;
import id.berkasdesa.letter.LetterService;
import id.berkasdesa.village.VillageProfile;
import id.berkasdesa.wiring.Wiring;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.image.ImageView;
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
 * A letter from the KK form with the keyboard (Ctrl+K): the page previewed, Terbitkan numbers it and
 * offers the PDF; the SKTM counts as the person's; Daftar surat lists it, cancels it with a reason and
 * exports the buku agenda; Periksa surat calls it cancelled, from the QR text and from the PDF.
 */
@ExtendWith(ApplicationExtension.class)
class LetterUiTest {

    @TempDir
    Path dir;
    private final AppFixture app = new AppFixture();
    private static final Household FAMILY = Households.family(17);

    @Start
    void start(Stage stage) {
        try (Wiring w = Wiring.open(dir, Clock.systemDefaultZone())) {
            w.villages().save(new VillageProfile("32.01.01.1001", "PONDOK RAJEG", "Kantor Kelurahan Pondok Rajeg", "Ani", false,
                    "H. Sukarna"));
            w.actAsVillageOperator();
            w.households().save(FAMILY, true);
        }
        app.start(stage, dir);
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    private static boolean enabled(FxRobot r, String id) {
        return r.lookup(id).tryQuery().map(n -> !n.isDisabled()).orElse(false);
    }

    @Test
    void anSktmFromTheKkFormIsIssuedListedCancelledAndCheckedFromItsQr(FxRobot r) throws Exception {
        AppFixture.openKk(r, FAMILY.noKk());
        r.press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
        waitUntil(() -> enabled(r, "#issueLetter") && r.lookup("#letterPage").queryAs(ImageView.class).getImage() != null);
        Screenshots.take(r, r.lookup("#letterPage").query().getScene(), "surat-buat");
        r.clickOn("#issueLetter");
        waitUntil(() -> AppFixture.dialogSaying(r, "sudah terbit").isPresent());
        Path pdf = dir.resolveSibling(dir.getFileName() + "-sktm.pdf");
        app.dialogs.setSavePicker((title, name) -> Optional.of(pdf));
        r.clickOn("Simpan PDF untuk dicetak…");
        waitUntil(() -> Files.exists(pdf));
        r.type(KeyCode.ENTER);

        LetterService.Letter issued = app.ctx.letters().list(null, null).get(0);
        assertThat(issued.number()).startsWith("401/001/3201011001/");
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(doc)).contains(issued.number(), issued.subjectName());
        }
        assertThat(app.ctx.documents().forHousehold(FAMILY.id())).anyMatch(d -> d.kind() == DocumentKind.SKTM);

        // Daftar surat: listed; cancelled with a reason; the buku agenda exported
        r.clickOn("Surat");
        r.clickOn("Daftar surat…");
        waitUntil(() -> r.lookup("#letterTable").tryQuery().isPresent()
                && r.lookup("#letterTable").queryAs(TableView.class).getItems().size() == 1);
        Screenshots.take(r, r.lookup("#letterTable").query().getScene(), "surat-daftar");
        r.clickOn("#cancelLetter");
        waitUntil(() -> r.lookup("#cancelReason").tryQuery().isPresent());
        r.clickOn("#cancelReason").write("Salah keperluan").type(KeyCode.ENTER);
        waitUntil(() -> r.lookup("#letterListMessage").queryAs(Label.class).getText().contains("dibatalkan"));
        Path agenda = dir.resolveSibling(dir.getFileName() + "-agenda.xlsx");
        app.dialogs.setSavePicker((title, name) -> Optional.of(agenda));
        r.clickOn("#exportLetters");
        waitUntil(() -> Files.exists(agenda) && r.lookup("#letterListMessage").queryAs(Label.class).getText().contains("diekspor"));
        r.clickOn("Tutup");
        waitUntil(() -> r.lookup("#letterTable").tryQuery().isEmpty());

        // Periksa surat: the QR text a phone read, then the PDF itself
        r.clickOn("Surat");
        r.clickOn("Periksa surat…");
        waitUntil(() -> r.lookup("#letterQrText").tryQuery().map(Node::isFocused).orElse(false));
        r.interact(() -> r.lookup("#letterQrText").queryTextInputControl().setText(issued.qrText()));
        r.clickOn("#checkLetterText");
        waitUntil(() -> r.lookup("#letterCheckResult").queryAs(Label.class).getText().startsWith("DIBATALKAN"));
        Screenshots.take(r, r.lookup("#letterCheckResult").query().getScene(), "surat-periksa");
        r.interact(() -> r.lookup("#letterQrText").queryTextInputControl().setText("bukan kode surat"));
        r.clickOn("#checkLetterText");
        waitUntil(() -> r.lookup("#letterCheckResult").queryAs(Label.class).getText().contains("bukan kode QR surat"));
        app.dialogs.setOpenPicker((title, ext) -> Optional.of(pdf));
        r.clickOn("#checkLetterPdf");
        waitUntil(() -> r.lookup("#letterCheckResult").queryAs(Label.class).getText().startsWith("DIBATALKAN"));
    }

    @Test
    void withoutASignatoryTheDialogSaysWhatToFillAndNumbersNothing(FxRobot r) {
        r.interact(() -> app.ctx.villages().save(new VillageProfile("32.01.01.1001", "PONDOK RAJEG", "Kantor Kelurahan Pondok Rajeg",
                "Ani", false, "")));
        AppFixture.openKk(r, FAMILY.noKk());
        r.press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
        waitUntil(() -> r.lookup("#letterMessage").tryQuery().map(n -> ((Label) n).getText().contains("kepala desa/lurah"))
                .orElse(false));
        assertThat(r.lookup("#issueLetter").queryAs(Button.class).isDisabled()).isTrue();
        r.type(KeyCode.ESCAPE);
        assertThat(app.ctx.letters().list(null, null)).isEmpty();
    }

    @Test
    void theAdministratorSetsTheNumberFormatAndAWrongOneIsRefusedWithItsReason(FxRobot r) {
        waitUntil(() -> r.lookup("#statusTiles").tryQuery().isPresent());
        r.clickOn("Surat");
        r.clickOn("Pengaturan surat…");
        waitUntil(() -> r.lookup("#letterFormat").tryQuery().map(Node::isFocused).orElse(false));
        r.interact(() -> r.lookup("#letterFormat").queryTextInputControl().setText("[kode_surat]/[nomer]/[tahun]"));
        waitUntil(() -> r.lookup("#letterFormatExample").queryAs(Label.class).getText().contains("[nomer]"));
        r.clickOn("Simpan");
        waitUntil(() -> r.lookup("#letterSettingsProblem").queryAs(Label.class).getText().contains("[nomer]"));
        Screenshots.take(r, r.lookup("#letterFormat").query().getScene(), "surat-pengaturan");
        r.interact(() -> r.lookup("#letterFormat").queryTextInputControl().setText("[nomor_surat, 4]/SKTM/[kode_desa]/[tahun]"));
        waitUntil(() -> r.lookup("#letterFormatExample").queryAs(Label.class).getText()
                .contains("0001/SKTM/3201011001/" + java.time.LocalDate.now().getYear()));
        r.clickOn("Simpan");
        waitUntil(() -> AppFixture.dialogSaying(r, "Pengaturan surat disimpan").isPresent());
        r.type(KeyCode.ENTER);
        assertThat(app.ctx.letters().settings().format()).isEqualTo("[nomor_surat, 4]/SKTM/[kode_desa]/[tahun]");
    }

    /** In a request whose checklist misses the SKTM: Buat SKTM there, and the checklist has it at once. */
    @Test
    void theSktmARequestMissesIsMadeFromTheRequestForm(FxRobot r) {
        AppFixture.openKk(r, FAMILY.noKk());
        r.press(KeyCode.CONTROL, KeyCode.U).release(KeyCode.U, KeyCode.CONTROL);
        waitUntil(() -> r.lookup("#makeSktm").tryQuery().isPresent());
        Screenshots.take(r, r.lookup("#makeSktm").query().getScene(), "usulan-buat-sktm");
        r.press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
        waitUntil(() -> enabled(r, "#issueLetter"));
        r.clickOn("#issueLetter");
        waitUntil(() -> AppFixture.dialogSaying(r, "sudah terbit").isPresent());
        r.type(KeyCode.ENTER);
        waitUntil(() -> r.lookup("#makeSktm").tryQuery().isEmpty());
        assertThat(app.ctx.documents().forHousehold(FAMILY.id())).anyMatch(d -> d.kind() == DocumentKind.SKTM);
    }
}
