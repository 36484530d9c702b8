package id.berkasdesa.app;

import static id.berkasdesa.app.AppFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import id.berkasdesa.household.HouseholdSummary;
import java.nio.file.Path;
import javafx.scene.control.Label;
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

@ExtendWith(ApplicationExtension.class)
class FirstRunUiTest {

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

    @Test
    void findTheVillageByNameThenStartWithAnEmptyRegister(FxRobot r) throws Exception {
        r.clickOn("#startButton");
        Label message = r.lookup("#message").queryAs(Label.class);
        waitUntil(message::isVisible);
        assertThat(message.getText()).contains("Pilih desa/kelurahan");

        AppFixture.pickVillage(r, "pondok rajeg");
        assertThat(r.lookup("#kantorField").queryAs(TextField.class).getText()).isEqualTo("Kantor Kelurahan Pondok Rajeg");
        r.clickOn("#operatorField").write("Ani");
        r.clickOn("#kepalaField").write("H. Sukarna");
        r.clickOn("#startButton");

        // then the village's first Administrator, before any data: the operator named at the setup
        waitUntil(() -> r.lookup("#repeatField").tryQuery().map(javafx.scene.Node::isVisible).orElse(false));
        assertThat(r.lookup("#nameField").queryAs(TextField.class).getText()).isEqualTo("Ani");
        waitUntil(() -> r.lookup("#passwordField").queryAs(TextField.class).isFocused());
        Screenshots.take(r, r.lookup("#passwordField").query().getScene(), "administrator-pertama");
        r.write(AppFixture.PASSWORD).type(KeyCode.ENTER).write(AppFixture.PASSWORD).type(KeyCode.ENTER);
        waitUntil(() -> r.lookup(".dialog-pane").tryQuery().isPresent());
        Screenshots.take(r, r.lookup(".dialog-pane").query().getScene(), "kode-pemulihan");
        String code = r.lookup(".dialog-pane .label").queryAllAs(Label.class).stream().map(Label::getText)
                .filter(t -> t != null).map(t -> java.util.regex.Pattern.compile("([0-9A-HJKMNP-TV-Z]{5}-){5}[0-9A-HJKMNP-TV-Z]{5}")
                        .matcher(t)).filter(java.util.regex.Matcher::find).map(java.util.regex.Matcher::group)
                .findFirst().orElseThrow();
        // the printable sheet for the office safe carries the same code
        Path sheet = dir.resolve("lembar-pemulihan.pdf");
        app.dialogs.setSavePicker((title, name) -> java.util.Optional.of(sheet));
        r.clickOn("Simpan lembar pemulihan (PDF)…");
        waitUntil(() -> java.nio.file.Files.exists(sheet));
        r.clickOn("OK");
        try (var pdf = org.apache.pdfbox.Loader.loadPDF(sheet.toFile())) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(pdf)).contains(code, "Administrator: Ani",
                    "Pondok Rajeg");
        }

        waitUntil(() -> r.lookup("#statusTiles").tryQuery().isPresent());
        assertThat(app.ctx.villages().profile().orElseThrow().kodeDesa()).isEqualTo("32.01.01.1001");
        assertThat(app.ctx.villages().profile().orElseThrow().namaKepalaDesa()).isEqualTo("H. Sukarna");
        assertThat(app.ctx.session().operator()).isEqualTo("Ani");
        assertThat(app.ctx.session().role()).isEqualTo(id.berkasdesa.common.Role.ADMINISTRATOR);
        assertThat(r.lookup("#villageLabel").queryAs(Label.class).getText()).contains("Pondok Rajeg");
        assertThat(r.lookup("#sampleBanner").queryAs(Label.class).isVisible()).isFalse();
    }

    @Test
    void tryWithSampleDataFillsAMarkedInventedVillage(FxRobot r) {
        r.clickOn("#sampleButton");
        // the sample village opens on a home screen with requests in every status
        waitUntil(() -> r.lookup("#statusTiles").tryQuery().isPresent() && app.ctx.requests().count() > 0);
        AppFixture.openRegister(r);
        @SuppressWarnings("unchecked")
        TableView<HouseholdSummary> table = r.lookup("#table").queryAs(TableView.class);
        waitUntil(() -> table.getItems().size() == 200);
        assertThat(table.getItems()).allMatch(HouseholdSummary::sample);
        assertThat(r.lookup("#sampleBanner").queryAs(Label.class).isVisible()).isTrue();
        assertThat(r.lookup("#countLabel").queryAs(Label.class).getText()).startsWith("Menampilkan 200 dari 300 KK");

        r.press(KeyCode.ALT, KeyCode.B).release(KeyCode.B, KeyCode.ALT);
        r.clickOn("Mulai dengan data desa sebenarnya…");
        r.clickOn("Ya, hapus data contoh");
        waitUntil(() -> r.lookup("#searchField").tryQuery().isPresent() && r.lookup("#results").tryQuery().isPresent());
        assertThat(app.ctx.households().count()).isZero();
        assertThat(app.ctx.villages().profile()).isEmpty();
        assertThat(r.lookup("#sampleBanner").queryAs(Label.class).isVisible()).isFalse();
    }
}
