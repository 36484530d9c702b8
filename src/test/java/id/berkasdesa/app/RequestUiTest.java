package id.berkasdesa.app;

import static id.berkasdesa.app.AppFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import id.berkasdesa.document.Diagnosis;
import id.berkasdesa.document.DocumentKind;
import id.berkasdesa.document.DocumentService;
import id.berkasdesa.document.TestFiles;
import id.berkasdesa.common.DateText;
import id.berkasdesa.household.Household;
import id.berkasdesa.household.Households;
import id.berkasdesa.request.CheckChannel;
import id.berkasdesa.request.ReactivationRequest;
import id.berkasdesa.request.RequestStatus;
import id.berkasdesa.request.RequestSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import id.berkasdesa.wiring.Wiring;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The head of a family has KTP, KK and a faskes letter (kidney failure) but no SKTM. The operator
 * makes a reactivation request from the member, sees it blocked by the missing SKTM, attaches the
 * SKTM, sees the request become "Siap kirim", and sees the home screen's count change; then prints
 * the list for the village head.
 */
@ExtendWith(ApplicationExtension.class)
class RequestUiTest {

    @TempDir
    static Path dir;
    @TempDir
    static Path files;
    private final AppFixture app = new AppFixture();
    private static final Household FAMILY = Households.family(7);
    private static final UUID HEAD = FAMILY.members().get(0).id();
    private static final LocalDate TODAY = LocalDate.now();

    @Start
    void start(Stage stage) {
        Clock clock = Clock.systemDefaultZone();
        try (Wiring store = Wiring.open(dir, Clock.systemDefaultZone())) {
            AppFixture.setUpVillage(store);
            store.households().save(FAMILY, true);
            DocumentService documents = store.documents();
            Path scan = TestFiles.jpeg(files.resolve("scan.jpg"), 800, 600, 1);
            documents.attach(new DocumentService.Attach(FAMILY.id(), HEAD, DocumentKind.KTP, null, TODAY.minusYears(3), null, null), List.of(scan));
            documents.attach(new DocumentService.Attach(FAMILY.id(), null, DocumentKind.KK, null, TODAY.minusYears(1), null, null), List.of(scan));
            documents.attach(new DocumentService.Attach(FAMILY.id(), HEAD, DocumentKind.FASKES, null, TODAY.minusDays(4),
                    "RSUD Cibinong", Diagnosis.GAGAL_GINJAL), List.of(scan));
        }
        Path sktm = TestFiles.jpeg(files.resolve("sktm.jpg"), 1200, 1600, 5);
        app.dialogs.setFilePicker(title -> List.of(sktm));
        app.dialogs.setSavePicker((title, name) -> Optional.of(files.resolve(name)));
        app.start(stage, dir);
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    private static String tile(FxRobot r, RequestStatus s) {
        return r.lookup("#tile-" + s.name() + " .tile-number").queryAs(Label.class).getText();
    }

    private static void shortcut(FxRobot r, KeyCode key) {
        r.press(KeyCode.CONTROL, key).release(key, KeyCode.CONTROL);
    }

    @Test
    void aRequestBlockedByAMissingSktmBecomesReadyOnceItIsAttached(FxRobot r) throws Exception {
        // a tile's number is in the scene once its button has its skin (the pulse after the tiles are made)
        waitUntil(() -> r.lookup("#tile-SIAP_KIRIM .tile-number").tryQuery().isPresent());
        assertThat(tile(r, RequestStatus.SIAP_KIRIM)).isEqualTo("0");
        assertThat(tile(r, RequestStatus.DRAF)).isEqualTo("0");

        // from the member: open the KK, the head is selected, Ctrl+U
        AppFixture.openRegister(r);
        r.clickOn("#searchField").write(FAMILY.noKk());
        waitUntil(() -> r.lookup("#table").queryTableView().getItems().size() == 1);
        r.type(KeyCode.ENTER).type(KeyCode.ENTER);
        waitUntil(() -> r.lookup("#memberTable").tryQuery().isPresent());
        shortcut(r, KeyCode.U);
        waitUntil(() -> r.lookup("#checkDateField").tryQuery().isPresent());

        // the form from the keyboard: dates typed, choices picked
        r.clickOn("#checkDateField").write(DateText.format(TODAY.minusDays(1)));
        ComboBox<CheckChannel> channel = r.lookup("#channelBox").queryComboBox();
        ComboBox<Diagnosis> category = r.lookup("#categoryBox").queryComboBox();
        r.interact(() -> {
            channel.setValue(CheckChannel.MOBILE_JKN);
            category.setValue(Diagnosis.GAGAL_GINJAL);
        });
        r.clickOn("#deletionDateField").write("31-02-2026"); // no such day
        shortcut(r, KeyCode.S);
        Label deletionMessage = r.lookup("#deletionDateMessage").queryAs(Label.class);
        waitUntil(() -> deletionMessage.getText().contains("Tanggal tidak dikenali"));
        assertThat(app.ctx.requests().count()).as("nothing stored while a date cannot be read").isZero();

        r.clickOn("#deletionDateField").press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL)
                .write(DateText.format(TODAY.minusMonths(2)));
        r.clickOn("#reasonArea").write("Kartu nonaktif saat cuci darah");
        shortcut(r, KeyCode.S);
        Label badge = r.lookup("#statusBadge").queryAs(Label.class);
        waitUntil(() -> badge.getText().equals("Draf"));
        assertThat(r.lookup("#urgentBadge").queryAs(Label.class).isVisible()).isTrue();
        waitUntil(() -> r.lookup(".rule-line-block").queryAll().size() == 1 && !app.runner.busy().get());
        assertThat(ruleTexts(r, ".rule-line-block")).singleElement().asString()
                .contains("SKTM belum dilampirkan");
        Screenshots.take(r, badge.getScene(), "usulan-terhalang");
        ReactivationRequest stored = app.ctx.requests().search(id.berkasdesa.request.RequestFilter.all()).stream()
                .map(RequestSummary::id).findFirst().flatMap(app.ctx.requests()::find).orElseThrow();
        assertThat(stored.status()).isEqualTo(RequestStatus.DRAF);
        assertThat(stored.form().deletionDate()).isEqualTo(TODAY.minusMonths(2));

        // back to the KK, attach the SKTM
        r.type(KeyCode.ESCAPE);
        waitUntil(() -> r.lookup("#memberTable").tryQuery().isPresent());
        shortcut(r, KeyCode.L);
        waitUntil(() -> r.lookup("#kindBox").tryQuery().isPresent());
        assertThat(r.lookup("#kindBox").queryComboBox().getValue()).isEqualTo(DocumentKind.SKTM);
        r.clickOn("#dateField").write(DateText.format(TODAY.minusDays(2))); // the letter's own date: never prefilled
        r.clickOn("Lampirkan");
        waitUntil(() -> r.lookup("#kindBox").tryQuery().isEmpty());
        waitUntil(() -> app.ctx.documents().forHousehold(FAMILY.id()).size() == 4);
        waitUntil(() -> app.ctx.requests().find(stored.id()).orElseThrow().status() == RequestStatus.SIAP_KIRIM);

        // the request says so
        shortcut(r, KeyCode.U);
        waitUntil(() -> r.lookup("#statusBadge").tryQuery().isPresent());
        Label ready = r.lookup("#statusBadge").queryAs(Label.class);
        waitUntil(() -> ready.getText().equals("Siap kirim"));
        assertThat(r.lookup(".rule-line-block").queryAll()).isEmpty();
        assertThat(r.lookup("#readyLabel").queryAs(Label.class).getText()).isEqualTo("Siap kirim");
        Screenshots.take(r, ready.getScene(), "usulan-siap-kirim");

        // and so does the home screen
        shortcut(r, KeyCode.DIGIT1);
        waitUntil(() -> r.lookup("#tile-SIAP_KIRIM .tile-number").tryQuery().isPresent()
                && tile(r, RequestStatus.SIAP_KIRIM).equals("1"));
        assertThat(tile(r, RequestStatus.DRAF)).isEqualTo("0");
        Screenshots.take(r, r.lookup("#tile-SIAP_KIRIM").query().getScene(), "beranda");

        // the number opens the list behind it; the list prints for the village head
        r.clickOn("#tile-SIAP_KIRIM");
        waitUntil(() -> r.lookup("#pdfButton").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        TableView<RequestSummary> list = r.lookup("#table").queryAs(TableView.class);
        waitUntil(() -> list.getItems().size() == 1);
        assertThat(list.getItems().get(0).nama()).isEqualTo(FAMILY.members().get(0).nama());
        Screenshots.take(r, list.getScene(), "daftar-usulan");
        shortcut(r, KeyCode.P);
        Path pdf = files.resolve("daftar-usulan-" + DateText.format(TODAY) + ".pdf");
        waitUntil(() -> Files.exists(pdf) && r.lookup(".dialog-pane").tryQuery().isPresent());
        r.clickOn("OK");
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("DAFTAR USULAN REAKTIVASI PBI-JK", FAMILY.members().get(0).nama(),
                    FAMILY.members().get(0).nik(), "Gagal ginjal", "Siap kirim", "Kepala Desa/Lurah");
        }
        try (var left = Files.list(files)) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    private static List<String> ruleTexts(FxRobot r, String style) {
        return r.lookup(style).queryAll().stream().map(RequestUiTest::text).toList();
    }

    private static String text(Node line) {
        return line.lookupAll(".rule-text").stream().map(n -> ((Label) n).getText()).reduce("", String::concat);
    }
}
