package id.berkasdesa.bundle;

import id.berkasdesa.exchange.District;

import id.berkasdesa.exchange.BundleException;
import id.berkasdesa.exchange.Progress;
import id.berkasdesa.exchange.SafeName;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.berkasdesa.request.RequestEvent;
import id.berkasdesa.request.RequestService;
import id.berkasdesa.request.RequestStatus;
import id.berkasdesa.village.VillageProfile;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Export to a "stick" (a real folder): the zip, its content, what gets recorded, and what a failing stick leaves. */
class BundleExportTest {

    @TempDir
    Path dir;
    @TempDir
    Path scratch;
    @TempDir
    Path stick;
    BundleStore store;

    @BeforeEach
    void open() {
        store = new BundleStore(dir, scratch, 3);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void theReadyRequestsBecomeOneVerifiedBagOnTheStickAndAreThenSent() throws Exception {
        assertThat(store.bundles.ready()).containsExactlyInAnyOrderElementsOf(store.ready);

        BundleService.Exported e = store.bundles.export(store.bundles.ready(), stick, Progress.none());

        assertThat(e.file().getFileName().toString()).isEqualTo("3201011001_20261123-1030.zip");
        try (Stream<Path> files = Files.list(stick)) {
            assertThat(files).containsExactly(e.file()); // no temporary file left
        }
        assertThat(e.requests()).isEqualTo(3);
        assertThat(e.documents()).isEqualTo(12);
        District.Verified v = District.verify(e.file(), Progress.none());
        assertThat(v.requests()).isEqualTo(3);
        assertThat(v.documents()).isEqualTo(12);
        assertThat(v.kodeDesa()).isEqualTo("32.01.01.1001");

        String base = "3201011001_20261123-1030/";
        try (ZipFile zip = new ZipFile(e.file().toFile())) {
            List<String> names = Collections.list(zip.entries()).stream().map(ZipEntry::getName).toList();
            assertThat(names).allSatisfy(n -> assertThat(n).startsWith(base))
                    .allSatisfy(n -> assertThat(SafeName.safe(n)).as(n).isTrue());
            assertThat(names.stream().map(n -> n.toLowerCase()).distinct()).hasSameSizeAs(names);
            assertThat(names).contains(base + "bagit.txt", base + "bag-info.txt", base + "manifest-sha512.txt",
                    base + "tagmanifest-sha512.txt", base + "data/usulan.xlsx", base + "data/usulan.csv",
                    base + "data/keluarga.csv", base + "data/anggota.csv", base + "data/surat-pengantar.pdf",
                    base + "data/paket.json", base + "data/BACA-SAYA.txt");
            String nik = store.households.load(store.requests.find(store.ready.get(0)).orElseThrow().householdId())
                    .orElseThrow().members().get(0).nik();
            assertThat(names).contains(base + "data/dokumen/" + nik + "/ktp.jpg", base + "data/dokumen/" + nik + "/kk.jpg",
                    base + "data/dokumen/" + nik + "/sktm.jpg", base + "data/dokumen/" + nik + "/faskes.jpg");
            String info = text(zip, base + "bag-info.txt");
            assertThat(info).contains("Source-Organization: Kantor Desa Pondok Rajeg", "Contact-Name: Rina Operator",
                    "External-Identifier: " + e.id(), "Bagging-Date: 2026-11-23", "Kode-Desa: 32.01.01.1001",
                    "Jumlah-Usulan: 3", "Payload-Oxum: " + e.payloadBytes() + "." + (12 + 7));
            assertThat(info).doesNotContain("Data-Contoh");
            // the trail's head as it was when the bundle was made: the bundle's own entry comes right after it
            id.berkasdesa.audit.AuditEntry exported = store.wiring.audit().head().orElseThrow();
            assertThat(exported.action()).isEqualTo("bundle.export");
            assertThat(info).contains("Audit-Head: " + (exported.seq() - 1) + " " + exported.prev());
            String csv = text(zip, base + "data/usulan.csv");
            assertThat(csv.lines()).hasSize(4);
            assertThat(csv.lines().findFirst().orElseThrow()).startsWith("\uFEFFID Usulan,Paket,Kirim Ulang,Kode Desa")
                    .endsWith("Keputusan,Alasan");
            // urgent first
            assertThat(csv.lines().skip(1).findFirst().orElseThrow()).startsWith(store.ready.get(0).toString())
                    .contains("MENDESAK", "dokumen/" + nik + "/ktp.jpg");
            Map<?, ?> paket = new ObjectMapper().readValue(zip.getInputStream(zip.getEntry(base + "data/paket.json")), Map.class);
            assertThat(paket.get("schema")).isEqualTo("berkas-desa/paket");
            assertThat(paket.get("versi")).isEqualTo(1);
            assertThat(((Map<?, ?>) ((Map<?, ?>) paket.get("paket")).get("rekamJejak")).get("hash")).isEqualTo(exported.prev());
            try (InputStream in = zip.getInputStream(zip.getEntry(base + "data/usulan.xlsx"));
                    ReadableWorkbook wb = new ReadableWorkbook(in);
                    Stream<Row> rows = wb.getFirstSheet().openStream()) {
                List<Row> all = rows.toList();
                assertThat(all).hasSize(4);
                assertThat(all.get(0).getCellText(0)).isEqualTo("ID Usulan");
            }
        }
        for (var id : store.ready) {
            var r = store.requests.find(id).orElseThrow();
            assertThat(r.status()).isEqualTo(RequestStatus.TERKIRIM);
            assertThat(r.bundle()).isEqualTo("3201011001_20261123-1030");
        }
        assertThat(store.bundles.ready()).isEmpty();
    }

    @Test
    void theOfficerReadsEveryTableInTheWorkbookWithEveryDigitAndZeroKeptAndIsToldWhichFileToOpen() throws Exception {
        BundleService.Exported e = store.bundles.export(store.bundles.ready(), stick, Progress.none());
        var household = store.households.load(store.requests.find(store.ready.get(0)).orElseThrow().householdId())
                .orElseThrow();
        String base = e.name() + "/data/";
        try (ZipFile zip = new ZipFile(e.file().toFile());
                InputStream in = zip.getInputStream(zip.getEntry(base + "usulan.xlsx"));
                ReadableWorkbook wb = new ReadableWorkbook(in)) {
            assertThat(wb.getSheets().map(org.dhatim.fastexcel.reader.Sheet::getName))
                    .containsExactly("Usulan", "Keluarga", "Anggota", "Pilihan");
            List<Row> members;
            try (Stream<Row> rows = wb.findSheet("Anggota").orElseThrow().openStream()) {
                members = rows.toList();
            }
            assertThat(members).hasSize(1 + 3 * household.members().size());
            Row first = members.stream().filter(r -> household.members().get(0).nik().equals(r.getCellText(1)))
                    .findFirst().orElseThrow();
            assertThat(first.getCell(1).getType()).isEqualTo(org.dhatim.fastexcel.reader.CellType.STRING);
            assertThat(first.getCellText(0)).isEqualTo(household.noKk());
            List<Row> families;
            try (Stream<Row> rows = wb.findSheet("Keluarga").orElseThrow().openStream()) {
                families = rows.toList();
            }
            assertThat(families.get(0).getCellText(3)).isEqualTo("RT");
            Row family = families.stream().filter(r -> household.noKk().equals(r.getCellText(0))).findFirst().orElseThrow();
            assertThat(family.getCellText(3)).isEqualTo(household.rt()).startsWith("0");
            byte[] xlsx = zip.getInputStream(zip.getEntry(base + "usulan.xlsx")).readAllBytes();
            int anggota = members.indexOf(first) + 1;
            assertThat(textFormatted(xlsx, "xl/worksheets/sheet3.xml", "B" + anggota)).as("NIK formatted as text").isTrue();
            assertThat(textFormatted(xlsx, "xl/worksheets/sheet3.xml", "A" + anggota)).as("No. KK formatted as text").isTrue();
            assertThat(textFormatted(xlsx, "xl/worksheets/sheet3.xml", "C" + anggota)).as("a name is not").isFalse();
            int keluarga = families.indexOf(family) + 1;
            assertThat(textFormatted(xlsx, "xl/worksheets/sheet2.xml", "D" + keluarga)).as("RT formatted as text").isTrue();

            String readMe = text(zip, base + "BACA-SAYA.txt");
            assertThat(readMe).contains("BUKA INI: data/usulan.xlsx", "lembar \"Keluarga\" dan \"Anggota\"",
                    "JANGAN dibuka dengan Excel", "Pondok Rajeg", e.name(), "UU 27/2022").doesNotContain("CONTOH");
            assertThat(readMe).contains("\r\n");
        }
    }

    /** Whether cell {@code ref} of the sheet part carries the text number format "@" (what Excel shows as "Text"). */
    private static boolean textFormatted(byte[] xlsx, String sheet, String ref) throws IOException {
        String sheetXml = part(xlsx, sheet);
        String styles = part(xlsx, "xl/styles.xml");
        java.util.regex.Matcher cell = java.util.regex.Pattern.compile("<c r=\"" + ref + "\" s=\"(\\d+)\"").matcher(sheetXml);
        java.util.regex.Matcher fmt = java.util.regex.Pattern.compile("numFmtId=\"(\\d+)\" formatCode=\"@\"").matcher(styles);
        if (!cell.find() || !fmt.find()) {
            return false;
        }
        String xfs = styles.substring(styles.indexOf("<cellXfs"));
        String[] each = xfs.split("<xf ");
        return each[Integer.parseInt(cell.group(1)) + 1].startsWith("numFmtId=\"" + fmt.group(1) + "\"");
    }

    private static String part(byte[] zipBytes, String name) throws IOException {
        Path file = Files.createTempFile("werkboek", ".xlsx");
        try {
            Files.write(file, zipBytes);
            try (ZipFile zip = new ZipFile(file.toFile())) {
                ZipEntry e = zip.getEntry(name);
                assertThat(e).as(name).isNotNull();
                return new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private String coverLetter(BundleService.Exported e) throws IOException {
        try (ZipFile zip = new ZipFile(e.file().toFile());
                InputStream in = zip.getInputStream(zip.getEntry(e.name() + "/data/surat-pengantar.pdf"));
                org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(in.readAllBytes())) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(pdf);
        }
    }

    @Test
    void theCoverLetterIsSignedByTheVillageHeadOfTheVillageDataAndPreparedByTheOperatorActing() throws Exception {
        String unnamed = coverLetter(store.bundles.export(store.ready.subList(0, 1), stick, Progress.none()));
        assertThat(unnamed).contains("( Rina Operator )", "( ....."); // no head named yet: filled in by hand

        VillageProfile v = BundleStore.VILLAGE;
        store.villages.save(new VillageProfile(v.kodeDesa(), v.namaDesa(), v.namaKantor(), v.namaOperator(), false,
                "  H. Sukarna  "));
        assertThat(store.villages.profile().orElseThrow().namaKepalaDesa()).isEqualTo("H. Sukarna");
        String signed = coverLetter(store.bundles.export(store.ready.subList(1, 2), stick, Progress.none()));
        assertThat(signed).contains("( H. Sukarna )", "( Rina Operator )").doesNotContain("( .....");
    }

    @Test
    void aBundleOfTheSampleVillageIsMarkedAsSuchInItsNameItsInfoItsReadMeAndOnTheLetter() throws Exception {
        VillageProfile v = BundleStore.VILLAGE;
        store.villages.save(new VillageProfile(v.kodeDesa(), v.namaDesa(), v.namaKantor(), v.namaOperator(), true));

        BundleService.Exported e = store.bundles.export(store.bundles.ready(), stick, Progress.none());

        assertThat(e.file().getFileName().toString()).isEqualTo("CONTOH_3201011001_20261123-1030.zip");
        assertThat(District.verify(e.file(), Progress.none()).requests()).isEqualTo(3);
        try (ZipFile zip = new ZipFile(e.file().toFile())) {
            assertThat(text(zip, e.name() + "/bag-info.txt")).contains("Data-Contoh: YA - data karangan");
            assertThat(text(zip, e.name() + "/data/BACA-SAYA.txt")).startsWith("PERHATIAN: PAKET CONTOH");
            try (InputStream in = zip.getInputStream(zip.getEntry(e.name() + "/data/surat-pengantar.pdf"));
                    org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(in.readAllBytes())) {
                assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(pdf)).contains("DATA CONTOH",
                        "Perihal", "Lampiran", "Nomor", "Kepada Yth. Kepala Dinas Sosial");
            }
        }
    }

    @Test
    void sendingAgainMakesASecondBundleAndTheHistorySaysItWasAResend() throws Exception {
        store.bundles.export(store.ready.subList(0, 1), stick, Progress.none());

        BundleService.Exported again = store.bundles.export(store.ready.subList(0, 2), stick, Progress.none());

        assertThat(again.name()).isEqualTo("3201011001_20261123-1030-2"); // same minute: a new name, never overwritten
        assertThat(again.resent()).isEqualTo(1);
        assertThat(store.bundles.timesSent(store.ready.get(0))).isEqualTo(2);
        List<RequestEvent> history = store.requests.open(store.ready.get(0)).orElseThrow().history();
        assertThat(history.get(history.size() - 1).note()).isEqualTo(RequestService.RESEND_NOTE);
        try (ZipFile zip = new ZipFile(again.file().toFile())) {
            String csv = text(zip, again.name() + "/data/usulan.csv");
            assertThat(csv).contains(store.ready.get(0) + "," + again.name() + ",Ya,");
        }
    }

    @Test
    void aFullStickLeavesNoFileAndNoRequestChanged() {
        store.bundles.device = out -> new FilterOutputStream(out) {
            long written;

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                written += len;
                if (written > 20_000) {
                    throw new IOException("No space left on device");
                }
                out.write(b, off, len);
            }
        };

        assertThatThrownBy(() -> store.bundles.export(store.ready, stick, Progress.none()))
                .isInstanceOfSatisfying(BundleException.class, e -> assertThat(e.key()).isEqualTo("bundle.error.write"));

        assertThat(stick).isEmptyDirectory();
        assertThat(store.ready).allSatisfy(id -> assertThat(store.status(id)).isEqualTo(RequestStatus.SIAP_KIRIM));
    }

    @Test
    void aStickThatChangesAByteFailsTheReadBackAndNothingIsRecorded() {
        store.bundles.device = out -> new FilterOutputStream(out) {
            long written;

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                byte[] copy = java.util.Arrays.copyOfRange(b, off, off + len);
                if (written <= 5_000 && written + len > 5_000) {
                    copy[(int) (5_000 - written)] ^= 0x01; // a cheap stick keeps one bit wrong
                }
                written += len;
                out.write(copy, 0, len);
            }
        };

        assertThatThrownBy(() -> store.bundles.export(store.ready, stick, Progress.none()))
                .isInstanceOfSatisfying(BundleException.class, e -> assertThat(e.key()).isEqualTo("bundle.error.readBack"));

        assertThat(stick).isEmptyDirectory();
        assertThat(store.ready).allSatisfy(id -> assertThat(store.status(id)).isEqualTo(RequestStatus.SIAP_KIRIM));
    }

    @Test
    void cancellingLeavesNothingBehind() {
        List<Double> seen = new ArrayList<>();
        Progress[] progress = new Progress[1];
        progress[0] = new Progress(p -> {
            seen.add(p);
            if (p > 0.1) {
                progress[0].cancel();
            }
        });

        assertThatThrownBy(() -> store.bundles.export(store.ready, stick, progress[0]))
                .isInstanceOfSatisfying(BundleException.class, e -> assertThat(e.key()).isEqualTo("bundle.cancelled"));

        assertThat(seen).isNotEmpty();
        assertThat(stick).isEmptyDirectory();
        assertThat(store.ready).allSatisfy(id -> assertThat(store.status(id)).isEqualTo(RequestStatus.SIAP_KIRIM));
    }

    @Test
    void aMissingStickOrARequestNotReadyIsRefusedWithoutWritingAnything() throws Exception {
        assertThatThrownBy(() -> store.bundles.export(store.ready, stick.resolve("dicabut"), Progress.none()))
                .isInstanceOfSatisfying(BundleException.class, e -> assertThat(e.key()).isEqualTo("bundle.error.folder"));
        assertThatThrownBy(() -> store.bundles.export(List.of(), stick, Progress.none()))
                .isInstanceOfSatisfying(BundleException.class, e -> assertThat(e.key()).isEqualTo("bundle.error.nothing"));
        store.bundles.export(store.ready.subList(0, 1), stick, Progress.none());
        store.requests.move(store.ready.get(0), RequestStatus.DISETUJUI, null, null);
        assertThatThrownBy(() -> store.bundles.export(store.ready, stick, Progress.none()))
                .isInstanceOfSatisfying(BundleException.class, e -> assertThat(e.key()).isEqualTo("bundle.error.notReady"));
        try (Stream<Path> files = Files.list(stick)) {
            assertThat(files).hasSize(1);
        }
        assertThat(store.status(store.ready.get(1))).isEqualTo(RequestStatus.SIAP_KIRIM);
    }

    /** A household without RW goes to the Dinas Sosial with RW "-" in keluarga.csv and usulan.csv. */
    @Test
    void aHouseholdWithoutRwIsSentWithRwDash() throws Exception {
        var request = store.requests.find(store.ready.get(0)).orElseThrow();
        var h = store.households.load(request.householdId()).orElseThrow();
        var noRw = new id.berkasdesa.household.Household(h.id(), h.noKk(), h.alamat(), h.rt(), "", h.dusun(), h.kodePos(),
                false, h.members());
        assertThat(store.households.save(noRw, true).saved()).isTrue();
        store.requests.reevaluateOpen();
        BundleService.Exported e = store.bundles.export(store.bundles.ready(), stick, Progress.none());
        String base = e.file().getFileName().toString().replace(".zip", "") + "/";
        try (ZipFile zip = new ZipFile(e.file().toFile())) {
            String keluarga = text(zip, base + "data/keluarga.csv");
            List<String> header = List.of(keluarga.lines().findFirst().orElseThrow().replace("\uFEFF", "").split(","));
            int rw = header.indexOf("RW");
            assertThat(keluarga.lines().skip(1).filter(l -> l.startsWith(h.noKk())))
                    .singleElement().satisfies(l -> assertThat(l.split(",")[rw]).isEqualTo("-"));
            String usulan = text(zip, base + "data/usulan.csv");
            List<String> columns = List.of(usulan.lines().findFirst().orElseThrow().replace("\uFEFF", "").split(","));
            assertThat(usulan.lines().filter(l -> l.startsWith(request.id().toString()))).singleElement()
                    .satisfies(l -> assertThat(l.split(",")[columns.indexOf("RW")]).isEqualTo("-"));
        }
    }

    static String text(ZipFile zip, String name) throws IOException {
        try (InputStream in = zip.getInputStream(zip.getEntry(name))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
