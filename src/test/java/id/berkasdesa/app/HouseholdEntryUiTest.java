package id.berkasdesa.app;

import static id.berkasdesa.app.AppFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import id.berkasdesa.household.HouseholdSearch;
import id.berkasdesa.household.HouseholdSummary;
import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TabPane;
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
class HouseholdEntryUiTest {

    @TempDir
    Path dir;
    private final AppFixture app = new AppFixture();

    @Start
    void start(Stage stage) {
        app.startOnVillage(stage, dir);
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    private static void next(FxRobot r) {
        r.type(KeyCode.ENTER);
    }

    /** Types one member from the NIK field on, moving with Enter only. */
    private static void member(FxRobot r, String nik, String nama, String sex, String lahir, String pendidikan,
            String kawin, String shdk, String ibu) {
        r.write(nik);
        next(r); // to the name: "Belum memiliki NIK" is left to Tab, and stays unticked
        waitUntil(() -> r.lookup("#namaField").query().isFocused());
        r.write(nama);
        next(r);
        r.write(sex);
        next(r);
        r.write("Bogor");
        next(r);
        r.write(lahir);
        next(r);
        r.write("islam");
        next(r);
        r.write(pendidikan);
        next(r);
        r.write("petani");
        next(r);
        r.write(kawin);
        next(r);
        if (shdk != null) {
            r.write(shdk);
        }
        next(r);
        next(r); // WNI is preset
        r.write("Ayah " + nama);
        next(r);
        r.write(ibu);
    }

    @Test
    void typeAHouseholdFromTheKeyboardSeeABadNikRefusedSaveAndFindItByNik(FxRobot r) {
        AppFixture.openRegister(r);
        r.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        waitUntil(() -> r.lookup("#noKkField").queryAs(TextField.class).isFocused());

        r.write("3201 0112 0326 0042");
        next(r);
        r.write("Jl. Melati No. 3");
        next(r);
        r.write("4");
        next(r);
        r.write("2");
        next(r);
        r.write("Dusun I");
        next(r);
        r.write("16911");
        next(r);

        // A NIK whose date part is no date (day 32) is refused with its reason, under the field.
        r.write("3201013208850001");
        next(r);
        Label nikMessage = r.lookup("#nikMessage").queryAs(Label.class);
        waitUntil(nikMessage::isVisible);
        assertThat(nikMessage.getText()).contains("bukan tanggal yang ada");
        r.clickOn("#nikField").press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        r.type(KeyCode.BACK_SPACE);

        member(r, "3201011708850001", "Budi Percobaan", "l", "17-08-1985", "tamat sd", "kawin", null, "Ibu Budi");
        r.press(KeyCode.CONTROL, KeyCode.T).release(KeyCode.T, KeyCode.CONTROL);
        member(r, "3201015203880002", "Siti Percobaan", "p", "12-03-1988", "sltp", "kawin", "istri", "Ibu Siti");
        r.press(KeyCode.CONTROL, KeyCode.T).release(KeyCode.T, KeyCode.CONTROL);
        member(r, "3201010501150003", "Anak Percobaan", "l", "05-01-2015", "belum tamat", "belum", "anak", "Siti Percobaan");

        assertThat(nikMessage.isVisible()).isFalse();
        r.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        Label status = r.lookup("#householdMessage").queryAs(Label.class);
        waitUntil(() -> status.getText().startsWith("Tersimpan"));
        assertThat(status.getText()).contains("3201011203260042").contains("3 anggota");
        // (typing the birth date over the one the NIK filled in gave that date, not both: the save took it)

        // Ctrl+T from the Dokumen tab: the member data tab, the cursor in the new member's NIK
        TextField noKk = r.lookup("#noKkField").queryAs(TextField.class);
        String savedKk = noKk.getText();
        r.press(KeyCode.CONTROL, KeyCode.D).release(KeyCode.D, KeyCode.CONTROL);
        TabPane tabs = r.lookup("#memberTabs").queryAs(TabPane.class);
        waitUntil(() -> tabs.getSelectionModel().getSelectedIndex() == 1);
        r.press(KeyCode.CONTROL, KeyCode.T).release(KeyCode.T, KeyCode.CONTROL);
        waitUntil(() -> tabs.getSelectionModel().getSelectedIndex() == 0 && r.lookup("#nikField").query().isFocused());
        r.write("3201010101200004");
        assertThat(r.lookup("#nikField").queryAs(TextField.class).getText()).isEqualTo("3201010101200004");
        // the NIK fills the empty sex and birth date (the operator checks them)
        waitUntil(() -> "01-01-2020".equals(r.lookup("#tanggalLahirField").queryAs(TextField.class).getText()));
        assertThat(r.lookup("#sexBox").queryAs(javafx.scene.control.ComboBox.class).getValue())
                .isEqualTo(id.berkasdesa.adminduk.Sex.L);
        assertThat(noKk.getText()).isEqualTo(savedKk);

        // leaving with that unsaved member asks; Enter keeps the work, "Tinggalkan" leaves
        r.type(KeyCode.ESCAPE);
        waitUntil(() -> r.lookup(".dialog-pane").tryQuery().isPresent());
        r.type(KeyCode.ENTER);
        waitUntil(() -> r.lookup(".dialog-pane").tryQuery().isEmpty());
        assertThat(r.lookup("#nikField").queryAs(TextField.class).getText()).isEqualTo("3201010101200004");
        waitUntil(() -> r.lookup("#nikField").query().isFocused()); // back where the work is
        r.type(KeyCode.ESCAPE);
        waitUntil(() -> r.lookup(".dialog-pane").tryQuery().isPresent());
        r.clickOn("Tinggalkan");
        waitUntil(() -> r.lookup("#searchField").tryQuery().isPresent());
        r.clickOn("#searchField").write("3201 0105 0115");
        @SuppressWarnings("unchecked")
        TableView<HouseholdSummary> table = r.lookup("#table").queryAs(TableView.class);
        waitUntil(() -> table.getItems().size() == 1);
        HouseholdSummary found = table.getItems().get(0);
        assertThat(found.noKk()).isEqualTo("3201011203260042");
        assertThat(found.kepala()).isEqualTo("BUDI PERCOBAAN");
        assertThat(found.jumlah()).isEqualTo(3);
        assertThat(found.rt()).isEqualTo("004");
        assertThat(app.ctx.households().search(HouseholdSearch.text("3201015203880002"))).hasSize(1);
    }

    /** The KK fields up to the first member's NIK, typed with Enter between them; {@code rw} null when the field is hidden. */
    @Test
    void aKkFoundByAMembersNameOpensOnThatMember(FxRobot r) {
        var family = id.berkasdesa.household.Households.family(4);
        app.ctx.households().save(family, true);
        AppFixture.openRegister(r);
        String wife = family.members().get(1).nama();
        r.write(wife.toLowerCase()); // the search box has the focus
        @SuppressWarnings("unchecked")
        TableView<HouseholdSummary> list = r.lookup("#table").queryAs(TableView.class);
        waitUntil(() -> list.getItems().size() == 1);
        r.type(KeyCode.ENTER); // one result: Enter opens it
        waitUntil(() -> r.lookup("#memberTable").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        TableView<Object> members = r.lookup("#memberTable").queryAs(TableView.class);
        waitUntil(() -> members.getSelectionModel().getSelectedIndex() == 1);
        assertThat(r.lookup("#namaField").queryAs(TextField.class).getText()).isEqualTo(wife);
    }

    @Test
    void markingAMemberDeceasedAsksByNameBeforeTheSave(FxRobot r) {
        var family = id.berkasdesa.household.Households.family(3);
        app.ctx.households().save(family, true);
        AppFixture.openRegister(r);
        @SuppressWarnings("unchecked")
        TableView<HouseholdSummary> list = r.lookup("#table").queryAs(TableView.class);
        waitUntil(() -> !list.getItems().isEmpty());
        AppFixture.openRow(r, list, 0);
        waitUntil(() -> r.lookup("#memberTable").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        TableView<Object> members = r.lookup("#memberTable").queryAs(TableView.class);
        waitUntil(() -> members.getItems().size() == family.members().size());
        String name = family.members().get(1).nama();
        r.interact(() -> members.getSelectionModel().select(1));
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<id.berkasdesa.household.MemberStatus> statusBox =
                r.lookup("#statusBox").queryAs(javafx.scene.control.ComboBox.class);
        r.interact(() -> statusBox.setValue(id.berkasdesa.household.MemberStatus.MENINGGAL));
        r.clickOn("#statusDateField").write("01-11-2026");

        r.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        waitUntil(() -> r.lookup(".dialog-pane").tryQuery().isPresent());
        String asked = r.lookup(".dialog-pane .label").queryAllAs(Label.class).stream().map(Label::getText)
                .reduce("", (x, y) -> x + " " + y) + ((javafx.scene.control.DialogPane) r.lookup(".dialog-pane").query())
                .getContentText();
        assertThat(asked).contains(name, "MENINGGAL");
        Screenshots.take(r, r.lookup(".dialog-pane").query().getScene(), "tandai-meninggal");
        r.type(KeyCode.ESCAPE); // not now: nothing saved
        waitUntil(() -> r.lookup(".dialog-pane").tryQuery().isEmpty());
        assertThat(app.ctx.households().load(family.id()).orElseThrow().members().get(1).status())
                .isEqualTo(id.berkasdesa.household.MemberStatus.AKTIF);

        r.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        waitUntil(() -> r.lookup(".dialog-pane").tryQuery().isPresent());
        r.clickOn("Ya, tandai meninggal");
        Label status = r.lookup("#householdMessage").queryAs(Label.class);
        waitUntil(() -> status.getText().startsWith("Tersimpan"));
        assertThat(app.ctx.households().load(family.id()).orElseThrow().members().get(1).status())
                .isEqualTo(id.berkasdesa.household.MemberStatus.MENINGGAL);
    }

    private static void kk(FxRobot r, String noKk, String rt, String rw) {
        r.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        waitUntil(() -> r.lookup("#noKkField").queryAs(TextField.class).isFocused());
        r.write(noKk);
        next(r);
        r.write("Jl. Raya Senggigi");
        next(r);
        r.write(rt);
        next(r);
        if (rw != null) {
            r.write(rw);
            next(r);
        }
        r.write("Kerandangan");
        next(r);
        next(r); // no postal code
    }

    /**
     * A village without RW: a KK typed with RW "-" saves and is listed with "-", found by the filter
     * "Tanpa RW"; after Berkas → Pengaturan desa → "Desa ini tidak memakai RW" the form has no RW field
     * (Enter goes from RT to dusun) and the next KK is saved without RW too.
     */
    @Test
    void aVillageWithoutRwSavesItsKksAndCanHideTheField(FxRobot r) {
        AppFixture.openRegister(r);
        kk(r, "3201011203260051", "3", "-");
        member(r, "3201011708850051", "Lalu Ahmad", "l", "17-08-1985", "tamat sd", "kawin", null, "Baiq Ibu");
        r.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        Label status = r.lookup("#householdMessage").queryAs(Label.class);
        waitUntil(() -> status.getText().startsWith("Tersimpan"));
        assertThat(app.ctx.households().search(HouseholdSearch.text("3201011203260051"))).singleElement()
                .satisfies(h -> assertThat(h.rw()).isEqualTo("-"));

        r.press(KeyCode.ALT, KeyCode.B).release(KeyCode.B, KeyCode.ALT);
        r.clickOn("Pengaturan desa…");
        waitUntil(() -> r.lookup("#noRwBox").tryQuery().isPresent());
        Screenshots.take(r, r.lookup("#noRwBox").query().getScene(), "pengaturan-desa");
        waitUntil(() -> r.lookup("#noRwBox").query().isFocused()); // the dialog opens on its one choice
        r.type(KeyCode.SPACE);
        waitUntil(() -> r.lookup("#noRwBox").queryAs(javafx.scene.control.CheckBox.class).isSelected());
        r.type(KeyCode.ENTER); // Simpan, the default button
        waitUntil(() -> r.lookup("#noRwBox").tryQuery().isEmpty());
        waitUntil(() -> !app.ctx.villages().usesRw());

        r.type(KeyCode.ESCAPE); // the saved KK: back to the list
        waitUntil(() -> r.lookup("#searchField").tryQuery().isPresent());
        kk(r, "3201011203260052", "3", null);
        assertThat(r.lookup("#rwField").query().isVisible()).isFalse();
        member(r, "3201011708860052", "Lalu Budi", "l", "17-08-1986", "tamat sd", "kawin", null, "Baiq Ibu");
        r.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        Label again = r.lookup("#householdMessage").queryAs(Label.class);
        waitUntil(() -> again.getText().startsWith("Tersimpan"));
        assertThat(app.ctx.households().search(HouseholdSearch.text("3201011203260052"))).singleElement()
                .satisfies(h -> assertThat(h.rw()).isEqualTo("-"));
        Screenshots.take(r, r.lookup("#noKkField").query().getScene(), "kk-tanpa-rw");

        r.type(KeyCode.ESCAPE);
        waitUntil(() -> r.lookup("#rwBox").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<String> rwBox = r.lookup("#rwBox").queryAs(javafx.scene.control.ComboBox.class);
        waitUntil(() -> rwBox.getItems().contains("-"));
        r.interact(() -> rwBox.setValue("-"));
        assertThat(rwBox.getConverter().toString(rwBox.getValue())).isEqualTo("Tanpa RW");
        @SuppressWarnings("unchecked")
        TableView<HouseholdSummary> table = r.lookup("#table").queryAs(TableView.class);
        waitUntil(() -> table.getItems().size() == 2);
    }
}
