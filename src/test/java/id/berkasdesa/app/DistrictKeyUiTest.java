package id.berkasdesa.app;

import static id.berkasdesa.app.AppFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import id.berkasdesa.household.Households;
import id.berkasdesa.keys.KeyPair;
import id.berkasdesa.wiring.Wiring;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
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
 * Berkas > Kunci Dinas Sosial: the Administrator imports the district's public key after comparing
 * its fingerprint; a second, different key needs an explicit replacement; Kirim then says the
 * bundle is encrypted for that Dinas Sosial.
 */
@ExtendWith(ApplicationExtension.class)
class DistrictKeyUiTest {

    @TempDir
    static Path dir;
    static final KeyPair DISTRICT = KeyPair.generate("dinas", "32.01", "Dinas Sosial Kabupaten Bogor");
    static final KeyPair OTHER = KeyPair.generate("dinas", "32.01", "Dinas Sosial Kabupaten Bogor");
    private final AppFixture app = new AppFixture();
    Path publicFile;
    Path otherFile;

    @Start
    void start(Stage stage) throws java.io.IOException {
        Path store = Files.createTempDirectory(dir, "store");
        publicFile = Files.write(dir.resolve("32.01.kunci-publik"), DISTRICT.publicKeys().toBytes());
        otherFile = Files.write(dir.resolve("lain.kunci-publik"), OTHER.publicKeys().toBytes());
        try (Wiring w = Wiring.open(store, Clock.systemDefaultZone())) {
            AppFixture.setUpVillage(w);
            w.households().save(Households.family(5), true);
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

    private void open(FxRobot r) {
        r.press(KeyCode.ALT, KeyCode.B).release(KeyCode.B, KeyCode.ALT);
        r.clickOn("Kunci Dinas Sosial…");
        waitUntil(() -> r.lookup("#districtKeyCurrent").tryQuery().isPresent() && !text(r, "#villageKeyLabel").isEmpty());
    }

    @Test
    void theAdministratorComparesTheFingerprintImportsTheKeyAndBundlesAreThenEncrypted(FxRobot r) {
        waitUntil(() -> r.lookup("#statusTiles").tryQuery().isPresent());
        open(r);
        assertThat(text(r, "#districtKeyCurrent")).startsWith("Belum ada kunci Dinas Sosial");
        assertThat(text(r, "#villageKeyLabel")).contains(app.ctx.villageFingerprint());
        Screenshots.take(r, r.lookup("#districtKeyCurrent").query().getScene(), "kunci-dinas-kosong");

        app.dialogs.setOpenPicker((title, ext) -> Optional.of(publicFile));
        r.clickOn("#importDistrictKey");
        waitUntil(() -> r.lookup("Sama, impor").tryQuery().isPresent());
        assertThat(r.lookup(".dialog-pane .label").queryAllAs(Label.class).stream().map(Label::getText)
                .anyMatch(t -> t != null && t.contains(DISTRICT.publicKeys().fingerprint()))).isTrue();
        Screenshots.take(r, r.lookup("Sama, impor").query().getScene(), "kunci-dinas-sidik-jari");
        r.clickOn("Sama, impor");
        waitUntil(() -> text(r, "#districtKeyCurrent").startsWith("Kunci yang dipakai"));
        assertThat(text(r, "#districtKeyCurrent")).contains(DISTRICT.publicKeys().fingerprint(), AppFixture.ADMIN);
        Screenshots.take(r, r.lookup("#districtKeyCurrent").query().getScene(), "kunci-dinas");

        // another key for the same kabupaten: compared, then refused unless replaced explicitly
        app.dialogs.setOpenPicker((title, ext) -> Optional.of(otherFile));
        r.clickOn("#importDistrictKey");
        waitUntil(() -> r.lookup("Sama, impor").tryQuery().isPresent());
        r.clickOn("Sama, impor");
        waitUntil(() -> r.lookup("Ganti kunci").tryQuery().isPresent());
        r.clickOn("Batal");
        waitUntil(() -> r.lookup("Ganti kunci").tryQuery().isEmpty());
        assertThat(app.ctx.districtKeys().current().orElseThrow().fingerprint()).isEqualTo(DISTRICT.publicKeys().fingerprint());
        r.clickOn("Tutup");

        r.press(KeyCode.CONTROL, KeyCode.E).release(KeyCode.E, KeyCode.CONTROL);
        waitUntil(() -> r.lookup("#protectionLabel").tryQuery().isPresent()
                && !text(r, "#protectionLabel").isEmpty());
        assertThat(text(r, "#protectionLabel")).contains("dienkripsi untuk Dinas Sosial Kabupaten Bogor",
                DISTRICT.publicKeys().fingerprint());
        assertThat(r.lookup("#plainCheck").query().isVisible()).isFalse();
        Screenshots.take(r, r.lookup("#protectionLabel").query().getScene(), "kirim-terenkripsi");
        r.clickOn("Tutup");

        // Tentang shows the village's own key, as the Dinas Sosial sees it on every bundle
        r.press(KeyCode.ALT, KeyCode.T).release(KeyCode.T, KeyCode.ALT);
        r.clickOn("Tentang Berkas Desa");
        String fingerprint = app.ctx.villageFingerprint();
        waitUntil(() -> r.lookup(".dialog-pane .label").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText() != null && l.getText().contains(fingerprint)));
        r.type(KeyCode.ENTER);
    }
}
