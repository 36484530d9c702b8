package id.berkasdesa.app;

import static id.berkasdesa.app.AppFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import id.berkasdesa.bundle.BundleStore;
import id.berkasdesa.request.RequestStatus;
import id.berkasdesa.request.RequestSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
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
 * Two requests are ready. The operator presses Ctrl+E, keeps the default choice, picks the stick,
 * and gets a verified bundle there; both requests are now Terkirim. The Dinas Sosial's filled-in
 * usulan.xlsx comes back: Ctrl+B shows what it changes, Terapkan applies it. Periksa paket says the
 * bundle on the stick is intact.
 */
@ExtendWith(ApplicationExtension.class)
class BundleUiTest {

    @TempDir
    static Path dir;
    @TempDir
    static Path scratch;
    @TempDir
    static Path stick;
    private final AppFixture app = new AppFixture();
    private static List<UUID> ready;

    @Start
    void start(Stage stage) throws Exception {
        try (BundleStore store = new BundleStore(dir, scratch, 2, Clock.systemDefaultZone())) {
            ready = List.copyOf(store.ready);
        }
        app.dialogs.setFolderPicker(title -> Optional.of(stick));
        app.dialogs.setOpenPicker((title, extensions) -> Optional.of(extensions.contains("xlsx")
                ? scratch.resolve("balasan.xlsx") : bundleOnStick()));
        app.start(stage, dir);
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    private static Path bundleOnStick() {
        try (Stream<Path> files = Files.list(stick)) {
            return files.filter(p -> p.toString().endsWith(".zip")).findFirst().orElseThrow();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The message of the dialog that says the bundle is intact. */
    private static Optional<Label> verdict(FxRobot r) {
        return r.listWindows().stream().map(w -> w.getScene().getRoot())
                .filter(root -> root instanceof DialogPane p && p.getContent() instanceof Label l && l.getText().contains("UTUH"))
                .map(root -> (Label) ((DialogPane) root).getContent()).findFirst();
    }

    private static void shortcut(FxRobot r, KeyCode key) {
        r.press(KeyCode.CONTROL, key).release(key, KeyCode.CONTROL);
    }

    @Test
    void readyRequestsGoToTheStickAndTheResponseComesBack(FxRobot r) throws Exception {
        waitUntil(() -> r.lookup("#tile-SIAP_KIRIM .tile-number").tryQuery().isPresent()
                && r.lookup("#tile-SIAP_KIRIM .tile-number").queryAs(Label.class).getText().equals("2"));

        shortcut(r, KeyCode.E);
        waitUntil(() -> r.lookup("#countLabel").tryQuery().isPresent());
        assertThat(r.lookup("#countLabel").queryAs(Label.class).getText()).isEqualTo("2 usulan dipilih (0 kirim ulang)");
        // no Dinas Sosial key yet: the stick would carry personal data in clear, so it must be chosen knowingly
        assertThat(r.lookup("#protectionLabel").queryAs(Label.class).getText()).contains("TANPA enkripsi");
        r.clickOn("Buat paket");
        Label message = r.lookup("#messageLabel").queryAs(Label.class);
        waitUntil(() -> message.getText().startsWith("Paket belum dibuat"));
        r.clickOn("#plainCheck");
        r.clickOn("Buat paket");
        waitUntil(() -> message.getText().startsWith("Paket tersimpan"));
        Screenshots.take(r, message.getScene(), "kirim-paket");
        assertThat(ready).allSatisfy(id ->
                assertThat(app.ctx.requests().find(id).orElseThrow().status()).isEqualTo(RequestStatus.TERKIRIM));
        assertThat(bundleOnStick().getFileName().toString()).matches("3201011001_\\d{8}-\\d{4}\\.zip");
        assertThat(r.lookup("#countLabel").queryAs(Label.class).getText()).isEqualTo("0 usulan dipilih (0 kirim ulang)");
        r.clickOn("Tutup");
        // the stick is still in: a backup to it is offered (the Administrator says later)
        waitUntil(() -> r.lookup("Nanti saja").tryQuery().isPresent());
        r.clickOn("Nanti saja");
        waitUntil(() -> r.lookup("#countLabel").tryQuery().isEmpty());
        waitUntil(() -> r.lookup("#tile-TERKIRIM .tile-number").queryAs(Label.class).getText().equals("2"));

        // the Dinas Sosial answers in the bundle's own spreadsheet
        AppFixture.writeResponse(scratch.resolve("balasan.xlsx"), List.of(
                List.of(ready.get(0).toString(), "32.01.01.1001", "Disetujui"),
                List.of(ready.get(1).toString(), "32.01.01.1001", "Perlu perbaikan", "Foto SKTM buram, mohon pindai ulang")));
        shortcut(r, KeyCode.B);
        waitUntil(() -> r.lookup("#summaryLabel").tryQuery().isPresent());
        assertThat(r.lookup("#summaryLabel").queryAs(Label.class).getText()).contains("2 usulan berubah status");
        Screenshots.take(r, r.lookup("#summaryLabel").query().getScene(), "balasan-dinsos");
        r.clickOn("Terapkan 2 perubahan");
        waitUntil(() -> app.ctx.requests().find(ready.get(1)).orElseThrow().status() == RequestStatus.PERLU_PERBAIKAN);
        assertThat(app.ctx.requests().find(ready.get(0)).orElseThrow().status()).isEqualTo(RequestStatus.DISETUJUI);
        waitUntil(() -> r.lookup(".dialog-pane").tryQuery().isPresent());
        r.clickOn("OK");

        // the Dinas Sosial's reason stays where the operator looks: the list, the form, the history
        shortcut(r, KeyCode.DIGIT3);
        waitUntil(() -> r.lookup("#pdfButton").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        TableView<RequestSummary> list = r.lookup("#table").queryAs(TableView.class);
        waitUntil(() -> list.getItems().size() == 2);
        int fix = list.getItems().stream().map(RequestSummary::id).toList().indexOf(ready.get(1));
        assertThat(list.getColumns().get(list.getColumns().size() - 1).getCellData(fix))
                .isEqualTo("Foto SKTM buram, mohon pindai ulang");
        AppFixture.openRow(r, list, fix);
        waitUntil(() -> r.lookup("#decisionReasonLabel").tryQuery().isPresent());
        assertThat(r.lookup("#decisionReasonLabel").queryAs(Label.class).getText())
                .isEqualTo("Alasan: Foto SKTM buram, mohon pindai ulang");
        assertThat(r.lookup("#historyBox .label").queryAll().stream().map(n -> ((Label) n).getText()))
                .anyMatch(l -> l.endsWith("Perlu perbaikan (balasan.xlsx): Foto SKTM buram, mohon pindai ulang"));
        r.type(KeyCode.ESCAPE);

        // and the bundle on the stick is intact
        r.press(KeyCode.ALT, KeyCode.P).release(KeyCode.P, KeyCode.ALT); // the Paket menu by its mnemonic
        r.clickOn("Periksa paket…");
        waitUntil(() -> verdict(r).isPresent());
        Label content = verdict(r).orElseThrow();
        assertThat(content.getText()).contains("UTUH", "2 usulan", "8 dokumen");
        Screenshots.take(r, content.getScene(), "periksa-paket");
        r.clickOn("OK");
    }
}
