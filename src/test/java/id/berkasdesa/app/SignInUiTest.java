package id.berkasdesa.app;

import static id.berkasdesa.app.AppFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import id.berkasdesa.common.Role;
import id.berkasdesa.household.Households;
import id.berkasdesa.wiring.Wiring;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.control.Label;
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
 * Signing in as an operator finds it: nothing of the register before the password; a wrong one says
 * so; Ctrl+Shift+L locks and the same person finds their work; the recovery code from the safe resets the
 * Administrator's password; a password the Administrator set must be changed at once.
 */
@ExtendWith(ApplicationExtension.class)
class SignInUiTest {

    @TempDir
    static Path dir;
    static final AtomicReference<String> RECOVERY = new AtomicReference<>();
    private final AppFixture app = new AppFixture();

    @Start
    void start(Stage stage) throws java.io.IOException {
        Path store0 = java.nio.file.Files.createTempDirectory(dir, "store"); // a new store for each test
        try (Wiring store = Wiring.open(store0, Clock.systemDefaultZone())) {
            AppFixture.setUpVillage(store);
            RECOVERY.set(store.accounts().createFirstAdministrator(AppFixture.ADMIN, AppFixture.PASSWORD.toCharArray()));
            store.households().save(Households.family(3), true);
            store.accounts().add("Budi", Role.OPERATOR, "sementara123".toCharArray());
            store.accounts().add("Kades", Role.PEMERIKSA, "periksa saja ya".toCharArray());
        }
        app.startSignedOut(stage, store0);
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    /** A menu item drawn greyed out: its row in the open menu is disabled. */
    private static boolean greyed(FxRobot r, String text) {
        javafx.css.PseudoClass disabled = javafx.css.PseudoClass.getPseudoClass("disabled");
        for (int attempt = 0; ; attempt++) {
            try {
                for (Node n = r.lookup(text).query(); n != null; n = n.getParent()) {
                    if (n.isDisabled() || n.getPseudoClassStates().contains(disabled)) {
                        return true;
                    }
                }
                return false;
            } catch (java.util.NoSuchElementException | IndexOutOfBoundsException | java.util.ConcurrentModificationException e) {
                // the lookup walked the scene while the FX thread changed it (a menu still opening): look again
                if (attempt == 10) {
                    throw e;
                }
                org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
            }
        }
    }

    private static boolean visible(FxRobot r, String query) {
        return r.lookup(query).tryQuery().map(Node::isVisible).orElse(false);
    }

    @Test
    void nothingShowsBeforeTheRightPasswordAndCtrlShiftLLocksKeepingTheWork(FxRobot r) {
        waitUntil(() -> visible(r, "#passwordField"));
        assertThat(r.lookup("#statusTiles").tryQuery()).isEmpty();
        assertThat(r.lookup("#navBar").query().isVisible()).isFalse();
        // the village in the header as everywhere else: "Desa · Kantor"
        String header = r.lookup("#villageLabel").queryAs(Label.class).getText();
        assertThat(header).contains(" · ").doesNotContain(" — ");
        assertThat(AppFixture.visibleMenus(r)).containsExactly("Berkas", "Usulan", "Paket", "Surat", "Bantuan");
        Screenshots.take(r, r.lookup("#passwordField").query().getScene(), "masuk");

        r.clickOn("#nameField").write("ani").type(KeyCode.ENTER).write("kata sandi salah").type(KeyCode.ENTER);
        waitUntil(() -> r.lookup("#messageLabel").queryAs(Label.class).getText().contains("salah"));
        assertThat(r.lookup("#statusTiles").tryQuery()).isEmpty();
        assertThat(r.lookup("#passwordField").queryAs(TextField.class).getText()).isEmpty();

        r.clickOn("#passwordField").write(AppFixture.PASSWORD).type(KeyCode.ENTER);
        waitUntil(() -> r.lookup("#statusTiles").tryQuery().isPresent());
        assertThat(r.lookup("#operatorLabel").queryAs(Label.class).getText()).isEqualTo("Administrator: Ani");

        AppFixture.openRegister(r);
        r.clickOn("#searchField").write("uji");
        r.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.L).release(KeyCode.L, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(() -> visible(r, "#passwordField"));
        assertThat(r.lookup("#searchField").tryQuery()).isEmpty(); // the page is hidden while locked
        assertThat(r.lookup("#nameField").queryAs(TextField.class).getText()).isEqualTo("Ani");
        assertThat(r.lookup("#titleLabel").queryAs(Label.class).getText()).isEqualTo("Layar terkunci");
        Screenshots.take(r, r.lookup("#passwordField").query().getScene(), "terkunci");
        r.write(AppFixture.PASSWORD).type(KeyCode.ENTER);
        waitUntil(() -> r.lookup("#searchField").tryQuery().isPresent());
        assertThat(r.lookup("#searchField").queryAs(TextField.class).getText()).isEqualTo("uji"); // work kept

        // Keluar dari akun: nobody acts, the sign-in waits for the next person
        r.press(KeyCode.ALT, KeyCode.B).release(KeyCode.B, KeyCode.ALT);
        r.clickOn("Keluar dari akun");
        waitUntil(() -> visible(r, "#passwordField"));
        assertThat(app.ctx.session().signedIn()).isFalse();
        assertThat(r.lookup("#searchField").tryQuery()).isEmpty();
    }

    @Test
    void aPasswordSetByTheAdministratorIsChangedBeforeAnythingElse(FxRobot r) {
        waitUntil(() -> visible(r, "#passwordField"));
        r.clickOn("#nameField").write("Budi").type(KeyCode.ENTER).write("sementara123").type(KeyCode.ENTER);
        waitUntil(() -> r.lookup("#newPasswordField").tryQuery().isPresent());
        r.clickOn("#newPasswordField").write("pendek").type(KeyCode.ENTER).write("pendek"); // Enter goes to the second field
        r.clickOn("Simpan kata sandi");
        waitUntil(() -> r.lookup("#newPasswordMessage").queryAs(Label.class).getText().contains("10 karakter"));
        r.clickOn("#newPasswordField").write("teh manis jalan pagi").type(KeyCode.ENTER).write("teh manis jalan pagi");
        r.clickOn("Simpan kata sandi");
        waitUntil(() -> r.lookup("#statusTiles").tryQuery().isPresent());
        assertThat(app.ctx.session().role()).isEqualTo(Role.OPERATOR);
        // a restore asks for the Administrator's password: an Operator is not offered it
        javafx.scene.control.MenuBar bar = r.lookup(".menu-bar").queryAs(javafx.scene.control.MenuBar.class);
        assertThat(bar.getMenus().stream().flatMap(m -> m.getItems().stream())
                .filter(i -> "Pulihkan dari cadangan…".equals(i.getText())).findFirst().orElseThrow().isDisable()).isTrue();
    }

    @Test
    void theRecoveryCodeTypedInLowerCaseResetsTheAdministratorsPassword(FxRobot r) {
        waitUntil(() -> visible(r, "#forgotLink"));
        r.clickOn("#forgotLink");
        waitUntil(() -> r.lookup("#recoveryCodeField").tryQuery().isPresent());
        r.write("ABCDE-ABCDE-ABCDE-ABCDE-ABCDE-ABCDE");
        r.clickOn("#newPasswordField").write("kata sandi pulih");
        r.clickOn("#newRepeatField").write("kata sandi pulih");
        r.clickOn("Atur ulang");
        waitUntil(() -> r.lookup("#newPasswordMessage").queryAs(Label.class).getText().contains("Kode pemulihan salah"));
        r.clickOn("#recoveryCodeField").press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL)
                .type(KeyCode.BACK_SPACE).write(RECOVERY.get().toLowerCase().replace('-', ' '));
        r.clickOn("#newPasswordField").write("kata sandi pulih");
        r.clickOn("#newRepeatField").write("kata sandi pulih");
        r.clickOn("Atur ulang");
        waitUntil(() -> r.lookup(".dialog-pane .label").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText() != null && l.getText().contains("sudah diatur ulang")));
        r.clickOn("OK");
        r.clickOn("#nameField").write(AppFixture.ADMIN).type(KeyCode.ENTER).write("kata sandi pulih").type(KeyCode.ENTER);
        waitUntil(() -> r.lookup("#statusTiles").tryQuery().isPresent());
        assertThat(app.ctx.session().role()).isEqualTo(Role.ADMINISTRATOR);
    }

    @Test
    void aPemeriksaSeesTheRegisterButASaveIsRefusedWithAClearMessageAndNothingChanges(FxRobot r) {
        waitUntil(() -> visible(r, "#passwordField"));
        r.clickOn("#nameField").write("Kades").type(KeyCode.ENTER).write("periksa saja ya").type(KeyCode.ENTER);
        waitUntil(() -> r.lookup("#newPasswordField").tryQuery().isPresent()); // set by the Administrator: changed first
        r.clickOn("#newPasswordField").write("kepala desa periksa");
        r.clickOn("#newRepeatField").write("kepala desa periksa");
        r.clickOn("Simpan kata sandi");
        waitUntil(() -> r.lookup("#statusTiles").tryQuery().isPresent());
        assertThat(app.ctx.session().role()).isEqualTo(Role.PEMERIKSA);
        r.press(KeyCode.ALT, KeyCode.B).release(KeyCode.B, KeyCode.ALT);
        waitUntil(() -> r.lookup("Pengguna…").tryQuery().isPresent());
        // what a Pemeriksa may not do is not offered (the services refuse it anyway, as below)
        assertThat(greyed(r, "Pengguna…")).isTrue();
        assertThat(greyed(r, "Rekam jejak…")).isTrue();
        assertThat(greyed(r, "Ganti kata sandi…")).isFalse();
        r.type(KeyCode.ESCAPE);
        r.press(KeyCode.ALT, KeyCode.P).release(KeyCode.P, KeyCode.ALT);
        waitUntil(() -> r.lookup("Periksa paket…").tryQuery().isPresent());
        assertThat(greyed(r, "Kirim ke Dinas Sosial…")).isTrue();
        assertThat(greyed(r, "Baca balasan Dinas Sosial…")).isTrue();
        assertThat(greyed(r, "Periksa paket…")).isFalse(); // checking a bundle is theirs
        r.type(KeyCode.ESCAPE);

        AppFixture.openRegister(r);
        @SuppressWarnings("unchecked")
        javafx.scene.control.TableView<id.berkasdesa.household.HouseholdSummary> list =
                r.lookup("#table").queryAs(javafx.scene.control.TableView.class);
        waitUntil(() -> list.getItems().size() == 1);
        String before = app.ctx.households().load(list.getItems().get(0).id()).orElseThrow().alamat();
        AppFixture.openRow(r, list, 0);
        waitUntil(() -> r.lookup("#alamatField").tryQuery().isPresent());
        // read-only from the start: nothing to type into, no Simpan, a line that says why (it was refused only at the save)
        waitUntil(() -> r.lookup("#householdMessage").queryAs(Label.class).getText().contains("Hanya baca"));
        assertThat(r.lookup("#alamatField").queryAs(TextField.class).isEditable()).isFalse();
        assertThat(r.lookup("#saveButton").query().isVisible()).isFalse();
        assertThat(r.lookup("#addMemberButton").query().isVisible()).isFalse();
        r.doubleClickOn("#alamatField").write("JL. DIUBAH PEMERIKSA");
        r.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        assertThat(r.lookup("#alamatField").queryAs(TextField.class).getText()).isEqualTo(before);
        assertThat(r.lookup(".dialog-pane").tryQuery()).isEmpty();
        assertThat(app.ctx.households().load(list.getItems().get(0).id()).orElseThrow().alamat()).isEqualTo(before);
    }
}
