package id.berkasdesa.app;

import static id.berkasdesa.app.AppFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import id.berkasdesa.account.Account;
import id.berkasdesa.common.Role;
import id.berkasdesa.household.Household;
import id.berkasdesa.household.Households;
import id.berkasdesa.wiring.Wiring;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
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

/** The Administrator's two dialogs: Pengguna (add, disable, reset) and Rekam jejak (filter, chain, a person's PDF). */
@ExtendWith(ApplicationExtension.class)
class AccountsAuditUiTest {

    @TempDir
    static Path dir;
    static Household family;
    private final AppFixture app = new AppFixture();

    @Start
    void start(Stage stage) throws java.io.IOException {
        Path store = Files.createTempDirectory(dir, "store");
        try (Wiring w = Wiring.open(store, Clock.systemDefaultZone())) {
            AppFixture.setUpVillage(w);
            family = Households.family(5);
            w.households().save(family, true);
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

    /** The first password the dialog shows once, if it is open. */
    private static java.util.Optional<String> generated(FxRobot r) {
        return r.listWindows().stream().map(w -> w.getScene().getRoot())
                .filter(root -> root instanceof javafx.scene.control.DialogPane p
                        && p.getContent() instanceof javafx.scene.control.Label)
                .map(root -> ((javafx.scene.control.Label) ((javafx.scene.control.DialogPane) root).getContent()).getText())
                .filter(t -> t.startsWith("Kata sandi awal untuk")).map(t -> t.split("\n\n")[1]).findFirst();
    }

    @Test
    void theAdministratorAddsAnOperatorResetsAPasswordAndCannotDisableThemself(FxRobot r) throws java.io.IOException {
        waitUntil(() -> r.lookup("#statusTiles").tryQuery().isPresent());
        r.press(KeyCode.ALT, KeyCode.B).release(KeyCode.B, KeyCode.ALT);
        r.clickOn("Pengguna…");
        waitUntil(() -> r.lookup("#accountsTable").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        TableView<Account> table = r.lookup("#accountsTable").queryAs(TableView.class);
        assertThat(table.getItems()).extracting(Account::name).containsExactly(AppFixture.ADMIN);

        r.clickOn("#newAccountName").write("Budi Santoso");
        r.clickOn("#addAccount");
        // the first password is the app's, shown once to hand over: the Administrator never chooses it
        waitUntil(() -> generated(r).isPresent());
        String first = generated(r).orElseThrow();
        assertThat(first).matches("[a-z]+(-[a-z]+){3}-\\d{2}");
        Screenshots.take(r, r.lookup(".dialog-pane").query().getScene(), "pengguna-kata-sandi-awal");
        r.type(KeyCode.ENTER);
        waitUntil(() -> table.getItems().size() == 2);
        assertThat(text(r, "#accountsMessage")).contains("Budi Santoso", "Operator");
        app.ctx.accounts().signOut();
        assertThat(app.ctx.accounts().signIn("Budi Santoso", first.toCharArray()).mustChange()).isTrue();
        app.ctx.accounts().signIn(AppFixture.ADMIN, AppFixture.PASSWORD.toCharArray());
        Screenshots.take(r, table.getScene(), "pengguna");

        r.clickOn(AppFixture.ADMIN); // the row
        r.clickOn("#disableAccount");
        r.clickOn("Ya, nonaktifkan");
        waitUntil(() -> text(r, "#accountsMessage").contains("satu-satunya Administrator"));

        r.clickOn("Budi Santoso");
        r.clickOn("#resetAccount");
        waitUntil(() -> generated(r).isPresent());
        String again = generated(r).orElseThrow();
        assertThat(again).isNotEqualTo(first);
        // printed if wanted: a sheet to hand over, with the password, the person and their role
        Path sheet = dir.resolve("kata-sandi-awal.pdf");
        app.dialogs.setSavePicker((title, fileName) -> Optional.of(sheet));
        r.clickOn("Simpan lembar untuk dicetak…");
        waitUntil(() -> Files.exists(sheet));
        r.type(KeyCode.ENTER); // "disimpan di …": read, closed
        try (var pdf = org.apache.pdfbox.Loader.loadPDF(sheet.toFile())) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(pdf))
                    .contains(again, "Untuk: Budi Santoso (Operator)", "PONDOK RAJEG", "buat kata sandi sendiri");
        }
        waitUntil(() -> text(r, "#accountsMessage").contains("diatur ulang"));
        assertThat(app.ctx.accounts().list()).filteredOn(a -> a.name().equals("Budi Santoso"))
                .singleElement().satisfies(a -> {
                    assertThat(a.mustChange()).isTrue();
                    assertThat(a.role()).isEqualTo(Role.OPERATOR);
                });
    }

    /**
     * From the keyboard: Tab to Peran and "p" makes a Pemeriksa (not the Operator preset), a letter that
     * fits no role picks none and says so, Enter in the last field adds; the role is changed later
     * (recorded in the trail), never the last Administrator's.
     */
    @Test
    void aRoleIsChosenByItsFirstLetterAndChangedLater(FxRobot r) {
        waitUntil(() -> r.lookup("#statusTiles").tryQuery().isPresent());
        r.press(KeyCode.ALT, KeyCode.B).release(KeyCode.B, KeyCode.ALT);
        r.clickOn("Pengguna…");
        waitUntil(() -> r.lookup("#accountsTable").tryQuery().isPresent());
        // looked up on the FX thread: a lookup from the test thread can race the dialog still being laid out
        java.util.concurrent.atomic.AtomicReference<TableView<Account>> tableRef = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicReference<javafx.scene.control.ComboBox<Role>> roleRef =
                new java.util.concurrent.atomic.AtomicReference<>();
        r.interact(() -> {
            @SuppressWarnings("unchecked")
            TableView<Account> t = r.lookup("#accountsTable").queryAs(TableView.class);
            @SuppressWarnings("unchecked")
            javafx.scene.control.ComboBox<Role> c = r.lookup("#newAccountRole").queryAs(javafx.scene.control.ComboBox.class);
            tableRef.set(t);
            roleRef.set(c);
        });
        TableView<Account> table = tableRef.get();
        javafx.scene.control.ComboBox<Role> role = roleRef.get();

        r.clickOn("#newAccountName").write("Kades Sari");
        r.type(KeyCode.TAB);
        waitUntil(role::isFocused);
        r.write("x");
        waitUntil(() -> role.getProperties().get(id.berkasdesa.common.ui.KeyboardEntry.TYPE_AHEAD_HINT) != null);
        assertThat(role.getValue()).isEqualTo(Role.OPERATOR); // what it was: nothing picked by "x"
        assertThat((String) role.getProperties().get(id.berkasdesa.common.ui.KeyboardEntry.TYPE_AHEAD_HINT))
                .contains("Tidak ada pilihan yang cocok");
        r.sleep(1000); // a new word after a pause
        r.write("p");
        waitUntil(() -> role.getValue() == Role.PEMERIKSA);
        r.type(KeyCode.ENTER); // Enter on the role adds the account
        waitUntil(() -> generated(r).isPresent());
        r.type(KeyCode.ENTER);
        waitUntil(() -> table.getItems().size() == 2);
        assertThat(app.ctx.accounts().list()).filteredOn(a -> a.name().equals("Kades Sari")).singleElement()
                .extracting(Account::role).isEqualTo(Role.PEMERIKSA);

        r.interact(() -> table.getSelectionModel().select(1));
        r.clickOn("#changeRole");
        waitUntil(() -> r.lookup("#roleChoice").tryQuery().map(javafx.scene.Node::isFocused).orElse(false));
        r.type(KeyCode.A).type(KeyCode.ENTER); // keys to the focused window (write() types into the last clicked one)
        // a new Administrator's password must open the certifying key: the app gives a new first password, once
        waitUntil(() -> generated(r).isPresent());
        r.type(KeyCode.ENTER);
        waitUntil(() -> text(r, "#accountsMessage").contains("sekarang Administrator"));
        assertThat(app.ctx.accounts().list()).filteredOn(a -> a.name().equals("Kades Sari")).singleElement()
                .extracting(Account::role).isEqualTo(Role.ADMINISTRATOR);
        // back to Pemeriksa; then the only Administrator left cannot be made anything else
        r.interact(() -> table.getSelectionModel().select(1));
        r.clickOn("#changeRole");
        waitUntil(() -> r.lookup("#roleChoice").tryQuery().map(javafx.scene.Node::isFocused).orElse(false));
        r.type(KeyCode.P).type(KeyCode.ENTER);
        waitUntil(() -> text(r, "#accountsMessage").contains("sekarang Pemeriksa"));
        r.interact(() -> table.getSelectionModel().select(0));
        r.clickOn("#changeRole");
        waitUntil(() -> r.lookup("#roleChoice").tryQuery().map(javafx.scene.Node::isFocused).orElse(false));
        r.type(KeyCode.O).type(KeyCode.ENTER);
        waitUntil(() -> text(r, "#accountsMessage").contains("satu-satunya Administrator"));
        assertThat(app.ctx.accounts().list()).filteredOn(a -> a.name().equals(AppFixture.ADMIN)).singleElement()
                .extracting(Account::role).isEqualTo(Role.ADMINISTRATOR);
        app.ctx.db().actAs(new id.berkasdesa.common.Session(AppFixture.ADMIN, Role.ADMINISTRATOR));
        assertThat(app.ctx.audit().entries(id.berkasdesa.audit.AuditService.Filter.ALL)).extracting(
                id.berkasdesa.audit.AuditEntry::action).filteredOn("operator.role"::equals).hasSize(2);
    }

    @Test
    void theTrailShowsAPersonsProcessingAndPrintsItForThem(FxRobot r) throws Exception {
        waitUntil(() -> r.lookup("#statusTiles").tryQuery().isPresent());
        Path pdf = dir.resolve("rekam-jejak-orang.pdf");
        app.dialogs.setSavePicker((title, name) -> Optional.of(pdf));
        r.press(KeyCode.ALT, KeyCode.B).release(KeyCode.B, KeyCode.ALT);
        r.clickOn("Rekam jejak…");
        waitUntil(() -> text(r, "#auditVerdict").contains("utuh"));
        @SuppressWarnings("unchecked")
        TableView<id.berkasdesa.audit.AuditEntry> table = r.lookup("#auditTable").queryAs(TableView.class);
        assertThat(table.getItems()).extracting(id.berkasdesa.audit.AuditEntry::action).contains("household.save", "operator.first");
        // the changed fields in the forms' words, never the program's (noKk, recoveryCode)
        var fieldsColumn = table.getColumns().get(table.getColumns().size() - 1);
        int first = table.getItems().stream().map(id.berkasdesa.audit.AuditEntry::action).toList().indexOf("operator.first");
        assertThat(String.valueOf(fieldsColumn.getCellData(first))).contains("Kata sandi", "Kode pemulihan", "Peran")
                .doesNotContain("recoveryCode", "password");

        r.clickOn("#auditFrom").write("31-02-2026");
        r.clickOn("#auditShow");
        waitUntil(() -> text(r, "#auditMessage").contains("hh-bb-tttt"));
        r.clickOn("#auditFrom").press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL).type(KeyCode.BACK_SPACE);

        // by kind of action, chosen by typing its first letters
        r.clickOn("#auditOperator").type(KeyCode.TAB).write("akun"); // Tab to the list, then its words
        r.clickOn("#auditShow");
        waitUntil(() -> !table.getItems().isEmpty()
                && table.getItems().stream().allMatch(e -> e.action().startsWith("operator.")));
        r.clickOn("#auditOperator").type(KeyCode.TAB).write("semua");

        String nik = family.members().get(0).nik();
        r.clickOn("#auditNik").write(nik);
        r.clickOn("#auditShow");
        waitUntil(() -> !table.getItems().isEmpty() && table.getItems().stream().allMatch(e -> e.action().equals("household.save")));
        Screenshots.take(r, table.getScene(), "rekam-jejak");
        r.clickOn("#auditPersonPdf");
        waitUntil(() -> Files.exists(pdf) && text(r, "#auditMessage").contains(pdf.toString()));
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            String content = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
            assertThat(content).contains("Rekam jejak pemrosesan data pribadi", nik, "Data KK disimpan", AppFixture.ADMIN);
            assertThat(content).doesNotContain(family.members().get(0).nama()); // the trail holds no personal values
        }
        // printing a person's trail is itself recorded
        assertThat(app.ctx.audit().head().orElseThrow().action()).isEqualTo("audit.export");
    }
}
