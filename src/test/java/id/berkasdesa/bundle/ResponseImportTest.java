package id.berkasdesa.bundle;

import id.berkasdesa.exchange.BagWriter;
import id.berkasdesa.exchange.BundleException;
import id.berkasdesa.exchange.Progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.berkasdesa.document.Document;
import id.berkasdesa.document.DocumentKind;
import id.berkasdesa.document.TestFiles;
import id.berkasdesa.request.RequestStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipFile;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Dinas Sosial's answer read back: preview, one transaction, idempotent, and every bad file refused. */
class ResponseImportTest {

    @TempDir
    Path dir;
    @TempDir
    Path scratch;
    @TempDir
    Path stick;
    BundleStore store;
    BundleService.Exported sent;
    UUID a;
    UUID b;
    UUID c;

    @BeforeEach
    void sendThree() {
        store = new BundleStore(dir, scratch, 3);
        sent = store.bundles.export(store.ready, stick, Progress.none());
        a = store.ready.get(0);
        b = store.ready.get(1);
        c = store.ready.get(2);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void theBundlesOwnXlsxFilledInMovesTheRequestsAndASecondImportChangesNothing() throws IOException {
        Path unfilled = dir.resolve("usulan-kosong.xlsx");
        try (ZipFile zip = new ZipFile(sent.file().toFile()); InputStream in = zip.getInputStream(
                zip.getEntry(sent.name() + "/data/usulan.xlsx"))) {
            Files.copy(in, unfilled);
        }
        ResponseService.Preview empty = store.responses.read(unfilled);
        assertThat(empty.changes()).isEmpty();
        assertThat(empty.undecided()).isEqualTo(3); // our own columns are read back

        Path filled = xlsx(List.of("ID Usulan", "Kode Desa", "Nama", "Keputusan", "Alasan"),
                List.of(a.toString(), "32.01.01.1001", "BUDI UJI 1", "Disetujui", ""),
                List.of(b.toString(), "32.01.01.1001", "BUDI UJI 2", "ditolak", "Tidak masuk desil 1-5"),
                List.of(c.toString(), "32.01.01.1001", "BUDI UJI 3", "Perlu Perbaikan", "SKTM tidak terbaca"));
        ResponseService.Preview preview = store.responses.read(filled);

        assertThat(preview.changes()).extracting(ResponseService.Change::id, ResponseService.Change::before,
                ResponseService.Change::after).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(a, RequestStatus.TERKIRIM, RequestStatus.DISETUJUI),
                        org.assertj.core.groups.Tuple.tuple(b, RequestStatus.TERKIRIM, RequestStatus.DITOLAK),
                        org.assertj.core.groups.Tuple.tuple(c, RequestStatus.TERKIRIM, RequestStatus.PERLU_PERBAIKAN));
        assertThat(store.status(a)).isEqualTo(RequestStatus.TERKIRIM); // a preview changes nothing

        assertThat(store.responses.apply(preview).changed()).isEqualTo(3);
        assertThat(store.status(a)).isEqualTo(RequestStatus.DISETUJUI);
        assertThat(store.requests.find(b).orElseThrow().decisionReason()).isEqualTo("Tidak masuk desil 1-5");
        assertThat(store.status(c)).isEqualTo(RequestStatus.PERLU_PERBAIKAN);

        ResponseService.Preview again = store.responses.read(filled);
        assertThat(again.changes()).isEmpty();
        assertThat(again.alreadyRecorded()).isEqualTo(3);
        assertThat(again.skipped()).isEmpty();

        // the operator corrects the one sent back: it is prepared again, ready, and can go out again
        store.requests.move(c, RequestStatus.DRAF, null, null);
        assertThat(store.status(c)).isEqualTo(RequestStatus.SIAP_KIRIM);
        assertThat(store.bundles.ready()).containsExactly(c);
    }

    @Test
    void aSkippedRowIsNamedByThePersonsNameAndNikAsTheOfficerWroteThem() throws IOException {
        Path f = xlsx(List.of("ID Usulan", "Kode Desa", "NIK", "Nama", "Keputusan", "Alasan"),
                List.of(UUID.randomUUID().toString(), "32.01.01.1001", "3201015708850003", "SITI AMINAH", "Disetujui", ""),
                List.of(a.toString(), "32.01.01.1001", "3201011708850001", "BUDI", "Mungkin", ""));
        ResponseService.Preview p = store.responses.read(f);

        assertThat(p.skipped()).extracting(ResponseService.Skipped::who)
                .containsExactly("SITI AMINAH, NIK 3201015708850003", "BUDI, NIK 3201011708850001");
        assertThat(p.skipped()).extracting(ResponseService.Skipped::row).containsExactly("2", "3");
    }

    @Test
    void unknownDecisionsUnknownIdsAndOtherVillagesAreListedAndSkipped() throws IOException {
        Path f = xlsx(List.of("ID Usulan", "Kode Desa", "Keputusan", "Alasan"),
                List.of(a.toString(), "32.01.01.1001", "Disetujiu", ""),
                List.of(UUID.randomUUID().toString(), "32.01.01.1001", "Disetujui", ""),
                List.of("bukan-id", "32.01.01.1001", "Ditolak", "x"),
                List.of(b.toString(), "33.74.01.1001", "Disetujui", ""),
                List.of(c.toString(), "32.01.01.1001", "Disetujui", ""));
        ResponseService.Preview p = store.responses.read(f);

        assertThat(p.changes()).extracting(ResponseService.Change::id).containsExactly(c);
        assertThat(p.skipped()).extracting(ResponseService.Skipped::key).containsExactly("response.skip.decision",
                "response.skip.unknown", "response.skip.unknown", "response.skip.otherVillage");
        store.responses.apply(p);
        assertThat(store.status(a)).isEqualTo(RequestStatus.TERKIRIM);
        assertThat(store.status(b)).isEqualTo(RequestStatus.TERKIRIM);
        assertThat(store.status(c)).isEqualTo(RequestStatus.DISETUJUI);
    }

    @Test
    void badXlsxFilesAreRefusedAndTheStoreIsUnchanged() throws IOException {
        assertRefused(xlsx(List.of("NIK", "Keputusan"), List.of("3201010202801001", "Disetujui")), "bundle.error.columns");
        assertRefused(xlsx(List.of("ID Usulan", "Kode Desa", "Keputusan", "Alasan"),
                List.of(a.toString(), "33.74.01.1001", "Disetujui", "")), "bundle.error.otherVillage");
        assertRefused(Files.writeString(dir.resolve("palsu.xlsx"), "bukan excel"), "bundle.error.notZip");
        assertThat(store.ready).allSatisfy(id -> assertThat(store.status(id)).isEqualTo(RequestStatus.TERKIRIM));
    }

    @Test
    void aResponseBagMovesRequestsAttachesItsLetterOnceAndIsRefusedForAnotherVillage() throws IOException {
        Path letter = TestFiles.pdf(scratch.resolve("rekomendasi.pdf"), 1, null);
        Path bag = responseBag("32.01.01.1001", 1, letter,
                Map.of("idUsulan", a.toString(), "keputusan", "DISETUJUI", "alasan", "", "surat", "surat/rekomendasi-1.pdf"));

        ResponseService.Preview p = store.responses.read(bag);
        assertThat(p.changes()).singleElement().satisfies(ch -> assertThat(ch.letter()).isEqualTo("surat/rekomendasi-1.pdf"));
        assertThat(store.responses.apply(p).letters()).isEqualTo(1);
        assertThat(store.status(a)).isEqualTo(RequestStatus.DISETUJUI);
        UUID household = store.requests.find(a).orElseThrow().householdId();
        assertThat(letters(household)).isEqualTo(1);

        ResponseService.Preview again = store.responses.read(bag);
        assertThat(again.changes()).isEmpty();
        store.responses.apply(again);
        assertThat(letters(household)).isEqualTo(1);

        assertRefused(responseBag("33.74.01.1001", 1, null, Map.of("idUsulan", b.toString(), "keputusan", "DITOLAK")),
                "bundle.error.otherVillage");
        assertRefused(responseBag("32.01.01.1001", 7, null, Map.of("idUsulan", b.toString(), "keputusan", "DITOLAK")),
                "bundle.error.version");
        assertRefused(sent.file(), "bundle.error.notResponse");
        assertThat(store.status(b)).isEqualTo(RequestStatus.TERKIRIM);
    }

    private long letters(UUID household) {
        return store.documents.forHousehold(household).stream().filter(d -> d.kind() == DocumentKind.LAINNYA)
                .map(Document::label).count();
    }

    void assertRefused(Path file, String key) {
        assertThatThrownBy(() -> store.responses.read(file))
                .isInstanceOfSatisfying(BundleException.class, e -> assertThat(e.key()).isEqualTo(key));
    }

    @SafeVarargs
    final Path xlsx(List<String> header, List<String>... rows) throws IOException {
        Path f = dir.resolve("balasan-" + System.nanoTime() + ".xlsx");
        BundleStore.writeResponse(f, header, List.of(rows));
        return f;
    }

    Path responseBag(String kodeDesa, int version, Path letter, Map<String, String> decision) throws IOException {
        Path f = dir.resolve("balasan-" + System.nanoTime() + ".zip");
        String json = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(Map.of("schema",
                "berkas-desa/balasan", "versi", version, "kodeDesa", kodeDesa, "paket", sent.name(), "dinas",
                "Dinas Sosial Kabupaten Bogor", "tanggal", "2026-12-01", "keputusan", List.of(decision)));
        try (OutputStream out = Files.newOutputStream(f)) {
            BagWriter bag = new BagWriter(out, "balasan_" + sent.name(), 0, Progress.none());
            bag.payload("balasan.json", json.getBytes(StandardCharsets.UTF_8));
            if (letter != null) {
                bag.payload("surat/rekomendasi-1.pdf", Files.readAllBytes(letter));
            }
            bag.finish(Map.of("Source-Organization", "Dinas Sosial Kabupaten Bogor", "Kode-Desa", kodeDesa),
                    LocalDate.of(2026, 12, 1));
        }
        return f;
    }
}
