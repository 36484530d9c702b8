package id.berkasdesa.imports;

import static id.berkasdesa.imports.ImportStore.family;
import static id.berkasdesa.imports.ImportStore.kk;
import static id.berkasdesa.imports.ImportStore.person;
import static id.berkasdesa.imports.ImportStore.withHeader;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.berkasdesa.common.Messages;
import id.berkasdesa.household.Household;
import id.berkasdesa.household.Households;
import id.berkasdesa.household.Member;
import id.berkasdesa.household.MemberStatus;
import id.berkasdesa.adminduk.Sex;
import id.berkasdesa.imports.PopulationPlan.Confirm;
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

/** Population files into a real store: the preview, the rules, what waits for confirmation, idempotence. */
class PopulationImportTest {

    @TempDir
    Path dir;
    ImportStore store;
    final Messages messages = Messages.indonesian();

    @BeforeEach
    void open() {
        store = new ImportStore(dir.resolve("data"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private List<List<Object>> families(int from, int to) {
        List<List<Object>> rows = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            rows.addAll(family(i));
        }
        return rows;
    }

    private ImportService.Preview preview(Path file) {
        return store.imports().preview(file, Optional.empty(), Optional.empty(), p -> { });
    }

    private List<String> lines(ImportService.Preview p) {
        return p.problems().stream().map(x -> x.line(messages)).toList();
    }

    @Test
    void theOpenSidFileIsPreviewedWithoutWritingThenImportedInOneUnitAndAgainChangesNothing() throws Exception {
        Path file = Sheets.xlsx(dir.resolve("penduduk.xlsx"), "Data Penduduk", withHeader(families(1, 5)));
        long head = store.auditHead();

        ImportService.Preview p = preview(file);

        assertThat(p.format()).isEqualTo(PopulationFile.Format.OPENSID);
        assertThat(p.plan().households()).isEqualTo(new PopulationPlan.Counts(5, 0, 0));
        assertThat(p.plan().members()).isEqualTo(new PopulationPlan.Counts(15, 0, 0));
        assertThat(p.plan().errors()).isZero();
        assertThat(p.read().ignored()).containsExactly("golongan_darah_id");
        assertThat(store.register()).isEmpty();
        assertThat(store.auditHead()).as("a preview writes nothing").isEqualTo(head);

        store.imports().apply(p, Set.of(), x -> { });

        assertThat(store.register()).hasSize(5);
        Household one = store.register().get(kk(1));
        assertThat(one.members()).extracting(Member::nama).containsExactly("BUDI 1", "SITI 1", "ANAK 1");
        assertThat(one.rt()).isEqualTo("001");
        assertThat(one.dusun()).isEqualTo("KRAJAN");
        assertThat(one.members().get(0).pendidikan()).as("SLTA / SEDERAJAT read as its code").isEqualTo(5);
        assertThat(store.auditHead()).as("one unit of work").isEqualTo(head + 1);

        ImportService.Preview again = preview(file);
        assertThat(again.plan().households()).isEqualTo(new PopulationPlan.Counts(0, 0, 5));
        assertThat(again.plan().members()).isEqualTo(new PopulationPlan.Counts(0, 0, 15));
        assertThat(again.plan().nothingToWrite()).isTrue();
        store.imports().apply(again, Set.of(), x -> { });
        assertThat(store.auditHead()).as("the same file again writes nothing").isEqualTo(head + 1);
    }

    @Test
    void anExistingPersonIsUpdatedFieldByFieldAndThePreviewShowsOldAndNew() throws Exception {
        store.imports().apply(preview(Sheets.xlsx(dir.resolve("a.xlsx"), "Data Penduduk", withHeader(family(1)))), Set.of(), x -> { });
        List<List<Object>> rows = family(1);
        rows.get(1).set(0, "SITI AMINAH 1");
        // a file without the pekerjaan column keeps what the register holds
        List<List<Object>> all = withHeader(rows);
        Path file = Sheets.xlsx(dir.resolve("b.xlsx"), "Data Penduduk", all);

        ImportService.Preview p = preview(file);

        assertThat(p.plan().households()).isEqualTo(new PopulationPlan.Counts(0, 1, 0));
        assertThat(p.plan().members()).isEqualTo(new PopulationPlan.Counts(0, 1, 2));
        assertThat(p.plan().changes()).singleElement().satisfies(c -> {
            assertThat(c.where()).isEqualTo("Data Penduduk!3");
            assertThat(c.column()).isEqualTo("nama");
            assertThat(c.before()).isEqualTo("SITI 1");
            assertThat(c.after()).isEqualTo("SITI AMINAH 1");
        });
        store.imports().apply(p, Set.of(), x -> { });
        assertThat(store.register().get(kk(1)).members().get(1).nama()).isEqualTo("SITI AMINAH 1");
    }

    @Test
    void aNikMovingToAnotherKkAndADeathWaitForTheirOwnConfirmation() throws Exception {
        List<List<Object>> first = families(1, 2);
        store.imports().apply(preview(Sheets.xlsx(dir.resolve("a.xlsx"), "Data Penduduk", withHeader(first))), Set.of(), x -> { });
        String childNik = store.register().get(kk(1)).members().get(2).nik();
        List<List<Object>> rows = families(1, 2);
        // the child of KK 1 now heads KK 3 (pecah KK); the child of KK 2 has died
        rows.remove(2);
        List<Object> moved = new ArrayList<>(family(1).get(2));
        moved.set(1, kk(3));
        moved.set(10, "1");
        rows.add(moved);
        rows.get(4).set(19, "2");
        Path file = Sheets.xlsx(dir.resolve("b.xlsx"), "Data Penduduk", withHeader(rows));

        ImportService.Preview p = preview(file);

        assertThat(p.plan().pending()).containsEntry(Confirm.MOVES, 1).containsEntry(Confirm.STATUS, 1);
        assertThat(lines(p)).anySatisfy(l -> assertThat(l).contains("terdaftar di KK " + kk(1)).contains("pindah"));
        assertThat(lines(p)).anySatisfy(l -> assertThat(l).startsWith("Data Penduduk!6 status_dasar: ").contains("meninggal"));
        store.imports().apply(p, Set.of(), x -> { });
        assertThat(store.register().get(kk(1)).members().get(2).status()).as("not moved without confirmation")
                .isEqualTo(MemberStatus.AKTIF);
        assertThat(store.register().get(kk(2)).members().get(2).status()).isEqualTo(MemberStatus.AKTIF);
        assertThat(store.register()).doesNotContainKey(kk(3));

        store.imports().apply(preview(file), Set.of(Confirm.MOVES, Confirm.STATUS), x -> { });

        Member old = store.register().get(kk(1)).members().get(2);
        assertThat(old.status()).isEqualTo(MemberStatus.PINDAH);
        assertThat(old.statusDate()).isEqualTo(ImportStore.TODAY);
        assertThat(store.register().get(kk(3)).members()).singleElement().satisfies(m -> {
            assertThat(m.nik()).isEqualTo(childNik);
            assertThat(m.isHead()).isTrue();
        });
        assertThat(store.register().get(kk(2)).members().get(2).status()).isEqualTo(MemberStatus.MENINGGAL);
    }

    @Test
    void excelsDamageToNikIsRefusedPerRowWithTheWayToFixItAndDatesAreReadBothWays() throws Exception {
        List<List<Object>> rows = family(1);
        // the NIK typed into a number cell: Excel kept 15 digits, the 16th became 0
        rows.get(1).set(2, 3201014203820010L);
        // the child's birth date as Excel's day count (1 Jan 2005 = 38353)
        rows.get(2).set(5, 38353);
        rows.get(2).set(2, Households.nik(LocalDate.of(2005, 1, 1), Sex.L, 1001));
        Path file = Sheets.xlsx(dir.resolve("excel.xlsx"), "Data Penduduk", withHeader(rows));

        ImportService.Preview p = preview(file);

        assertThat(lines(p)).anySatisfy(l -> assertThat(l).startsWith("Data Penduduk!3 nik: ")
                .contains("3201014203820010").contains("Simpan kolom NIK sebagai teks"));
        assertThat(p.plan().members()).isEqualTo(new PopulationPlan.Counts(2, 0, 0));
        store.imports().apply(p, Set.of(), x -> { });
        assertThat(store.register().get(kk(1)).members()).extracting(Member::tanggalLahir)
                .contains(LocalDate.of(2005, 1, 1));

        Path csv = Sheets.csv(dir.resolve("excel.csv"), ";", List.of(Sheets.row("nik", "nama", "no_kk"),
                Sheets.row("3.20101E+15", "X", kk(9))));
        assertThat(lines(preview(csv))).anySatisfy(l -> assertThat(l).startsWith("CSV!2 nik: ").contains("3.20101E+15"));
    }

    @Test
    void theKkRulesRefuseWhatTheFormWouldAndListEachRow() throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        List<List<Object>> twoHeads = family(1);
        twoHeads.get(1).set(10, "1");
        rows.addAll(twoHeads);
        List<List<Object>> bad = family(2);
        bad.get(1).set(2, "320101420382001");          // 15 digits
        bad.get(2).set(2, "32010101012010011");        // 17 digits
        rows.addAll(bad);
        List<List<Object>> dates = family(3);
        dates.get(2).set(5, "31-02-2010");             // no such day
        dates.get(1).set(8, "ASTRONOT");               // no such pekerjaan
        rows.addAll(dates);
        List<List<Object>> twice = family(4);
        List<Object> copy = new ArrayList<>(twice.get(2));
        copy.set(1, kk(5));
        copy.set(10, "1");
        rows.addAll(twice);
        rows.add(copy);                                 // the same NIK again, in another KK
        Path file = Sheets.xlsx(dir.resolve("rules.xlsx"), "Data Penduduk", withHeader(rows));

        ImportService.Preview p = preview(file);
        List<String> lines = lines(p);

        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("Data Penduduk!2 kk_level: ").contains("2 Kepala Keluarga"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("Data Penduduk!3").contains("KK " + kk(1)));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("Data Penduduk!6 nik: ").contains("15"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("Data Penduduk!7 nik: ").contains("17"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("Data Penduduk!10 tanggallahir: ").contains("31-02-2010"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("Data Penduduk!9 pekerjaan_id: ").contains("ASTRONOT"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("Data Penduduk!13 nik: ").contains("baris 14"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("Data Penduduk!14 nik: ").contains("baris 13"));

        store.imports().apply(p, Set.of(), x -> { });
        var register = store.register();
        assertThat(register).doesNotContainKey(kk(1)).doesNotContainKey(kk(5));
        assertThat(register.get(kk(2)).members()).extracting(Member::nama).containsExactly("BUDI 2");
        assertThat(register.get(kk(3)).members()).extracting(Member::nama).containsExactly("BUDI 3");
        assertThat(register.get(kk(4)).members()).extracting(Member::nama).containsExactly("BUDI 4", "SITI 4");
    }

    @Test
    void aNikHeldByAnotherKkInTheStoreIsListedNotTaken() throws Exception {
        store.imports().apply(preview(Sheets.xlsx(dir.resolve("a.xlsx"), "Data Penduduk", withHeader(family(1)))), Set.of(), x -> { });
        List<Object> stranger = new ArrayList<>(family(1).get(1));
        stranger.set(1, kk(7));
        stranger.set(10, "1");
        ImportService.Preview p = preview(Sheets.xlsx(dir.resolve("b.xlsx"), "Data Penduduk", withHeader(List.of(stranger))));
        assertThat(p.plan().pending()).containsEntry(Confirm.MOVES, 1);
        assertThat(p.plan().households().created()).isZero();
    }

    @Test
    void aKkOfAnotherVillageIsImportedOnlyAfterConfirmation() throws Exception {
        List<List<Object>> rows = family(1);
        for (List<Object> r : rows) {
            r.set(1, "3271011203000001");              // a KK issued in Kota Bogor
        }
        Path file = Sheets.xlsx(dir.resolve("lain.xlsx"), "Data Penduduk", withHeader(rows));
        ImportService.Preview p = preview(file);
        assertThat(p.plan().pending()).containsEntry(Confirm.OTHER_VILLAGE, 1);
        assertThat(lines(p)).anySatisfy(l -> assertThat(l).contains("desa lain"));
        store.imports().apply(p, Set.of(), x -> { });
        assertThat(store.register()).isEmpty();
        store.imports().apply(p, Set.of(Confirm.OTHER_VILLAGE), x -> { });
        assertThat(store.register()).containsKey("3271011203000001");
    }

    @Test
    void aSiakExportIsReadByPositionAlsoWhenItsXlsIsNamedXlsx() throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(Sheets.row("Nomor KK", "NIK", "Nama", "Status", "Tempat Lahir", "Tanggal Lahir", "Kelamin", "NIK Ayah",
                "Ayah", "NIK Ibu", "Ibu", "Status Kawin", "SHDK", "Agama", "Kecamatan", "Desa/Kel", "Alamat", "RW", "RT",
                "Pendidikan", "Pekerjaan", "Deskripsi Pekerjaan", "Gol. Darah"));
        LocalDate b = LocalDate.of(1975, 5, 17);
        rows.add(Sheets.row(kk(11), Households.nik(b, Sex.L, 2001), "AHMAD SIAK", "Hidup", "BOGOR", "17-05-1975", "Laki-Laki",
                "", "AYAH", "", "IBU AHMAD", "KAWIN", "KEPALA KELUARGA", "ISLAM", "CIBINONG", "PONDOK RAJEG",
                "KP. KRAJAN DSN SUKAMAJU RT 001 RW 003", "003", "001", "TAMAT SD / SEDERAJAT", "PETANI/PEKEBUN", "", "O"));
        rows.add(Sheets.row(kk(11), Households.nik(b.plusYears(3), Sex.P, 2001), "AMINAH SIAK", "Hidup", "BOGOR", "01-02-1978",
                "Perempuan", "", "AYAH", "", "IBU AMINAH", "KAWIN", "ISTRI", "ISLAM", "CIBINONG", "PONDOK RAJEG",
                "KP. KRAJAN DSN SUKAMAJU RT 001 RW 003", "003", "001", "SLTP/SEDERAJAT", "MENGURUS RUMAH TANGGA", "", "A"));
        rows.get(2).set(1, Households.nik(LocalDate.of(1978, 2, 1), Sex.P, 2001));
        Path xls = Sheets.xls(dir.resolve("siak.xlsx"), "Sheet1", rows);

        ImportService.Preview p = preview(xls);

        assertThat(p.format()).isEqualTo(PopulationFile.Format.SIAK);
        assertThat(lines(p)).isEmpty();
        assertThat(p.read().ignored()).contains("Kecamatan", "Deskripsi Pekerjaan", "Gol. Darah");
        store.imports().apply(p, Set.of(), x -> { });
        Household h = store.register().get(kk(11));
        assertThat(h.dusun()).isEqualTo("SUKAMAJU");
        assertThat(h.rw()).isEqualTo("003");
        assertThat(h.members().get(0).pendidikan()).isEqualTo(3);
        assertThat(h.members().get(0).pekerjaan()).isEqualTo(9);
        assertThat(h.members().get(1).shdk()).isEqualTo(3);
        assertThat(h.members().get(0).kewarganegaraan()).as("SIAK has no WN column: WNI").isEqualTo(1);
    }

    @Test
    void titleRowsAboveTheHeaderFormulasAndMacrosAreHandled() throws Exception {
        LocalDate b = LocalDate.of(1980, 3, 3);
        String nik = Households.nik(b, Sex.L, 3001);
        // a merged title, a blank row, then the header; the name is a formula whose value Excel cached
        String xml = "<row r=\"1\">" + Sheets.text("A1", "DATA PENDUDUK DESA PONDOK RAJEG") + "</row>"
                + "<row r=\"3\">" + Sheets.text("A3", "nik") + Sheets.text("B3", "nama") + Sheets.text("C3", "no_kk")
                + Sheets.text("D3", "kk_level") + Sheets.text("E3", "sex") + Sheets.text("F3", "tanggallahir")
                + Sheets.text("G3", "tempatlahir") + Sheets.text("H3", "agama_id") + Sheets.text("I3", "pendidikan_kk_id")
                + Sheets.text("J3", "pekerjaan_id") + Sheets.text("K3", "status_kawin") + Sheets.text("L3", "nama_ibu")
                + Sheets.text("M3", "alamat") + Sheets.text("N3", "rt") + Sheets.text("O3", "rw") + "</row>"
                + "<row r=\"4\">" + Sheets.text("A4", nik) + "<c r=\"B4\" t=\"str\"><f>UPPER(\"budi rumus\")</f><v>BUDI RUMUS</v></c>"
                + Sheets.text("C4", kk(21)) + "<c r=\"D4\"><v>1</v></c>" + Sheets.text("E4", "LK")
                + "<c r=\"F4\"><f>DATE(1980,3,3)</f><v>29283</v></c>" + Sheets.text("G4", "BOGOR")
                + Sheets.text("H4", "Islam") + Sheets.text("I4", "5") + Sheets.text("J4", "9") + Sheets.text("K4", "K")
                + Sheets.text("L4", "IBU") + Sheets.text("M4", "JL. RUMUS") + Sheets.text("N4", "1") + Sheets.text("O4", "1")
                + "</row>";
        Path xlsm = Sheets.rawXlsx(dir.resolve("makro.xlsm"), xml, true);

        ImportService.Preview p = preview(xlsm);

        assertThat(lines(p)).isEmpty();
        store.imports().apply(p, Set.of(), x -> { });
        Member m = store.register().get(kk(21)).members().get(0);
        assertThat(m.nama()).isEqualTo("BUDI RUMUS");
        assertThat(m.tanggalLahir()).isEqualTo(b);
        assertThat(m.statusPerkawinan()).isEqualTo(2);
    }

    @Test
    void whatIsNoSpreadsheetAtAllIsRefusedWholeAndNothingIsWritten() throws Exception {
        Path pdf = Files.write(dir.resolve("surat.xlsx"), "%PDF-1.4\n\u0000\u0001binary".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> preview(pdf)).isInstanceOf(ImportException.class)
                .satisfies(e -> assertThat(((ImportException) e).message(messages)).contains("bukan lembar kerja"));
        Path noHeader = Sheets.xlsx(dir.resolve("acak.xlsx"), "Sheet1", List.of(Sheets.row("a", "b"), Sheets.row("1", "2")));
        assertThatThrownBy(() -> preview(noHeader)).isInstanceOf(ImportException.class)
                .satisfies(e -> assertThat(((ImportException) e).key()).isEqualTo("import.error.header"));
        Path empty = Files.write(dir.resolve("kosong.csv"), new byte[0]);
        assertThatThrownBy(() -> preview(empty)).isInstanceOf(ImportException.class);
        assertThat(store.register()).isEmpty();
    }

    @Test
    void aPasswordProtectedWorkbookIsRecognisedAndRefusedWithTheWayOut() throws Exception {
        // what Excel writes for "Encrypt with password": an OLE2 container with EncryptionInfo and EncryptedPackage
        Path file = dir.resolve("terkunci.xlsx");
        try (var fs = new org.apache.poi.poifs.filesystem.POIFSFileSystem(); var out = Files.newOutputStream(file)) {
            fs.createDocument(new java.io.ByteArrayInputStream(new byte[64]), "EncryptionInfo");
            fs.createDocument(new java.io.ByteArrayInputStream(new byte[4096]), "EncryptedPackage");
            fs.writeFilesystem(out);
        }
        assertThatThrownBy(() -> preview(file)).isInstanceOf(ImportException.class)
                .satisfies(e -> assertThat(((ImportException) e).message(messages)).contains("dilindungi kata sandi"));
    }

    @Test
    void aZipBombAndAMillionRowsStopEarlyWithBoundedMemory() throws Exception {
        // 1.1 GB of one repeated byte packs into about a megabyte
        Path bomb = dir.resolve("bom.xlsx");
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(bomb))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("xl/workbook.xml"));
            zip.write("<workbook/>".getBytes());
            zip.closeEntry();
            zip.putNextEntry(new java.util.zip.ZipEntry("xl/sharedStrings.xml"));
            byte[] block = new byte[1 << 20];
            java.util.Arrays.fill(block, (byte) ' ');
            for (int i = 0; i < 1100; i++) {
                zip.write(block);
            }
            zip.closeEntry();
        }
        assertThat(Files.size(bomb)).isLessThan(5L << 20);
        assertThatThrownBy(() -> preview(bomb)).isInstanceOf(ImportException.class)
                .satisfies(e -> assertThat(((ImportException) e).key()).isEqualTo("import.error.bomb"));

        Path many = dir.resolve("sejuta.csv");
        try (var w = Files.newBufferedWriter(many)) {
            w.write("nik,nama,no_kk\r\n");
            for (int i = 0; i < 1_000_000; i++) {
                w.write("0,X,1\r\n");
            }
        }
        assertThatThrownBy(() -> preview(many)).isInstanceOf(ImportException.class)
                .satisfies(e -> assertThat(((ImportException) e).message(messages)).contains("250.000"));
        assertThat(store.register()).isEmpty();
    }

    /**
     * A newborn's row as OpenSID accepts it: NIK 0, no education, occupation or marital status. It is
     * imported with the KK form's values for a young child and a warning; an adult's empty occupation
     * is still refused.
     */
    @Test
    void aNewbornWithNikZeroAndEmptyCodesIsImportedWithAChildsDefaults() throws Exception {
        List<List<Object>> rows = new ArrayList<>(family(1));
        List<Object> baby = new ArrayList<>(person(1, "BAYI 1", Sex.P, ImportStore.TODAY.minusMonths(3), 4, 1001));
        baby.set(2, "0");
        baby.set(7, "");
        baby.set(8, "");
        baby.set(9, "");
        rows.add(baby);
        List<Object> adult = new ArrayList<>(person(2, "DEWASA 2", Sex.L, LocalDate.of(1980, 5, 5), 1, 1002));
        adult.set(8, "");
        rows.add(adult);
        Path file = Sheets.xlsx(dir.resolve("bayi.xlsx"), "Data Penduduk", withHeader(rows));
        ImportService.Preview p = preview(file);
        assertThat(p.problems()).filteredOn(x -> x.finding().key().equals("import.row.childDefaults")).singleElement()
                .satisfies(x -> assertThat(x.row()).isEqualTo(5));
        assertThat(p.problems()).filteredOn(Problem::isError).singleElement()
                .satisfies(x -> assertThat(x.row()).isEqualTo(6)); // the adult's occupation
        store.imports().apply(p, Set.of(), x -> { });
        Member bayi = store.register().get(kk(1)).members().stream().filter(m -> m.nama().equals("BAYI 1")).findFirst()
                .orElseThrow();
        assertThat(bayi.tanpaNik()).isTrue();
        assertThat(List.of(bayi.pendidikan(), bayi.pekerjaan(), bayi.statusPerkawinan())).containsExactly(1, 1, 1);
    }

    @Test
    void theExportedRegisterImportedIntoAnEmptyStoreGivesTheSameRegister() throws Exception {
        for (int i = 1; i <= 4; i++) {
            store.wiring.households().save(Households.family(i), true);
        }
        var before = store.register();
        Path xlsx = dir.resolve("ekspor.xlsx");
        Path csv = dir.resolve("ekspor.csv");
        assertThat(store.imports().exportRegister(xlsx, p -> { })).isEqualTo(12);
        store.imports().exportRegister(csv, p -> { });
        for (Path file : List.of(xlsx, csv)) {
            try (ImportStore other = new ImportStore(dir.resolve("lain-" + file.getFileName()))) {
                var p = other.imports().preview(file, Optional.empty(), Optional.empty(), x -> { });
                assertThat(p.problems()).isEmpty();
                other.imports().apply(p, Set.of(), x -> { });
                var after = other.register();
                assertThat(after.keySet()).isEqualTo(before.keySet());
                for (String kk : before.keySet()) {
                    Household a = before.get(kk);
                    Household b = after.get(kk);
                    assertThat(List.of(b.alamat(), b.rt(), b.rw(), String.valueOf(b.dusun())))
                            .isEqualTo(List.of(a.alamat(), a.rt(), a.rw(), String.valueOf(a.dusun())));
                    assertThat(b.members()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("id")
                            .isEqualTo(a.members());
                }
            }
        }
    }
}
