package id.berkasdesa.pbi;

import static id.berkasdesa.imports.ImportStore.family;
import static id.berkasdesa.imports.ImportStore.withHeader;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.berkasdesa.common.Messages;
import id.berkasdesa.household.Household;
import id.berkasdesa.imports.ImportException;
import id.berkasdesa.imports.ImportStore;
import id.berkasdesa.imports.Sheets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Dinas Sosial's list of deactivated PBI-JK against a real register, and the Calon usulan it gives. */
class PbiListTest {

    @TempDir
    Path dir;
    ImportStore store;
    PbiService pbi;
    final Messages messages = Messages.indonesian();
    List<Household> families = new ArrayList<>();

    @BeforeEach
    void open() throws Exception {
        store = new ImportStore(dir.resolve("data"));
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            rows.addAll(family(i));
        }
        var p = store.imports().preview(Sheets.xlsx(dir.resolve("p.xlsx"), "Data Penduduk", withHeader(rows)),
                Optional.empty(), Optional.empty(), x -> { });
        store.imports().apply(p, Set.of(), x -> { });
        for (int i = 1; i <= 3; i++) {
            families.add(store.register().get(ImportStore.kk(i)));
        }
        pbi = store.wiring.pbi();
    }

    @AfterEach
    void close() {
        store.close();
    }

    private String nik(int family, int member) {
        return families.get(family).members().get(member).nik();
    }

    /** A BNBA as a kabupaten might send it: two title rows, its own headers, dates as text. */
    private Path list(String dateHeader, List<List<Object>> rows) throws Exception {
        List<List<Object>> all = new ArrayList<>();
        all.add(Sheets.row("DAFTAR PESERTA PBI-JK NONAKTIF"));
        all.add(Sheets.row("KABUPATEN BOGOR"));
        all.add(dateHeader == null ? Sheets.row("NO", "NOMOR NIK", "NAMA LENGKAP", "NOMOR KK")
                : Sheets.row("NO", "NOMOR NIK", "NAMA LENGKAP", "NOMOR KK", dateHeader));
        all.addAll(rows);
        return Sheets.xlsx(dir.resolve("bnba-" + System.nanoTime() + ".xlsx"), "BNBA", all);
    }

    @Test
    void matchedMembersAreMarkedWithTheirDateUnmatchedNiksAreListedAndTheSameListAgainChangesNothing() throws Exception {
        Path file = list("TGL PENONAKTIFAN", List.of(
                Sheets.row(1, nik(0, 0), "BUDI 1", ImportStore.kk(1), "01-10-2026"),
                Sheets.row(2, nik(1, 1), "SITI BERBEDA", ImportStore.kk(2), "15-09-2026"),
                Sheets.row(3, "3201010101900001", "ORANG LAIN", "", "01-10-2026"),
                Sheets.row(4, "3.20101E+15", "RUSAK", "", "01-10-2026")));

        PbiService.Preview p = pbi.preview(file, Optional.empty(), PbiList.Columns.NONE, null);

        assertThat(p.columns()).isEqualTo(new PbiList.Columns("NOMOR NIK", "NAMA LENGKAP", "NOMOR KK", "TGL PENONAKTIFAN"));
        assertThat(p.rows()).isEqualTo(4);
        assertThat(p.matched()).extracting(PbiService.Matched::nik).containsExactly(nik(0, 0), nik(1, 1));
        assertThat(p.unmatched()).extracting(PbiService.Unmatched::nik).containsExactly("3201010101900001");
        List<String> lines = p.problems().stream().map(x -> x.line(messages)).toList();
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("BNBA!7 NOMOR NIK: ").contains("Simpan kolom NIK sebagai teks"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("BNBA!5 NAMA LENGKAP: ").contains("SITI 2"));
        long head = store.auditHead();

        assertThat(pbi.apply(p).marked()).isEqualTo(2);
        assertThat(pbi.deletedOn(families.get(0).members().get(0).id())).contains(LocalDate.of(2026, 10, 1));

        long after = store.auditHead();
        assertThat(pbi.apply(pbi.preview(file, Optional.empty(), PbiList.Columns.NONE, null)).marked()).isZero();
        assertThat(store.auditHead()).as("the same list again writes nothing").isEqualTo(after);
        assertThat(after).isGreaterThan(head);

        Path unmatched = dir.resolve("tidak-cocok.csv");
        PbiService.exportUnmatched(p.unmatched(), unmatched);
        assertThat(Files.readString(unmatched)).contains("3201010101900001", "ORANG LAIN");
    }

    @Test
    void aListWithoutDatesNeedsOneDateForTheWholeListAndTheChosenColumnsAreRememberedForTheNext() throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(Sheets.row("ID DTKS", "NIK ART", "NAMA ART", "KET"));
        rows.add(Sheets.row("A1", nik(2, 0), "BUDI 3", "NONAKTIF"));
        Path file = Sheets.csv(dir.resolve("dtks.csv"), ";", rows);

        PbiService.Preview p = pbi.preview(file, Optional.empty(), PbiList.Columns.NONE, null);
        assertThat(p.needsDate()).isTrue();
        assertThatThrownBy(() -> pbi.apply(p)).isInstanceOf(ImportException.class)
                .satisfies(e -> assertThat(((ImportException) e).message(messages)).contains("tanggal nonaktif untuk seluruh daftar"));

        PbiService.Preview dated = pbi.preview(file, Optional.empty(), new PbiList.Columns(null, "NAMA ART", null, null),
                LocalDate.of(2026, 8, 1));
        assertThat(pbi.apply(dated).marked()).isEqualTo(1);
        assertThat(pbi.remembered().nama()).isEqualTo("NAMA ART");
        assertThat(pbi.remembered().nik()).isEqualTo("NIK ART");
    }

    @Test
    void aListWhoseNikColumnHasNoKnownNameIsRefusedWithTheColumnsToChooseFrom() throws Exception {
        Path file = Sheets.csv(dir.resolve("aneh.csv"), ",", List.of(Sheets.row("NOMOR", "NAMA"), Sheets.row(nik(0, 0), "X")));
        assertThatThrownBy(() -> pbi.preview(file, Optional.empty(), PbiList.Columns.NONE, LocalDate.of(2026, 9, 1)))
                .isInstanceOf(ImportException.class)
                .satisfies(e -> assertThat(((ImportException) e).message(messages)).contains("NOMOR, NAMA"));
        PbiService.Preview chosen = pbi.preview(file, Optional.empty(), new PbiList.Columns("NOMOR", null, null, null),
                LocalDate.of(2026, 9, 1));
        assertThat(chosen.matched()).hasSize(1);
    }

    @Test
    void calonUsulanListsWhoCanStillBeReactivatedUrgentLookingFirstThenByDaysLeft() throws Exception {
        Path file = list("TANGGAL NONAKTIF", List.of(
                Sheets.row(1, nik(0, 0), "BUDI 1", "", "01-10-2026"),   // 6 months end 1 Apr 2027
                Sheets.row(2, nik(1, 0), "BUDI 2", "", "01-07-2026"),   // ends 1 Jan 2027: fewer days left
                Sheets.row(3, nik(2, 0), "BUDI 3", "", "01-03-2026"))); // ended 1 Sep 2026: too late
        pbi.apply(pbi.preview(file, Optional.empty(), PbiList.Columns.NONE, null));

        PbiService.Candidates c = pbi.candidates();

        assertThat(c.list()).extracting(PbiService.Candidate::nama).containsExactly("BUDI 2", "BUDI 1");
        assertThat(c.list().get(0).daysLeft()).isEqualTo(39);
        assertThat(c.list().get(0).deadline()).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(c.expired()).isEqualTo(1);
        assertThat(c.list()).extracting(PbiService.Candidate::soon).containsExactly(false, false);
    }

    @Test
    void aCandidateWithFewerDaysLeftThanTheAmberSettingIsMarkedSoon() throws Exception {
        Path file = list("TANGGAL NONAKTIF", List.of(
                Sheets.row(1, nik(0, 0), "BUDI 1", "", "01-06-2026"),   // ends 1 Dec 2026: 8 days left (setting: 30)
                Sheets.row(2, nik(1, 0), "BUDI 2", "", "01-07-2026"))); // ends 1 Jan 2027: 39 days left
        pbi.apply(pbi.preview(file, Optional.empty(), PbiList.Columns.NONE, null));
        PbiService.Candidates c = pbi.candidates();
        assertThat(c.list()).extracting(PbiService.Candidate::nama).containsExactly("BUDI 1", "BUDI 2");
        assertThat(c.list()).extracting(PbiService.Candidate::soon).containsExactly(true, false);
    }
}
