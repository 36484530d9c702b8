package id.berkasdesa.app;

import static id.berkasdesa.app.AppFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import id.berkasdesa.bundle.BundleStore;
import id.berkasdesa.common.DateText;
import id.berkasdesa.household.Household;
import id.berkasdesa.request.CheckChannel;
import id.berkasdesa.request.ReactivationRequest;
import id.berkasdesa.request.RequestFilter;
import id.berkasdesa.request.RequestStatus;
import id.berkasdesa.request.RequestSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * One request's whole life through the window, as an operator lives it: made from the member (Draf,
 * the membership check still missing), completed (Siap kirim), sent on a stick (Terkirim), the
 * Dinas Sosial's answer read back (Disetujui), the card active again from a typed date, and the DTSEN
 * follow-up recorded. The date dialogs refuse a date that does not exist and one in the future, and
 * take a real one.
 */
@ExtendWith(ApplicationExtension.class)
class RequestLifeUiTest {

    @TempDir
    static Path dir;
    @TempDir
    static Path scratch;
    @TempDir
    static Path stick;
    private final AppFixture app = new AppFixture();
    private static Household family;
    private static final LocalDate TODAY = LocalDate.now();

    @Start
    void start(Stage stage) throws Exception {
        try (BundleStore store = new BundleStore(dir, scratch, 0, Clock.systemDefaultZone())) {
            family = store.documentedFamily(11, scratch, null);
        }
        app.dialogs.setFolderPicker(title -> Optional.of(stick));
        app.dialogs.setOpenPicker((title, extensions) -> Optional.of(scratch.resolve("balasan.xlsx")));
        app.start(stage, dir);
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    private static void shortcut(FxRobot r, KeyCode key) {
        r.press(KeyCode.CONTROL, key).release(key, KeyCode.CONTROL);
    }

    private static String badge(FxRobot r) {
        return r.lookup("#statusBadge").queryAs(Label.class).getText();
    }

    private static List<String> history(FxRobot r) {
        return r.lookup("#historyBox .label").queryAll().stream().map(n -> ((Label) n).getText()).toList();
    }

    /** The text field of the small dialog that asks a date, once it is open. */
    private static TextField askField(FxRobot r) {
        waitUntil(() -> r.lookup(".dialog-pane .text-field").tryQuery().isPresent());
        return r.lookup(".dialog-pane .text-field").queryAs(TextField.class);
    }

    private static String askMessage(FxRobot r) {
        return r.lookup(".dialog-pane .field-message").queryAs(Label.class).getText();
    }

    private static void typeOver(FxRobot r, TextField field, String text) {
        r.clickOn(field).press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL).write(text);
    }

    private ReactivationRequest theRequest() {
        return app.ctx.requests().search(RequestFilter.all()).stream().map(RequestSummary::id).findFirst()
                .flatMap(app.ctx.requests()::find).orElseThrow();
    }

    @Test
    void oneRequestFromTheMemberToTheFollowUpRecorded(FxRobot r) throws Exception {
        // new, from the member: the form opens with the cursor in "Tanggal cek"
        AppFixture.openRegister(r);
        r.clickOn("#searchField").write(family.noKk());
        waitUntil(() -> r.lookup("#table").queryTableView().getItems().size() == 1);
        r.type(KeyCode.ENTER).type(KeyCode.ENTER);
        waitUntil(() -> r.lookup("#memberTable").tryQuery().isPresent());
        shortcut(r, KeyCode.U);
        waitUntil(() -> r.lookup("#checkDateField").tryQuery().isPresent()
                && r.lookup("#checkDateField").query().isFocused());

        // Draf: saved without the membership check
        r.clickOn("#deletionDateField").write(DateText.format(TODAY.minusMonths(2)));
        r.clickOn("#reasonArea").write("Kartu nonaktif saat kontrol");
        r.type(KeyCode.TAB); // leaves the multi-line field, inserts nothing
        waitUntil(() -> r.lookup("#categoryBox").query().isFocused());
        assertThat(r.lookup("#reasonArea").queryAs(javafx.scene.control.TextArea.class).getText())
                .isEqualTo("Kartu nonaktif saat kontrol");
        shortcut(r, KeyCode.S);
        waitUntil(() -> badge(r).equals("Draf"));
        assertThat(r.lookup(".rule-line-block .rule-text").queryAll().stream().map(n -> ((Label) n).getText()))
                .anyMatch(t -> t.startsWith("Catat kapan dan lewat mana kartu dipastikan nonaktif"));

        // Siap kirim: the check typed, the channel chosen by typing its first letters
        r.clickOn("#checkDateField").write(DateText.format(TODAY.minusDays(1)));
        ComboBox<CheckChannel> channel = r.lookup("#channelBox").queryComboBox();
        r.clickOn("#bpjsField").press(KeyCode.SHIFT, KeyCode.TAB).release(KeyCode.TAB, KeyCode.SHIFT);
        waitUntil(channel::isFocused);
        r.write("mob");
        waitUntil(() -> channel.getValue() != null);
        assertThat(channel.getValue()).isEqualTo(CheckChannel.MOBILE_JKN);
        shortcut(r, KeyCode.S);
        waitUntil(() -> badge(r).equals("Siap kirim"));
        assertThat(r.lookup(".rule-line-block").queryAll()).isEmpty();
        assertThat(theRequest().status()).isEqualTo(RequestStatus.SIAP_KIRIM);

        // Terkirim: a bundle on the stick
        r.type(KeyCode.ESCAPE);
        waitUntil(() -> r.lookup("#memberTable").tryQuery().isPresent());
        shortcut(r, KeyCode.E);
        waitUntil(() -> r.lookup("#countLabel").tryQuery().isPresent()
                && r.lookup("#countLabel").queryAs(Label.class).getText().startsWith("1 usulan dipilih"));
        r.clickOn("#plainCheck"); // no Dinas Sosial key in this village: sent plain, knowingly
        r.clickOn("Buat paket");
        Label exportMessage = r.lookup("#messageLabel").queryAs(Label.class);
        waitUntil(() -> exportMessage.getText().startsWith("Paket tersimpan"));
        r.clickOn("Tutup");
        waitUntil(() -> r.lookup("#countLabel").tryQuery().isEmpty());
        assertThat(theRequest().status()).isEqualTo(RequestStatus.TERKIRIM);
        assertThat(bundleOnStick().getFileName().toString()).matches("3201011001_\\d{8}-\\d{4}\\.zip");

        // the stick is still in: the offered backup goes to the same stick
        waitUntil(() -> r.lookup("Ya, cadangkan").tryQuery().isPresent());
        r.clickOn("Ya, cadangkan");
        waitUntil(() -> r.lookup("#backupFolder").tryQuery().isPresent());
        assertThat(r.lookup("#backupFolder").queryAs(javafx.scene.control.TextField.class).getText()).isEqualTo(stick.toString());
        // the offer starts the backup itself: no second button to find
        waitUntil(() -> !r.lookup("#backupMessage").queryAs(Label.class).getText().isEmpty()
                && !r.lookup("#backupMessage").queryAs(Label.class).getText().startsWith("Mencadangkan"));
        assertThat(r.lookup("#backupMessage").queryAs(Label.class).getText()).contains("Cadangan selesai");
        r.type(KeyCode.ESCAPE);
        try (Stream<Path> files = Files.list(stick)) {
            assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("cadangan_3201011001_"));
        }

        // Disetujui: the Dinas Sosial's answer read back
        writeResponse(theRequest(), "Disetujui");
        shortcut(r, KeyCode.B);
        waitUntil(() -> r.lookup("#summaryLabel").tryQuery().isPresent());
        assertThat(r.lookup("#summaryLabel").queryAs(Label.class).getText()).contains("1 usulan berubah status");
        r.clickOn("Terapkan 1 perubahan");
        waitUntil(() -> theRequest().status() == RequestStatus.DISETUJUI);
        waitUntil(() -> r.lookup(".dialog-pane").tryQuery().isPresent());
        r.clickOn("OK");

        // the list says so; the request opens from it
        shortcut(r, KeyCode.DIGIT3);
        waitUntil(() -> r.lookup("#pdfButton").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        TableView<RequestSummary> list = r.lookup("#table").queryAs(TableView.class);
        waitUntil(() -> list.getItems().size() == 1 && list.getItems().get(0).status() == RequestStatus.DISETUJUI);
        AppFixture.openRow(r, list, 0);
        waitUntil(() -> r.lookup("#statusBadge").tryQuery().isPresent() && badge(r).equals("Disetujui Dinsos"));
        assertThat(history(r)).anyMatch(l -> l.contains("Disetujui Dinsos (balasan.xlsx)"));

        // Aktif kembali: a date that does not exist and one ahead are refused in the dialog, a real one taken
        r.clickOn("Aktif kembali…");
        TextField date = askField(r);
        assertThat(date.getText()).isEqualTo(DateText.format(TODAY));
        typeOver(r, date, "31-02-2026");
        r.clickOn("Simpan");
        assertThat(askMessage(r)).startsWith("Tanggal tidak dikenali");
        typeOver(r, date, DateText.format(TODAY.plusDays(3)));
        r.clickOn("Simpan");
        assertThat(askMessage(r)).isEqualTo("Tanggal itu ada di masa depan.");
        assertThat(theRequest().status()).isEqualTo(RequestStatus.DISETUJUI);
        LocalDate activeSince = TODAY.minusDays(2);
        typeOver(r, date, DateText.format(activeSince));
        r.type(KeyCode.ENTER);
        waitUntil(() -> r.lookup(".dialog-pane .text-field").tryQuery().isEmpty());
        waitUntil(() -> badge(r).equals("Aktif kembali"));
        assertThat(theRequest().reactivatedOn()).isEqualTo(activeSince);
        assertThat(history(r)).anyMatch(l -> l.contains("Aktif kembali sejak " + DateText.format(activeSince)));
        assertThat(r.lookup("#actionsPane .label").queryAll().stream().map(n -> ((Label) n).getText()))
                .anyMatch(t -> t.startsWith("Data harus diperbarui di DTSEN paling lambat"));
        assertThat(r.lookup(".rule-line-block").queryAll()).as("a finished request shows no rule as an error").isEmpty();

        // the follow-up: the data update typed as today, recorded
        r.clickOn("Catat pembaruan data…");
        assertThat(askField(r).getText()).isEqualTo(DateText.format(TODAY));
        r.clickOn("Simpan");
        waitUntil(() -> r.lookup(".dialog-pane .text-field").tryQuery().isEmpty());
        waitUntil(() -> history(r).stream().anyMatch(l -> l.contains("Data DTSEN diperbarui pada " + DateText.format(TODAY))));
        assertThat(theRequest().followUpDone()).isEqualTo(TODAY);
        assertThat(r.lookup("#actionsPane .button").queryAll().stream().map(n -> ((Button) n).getText()))
                .doesNotContain("Catat pembaruan data…");
        Screenshots.take(r, r.lookup("#statusBadge").query().getScene(), "usulan-aktif-kembali");
        assertThat(dialogsOpen(r)).isEmpty();
    }

    private static List<Window> dialogsOpen(FxRobot r) {
        return r.listWindows().stream().filter(w -> w.getScene() != null && w.getScene().getRoot() instanceof DialogPane)
                .toList();
    }

    private static Path bundleOnStick() throws Exception {
        try (Stream<Path> files = Files.list(stick)) {
            return files.filter(p -> p.toString().endsWith(".zip") && !p.getFileName().toString().startsWith("cadangan_"))
                    .findFirst().orElseThrow();
        }
    }

    private static void writeResponse(ReactivationRequest request, String decision) {
        AppFixture.writeResponse(scratch.resolve("balasan.xlsx"),
                List.of(List.of(request.id().toString(), "32.01.01.1001", decision)));
    }
}
