package id.berkasdesa.document;

import id.berkasdesa.files.DocumentException;
import id.berkasdesa.files.FileType;
import id.berkasdesa.files.DocumentStore;
import id.berkasdesa.db.TestStore;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.Parameter;
import static id.berkasdesa.household.Households.WILAYAH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.berkasdesa.common.Messages;
import id.berkasdesa.db.Database;
import id.berkasdesa.household.Household;
import id.berkasdesa.household.HouseholdService;
import id.berkasdesa.household.Households;
import id.berkasdesa.settings.SettingsStore;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Attaching, storing and detaching documents, on a real H2 file and real image and PDF files. */
@ParameterizedClass
@ValueSource(strings = {TestStore.H2, TestStore.POSTGRESQL})
class DocumentServiceTest {

    /** Every case runs on an H2 file and on PostgreSQL. */
    @Parameter
    String engine;

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static final Clock CLOCK = Clock.fixed(TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneId.of("Asia/Jakarta"));

    @TempDir
    Path dir;
    @TempDir
    Path files;
    Database db;
    DocumentService documents;
    Household family;
    UUID member;

    @BeforeEach
    void open() {
        db = TestStore.open(engine, dir);
        family = Households.family(1);
        new HouseholdService(db, WILAYAH, CLOCK).save(family, true);
        member = family.members().get(0).id();
        documents = new DocumentService(db, new SettingsStore(db), CLOCK);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private DocumentService.Attach ktp() {
        return new DocumentService.Attach(family.id(), member, DocumentKind.KTP, null, TODAY.minusYears(2), null, null);
    }

    private DocumentService.Attach sktm(LocalDate date) {
        return new DocumentService.Attach(family.id(), null, DocumentKind.SKTM, null, date, null, null);
    }

    /** Everything the store holds: rows and files, to show a refused attach changed nothing. */
    private record Snapshot(int rows, Set<String> stored, long temps) {
    }

    private Snapshot snapshot() throws IOException {
        Path tmp = dir.resolve("dokumen/tmp");
        long temps = Files.isDirectory(tmp) ? Files.list(tmp).count() : 0;
        return new Snapshot(documents.count(), documents.store().all(), temps);
    }

    private void assertRefused(Path file, String key) throws IOException {
        Snapshot before = snapshot();
        assertThatThrownBy(() -> documents.attach(ktp(), List.of(file)))
                .isInstanceOfSatisfying(DocumentException.class, e -> {
                    assertThat(e.key()).isEqualTo(key);
                    String text = Messages.indonesian().get(e.key(), e.args());
                    assertThat(text).doesNotStartWith("!").contains(file.getFileName().toString());
                    // the same refusal as a finding, as a list of what went wrong shows it
                    assertThat(e.finding().isError()).isTrue();
                    assertThat(e.finding().message(Messages.indonesian())).isEqualTo(text);
                });
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aPhotoIsKeptAsAttachedWithAnUploadCopyThatFitsA4At150Dpi() throws Exception {
        Path photo = TestFiles.jpeg(files.resolve("ktp.jpg"), 4000, 3000, 1);
        Document d = documents.attach(ktp(), List.of(photo));

        assertThat(d.copyType()).isEqualTo(FileType.JPEG);
        assertThat(d.copySize()).isLessThanOrEqualTo(1_000_000).isLessThan(d.originalSize());
        assertThat(d.overLimit()).isFalse();
        BufferedImage copy = ImageIO.read(new ByteArrayInputStream(documents.copyBytes(d)));
        assertThat(copy.getWidth()).isEqualTo(1653);
        assertThat(copy.getHeight()).isEqualTo(1240);
        SourceInfo original = documents.sources(d.id()).get(0);
        assertThat(documents.sourceBytes(original)).isEqualTo(Files.readAllBytes(photo));
        assertThat(original.fileName()).isEqualTo("ktp.jpg");
    }

    @Test
    void aSidewaysPhonephotoIsTurnedUprightByItsExifOrientation() throws Exception {
        Path photo = TestFiles.rotatedExifJpeg(files.resolve("sktm.jpg"), 1200, 1600, 2);
        Document d = documents.attach(sktm(TODAY), List.of(photo));

        BufferedImage copy = ImageIO.read(new ByteArrayInputStream(documents.copyBytes(d)));
        assertThat(copy.getWidth()).isEqualTo(1200);
        assertThat(copy.getHeight()).isEqualTo(1600);
        assertThat(isRed(copy.getRGB(40, 40))).as("red corner top-left").isTrue();
        assertThat(isRed(copy.getRGB(1160, 40))).isFalse();
    }

    @Test
    void rotatingTurnsTheCopyAndIsKept() throws Exception {
        Document d = documents.attach(sktm(TODAY), List.of(TestFiles.jpeg(files.resolve("a.jpg"), 1200, 1600, 3)));
        Document turned = documents.rotate(d.id(), 1);

        assertThat(turned.rotation()).isEqualTo(90);
        BufferedImage copy = ImageIO.read(new ByteArrayInputStream(documents.copyBytes(turned)));
        assertThat(copy.getWidth()).isEqualTo(1600);
        assertThat(isRed(copy.getRGB(1560, 40))).as("red corner now top-right").isTrue();
        assertThat(documents.store().exists(d.copySha256())).as("old copy removed").isFalse();
        assertThat(documents.rotate(d.id(), -1).rotation()).isZero();
    }

    private static boolean isRed(int rgb) {
        return ((rgb >> 16) & 0xFF) > 110 && ((rgb >> 8) & 0xFF) < 70;
    }

    @Test
    void twoPhotosOfOneLetterBecomeOneTwoPagePdf() throws Exception {
        Path p1 = TestFiles.jpeg(files.resolve("hal1.jpg"), 3000, 4000, 4);
        Path p2 = TestFiles.jpeg(files.resolve("hal2.jpg"), 3000, 4000, 5);
        Document d = documents.attach(sktm(TODAY), List.of(p1, p2));

        assertThat(d.copyType()).isEqualTo(FileType.PDF);
        assertThat(d.copyPages()).isEqualTo(2);
        assertThat(d.sourceCount()).isEqualTo(2);
        assertThat(d.copySize()).isLessThanOrEqualTo(1_000_000);
        try (PDDocument pdf = Loader.loadPDF(documents.copyBytes(d))) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(2);
            assertThat(pdf.getPage(0).getMediaBox().getHeight()).isGreaterThan(pdf.getPage(0).getMediaBox().getWidth());
        }
    }

    @Test
    void aSmallPdfIsItsOwnUploadCopyAndStoredOnce() throws Exception {
        Path pdf = TestFiles.pdf(files.resolve("faskes.pdf"), 3, null);
        DocumentService.Attach faskes = new DocumentService.Attach(family.id(), member, DocumentKind.FASKES, null,
                TODAY, "Puskesmas Contoh", Diagnosis.GAGAL_GINJAL);
        Document d = documents.attach(faskes, List.of(pdf));

        assertThat(d.copyPages()).isEqualTo(3);
        assertThat(d.copySha256()).isEqualTo(documents.sources(d.id()).get(0).sha256());
        assertThat(documents.store().all()).hasSize(1);
        assertThat(d.diagnosis()).isEqualTo(Diagnosis.GAGAL_GINJAL);
        assertThat(d.faskes()).isEqualTo("Puskesmas Contoh");
    }

    @Test
    void aCopyThatCannotGetUnderTheLimitLegiblyIsFlagged() {
        documents.saveSettings(new DocumentSettings(RequirementPreset.DINSOS_LENGKAP, 100_000, 6));
        Path photo = TestFiles.jpeg(files.resolve("besar.jpg"), 4000, 3000, 6);
        Document d = documents.attach(ktp(), List.of(photo));

        assertThat(d.overLimit()).isTrue();
        assertThat(d.copySize()).isGreaterThan(100_000);
    }

    @Test
    void theSameScanAttachedTwiceIsStoredOnceAndGoesWithTheLastDocument() {
        Path photo = TestFiles.jpeg(files.resolve("kk.jpg"), 1600, 1200, 7);
        DocumentService.Attach kk = new DocumentService.Attach(family.id(), null, DocumentKind.KK, null, TODAY, null, null);
        Document a = documents.attach(kk, List.of(photo));
        Document b = documents.attach(kk, List.of(photo));
        assertThat(documents.store().all()).hasSize(2); // original and copy

        documents.detach(a.id());
        assertThat(documents.store().all()).hasSize(2);
        documents.detach(b.id());
        assertThat(documents.store().all()).isEmpty();
        assertThat(documents.forHousehold(family.id())).isEmpty();
    }

    @Test
    void anEmptyFileIsRefused() throws Exception {
        assertRefused(TestFiles.write(files.resolve("kosong.jpg"), new byte[0]), "document.error.empty");
    }

    @Test
    void aProgramRenamedJpgIsRefused() throws Exception {
        byte[] exe = new byte[4096];
        exe[0] = 'M';
        exe[1] = 'Z';
        assertRefused(TestFiles.write(files.resolve("foto.jpg"), exe), "document.error.unknownType");
    }

    @Test
    void aWordDocumentIsRefused() throws Exception {
        byte[] docx = {'P', 'K', 3, 4, 20, 0, 6, 0, 8, 0, 0, 0, 0, 0};
        assertRefused(TestFiles.write(files.resolve("surat.docx"), docx), "document.error.unknownType");
    }

    @Test
    void aTruncatedJpegIsRefused() throws Exception {
        Path whole = TestFiles.jpeg(files.resolve("utuh.jpg"), 1600, 1200, 8);
        assertRefused(TestFiles.truncated(whole, files.resolve("potong.jpg"), 0.6), "document.error.corruptImage");
    }

    @Test
    void aTruncatedPngIsRefused() throws Exception {
        Path whole = TestFiles.png(files.resolve("utuh.png"), 800, 600, 9);
        assertRefused(TestFiles.truncated(whole, files.resolve("potong.png"), 0.5), "document.error.corruptImage");
    }

    @Test
    void aTruncatedPdfIsRefused() throws Exception {
        Path whole = TestFiles.pdf(files.resolve("utuh.pdf"), 4, null);
        assertRefused(TestFiles.truncated(whole, files.resolve("potong.pdf"), 0.7), "document.error.corruptPdf");
    }

    @Test
    void aPdfWithGarbageInsideIsRefused() throws Exception {
        byte[] bytes = "%PDF-1.7\nthis is not a pdf at all\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertRefused(TestFiles.write(files.resolve("rusak.pdf"), bytes), "document.error.corruptPdf");
    }

    @Test
    void aPasswordProtectedPdfIsRefused() throws Exception {
        assertRefused(TestFiles.pdf(files.resolve("terkunci.pdf"), 1, "rahasia"), "document.error.passwordPdf");
    }

    @Test
    void anImageTooLargeToDecodeIsRefusedFromItsHeader() throws Exception {
        assertRefused(TestFiles.hugePngHeader(files.resolve("raksasa.png"), 30_000, 30_000), "document.error.imageTooBig");
    }

    @Test
    void aFileOver50MbIsRefusedBeforeItIsRead() throws Exception {
        Path big = files.resolve("pindaian.pdf");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.write("%PDF-1.4\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            f.setLength(DocumentStore.MAX_FILE_BYTES + 1);
        }
        assertRefused(big, "document.error.tooLarge");
    }

    @Test
    void aFileThatVanishedIsRefused() throws Exception {
        Path gone = TestFiles.jpeg(files.resolve("hilang.jpg"), 800, 600, 10);
        Files.delete(gone);
        assertRefused(gone, "document.error.unreadable");
    }

    @Test
    void aFileThatBecomesUnreadableMidImportLeavesNothing() throws Exception {
        byte[] bytes = Files.readAllBytes(TestFiles.jpeg(files.resolve("flashdisk.jpg"), 2000, 1500, 11));
        DocumentService.Input pulled = new DocumentService.Input("flashdisk.jpg", () -> new InputStream() {
            private int read;

            @Override
            public int read() throws IOException {
                if (read >= bytes.length / 2) {
                    throw new IOException("device removed");
                }
                return bytes[read++] & 0xFF;
            }
        });
        Snapshot before = snapshot();
        Path good = TestFiles.jpeg(files.resolve("baik.jpg"), 800, 600, 12);
        assertThatThrownBy(() -> documents.attachInputs(ktp(), List.of(DocumentService.Input.of(good), pulled)))
                .isInstanceOfSatisfying(DocumentException.class, e -> assertThat(e.key()).isEqualTo("document.error.unreadable"));
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void oneBadFileAmongGoodOnesStoresNothing() throws Exception {
        Path good = TestFiles.jpeg(files.resolve("hal1.jpg"), 800, 600, 13);
        Path bad = TestFiles.write(files.resolve("hal2.jpg"), new byte[] {'M', 'Z', 0, 0, 0, 0, 0, 0});
        Snapshot before = snapshot();
        assertThatThrownBy(() -> documents.attach(sktm(TODAY), List.of(good, bad))).isInstanceOf(DocumentException.class);
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void whatTheOperatorSaidIsCheckedBeforeAnyFileIsRead() {
        Path photo = TestFiles.jpeg(files.resolve("x.jpg"), 400, 300, 14);
        record Case(DocumentService.Attach attach, String key) {
        }
        for (Case c : List.of(
                new Case(new DocumentService.Attach(family.id(), null, DocumentKind.KTP, null, TODAY, null, null), "document.error.needsMember"),
                new Case(new DocumentService.Attach(family.id(), member, DocumentKind.KK, null, TODAY, null, null), "document.error.needsHousehold"),
                new Case(new DocumentService.Attach(family.id(), member, DocumentKind.KTP, null, null, null, null), "document.error.dateMissing"),
                new Case(new DocumentService.Attach(family.id(), member, DocumentKind.KTP, null, TODAY.plusDays(1), null, null), "document.error.dateFuture"),
                new Case(new DocumentService.Attach(family.id(), member, DocumentKind.LAINNYA, " ", TODAY, null, null), "document.error.labelMissing"),
                new Case(new DocumentService.Attach(family.id(), member, DocumentKind.FASKES, null, TODAY, "RSUD", null), "document.error.faskesMissing"),
                new Case(new DocumentService.Attach(family.id(), UUID.randomUUID(), DocumentKind.KTP, null, TODAY, null, null), "document.error.ownerGone"))) {
            assertThatThrownBy(() -> documents.attach(c.attach(), List.of(photo))).as(c.key())
                    .isInstanceOfSatisfying(DocumentException.class, e -> assertThat(e.key()).isEqualTo(c.key()));
        }
        assertThat(documents.count()).isZero();
        assertThat(documents.store().all()).isEmpty();
    }

    @Test
    void theStartUpCheckClearsFilesNoRowNamesAndTempLitter() throws Exception {
        Document kept = documents.attach(ktp(), List.of(TestFiles.jpeg(files.resolve("k.jpg"), 800, 600, 15)));
        DocumentStore store = documents.store();
        DocumentStore.Staged orphan = store.stage(new byte[] {1, 2, 3}, "orphan");
        store.place(orphan);
        store.stage(new byte[] {4, 5, 6}, "litter");

        DocumentStore.Sweep sweep = documents.sweep();

        assertThat(sweep.orphansRemoved()).isEqualTo(1);
        assertThat(sweep.tempRemoved()).isEqualTo(1);
        assertThat(sweep.missing()).isEmpty();
        assertThat(store.all()).containsExactlyInAnyOrder(kept.copySha256(), documents.sources(kept.id()).get(0).sha256());
        try (Stream<Path> temps = Files.list(dir.resolve("dokumen/tmp"))) {
            assertThat(temps).isEmpty();
        }
    }

    @Test
    void settingsAreKeptAndUnreadableValuesFallBackToDefaults() {
        assertThat(documents.settings()).isEqualTo(DocumentSettings.DEFAULTS);
        DocumentSettings pusat = new DocumentSettings(RequirementPreset.PUSAT_2026, 800_000, 3);
        documents.saveSettings(pusat);
        assertThat(documents.settings()).isEqualTo(pusat);
        new SettingsStore(db).write(java.util.Map.of("document.preset", "TIDAK_ADA", "document.expiryMonths", "x"));
        assertThat(documents.settings()).isEqualTo(new DocumentSettings(RequirementPreset.DINSOS_LENGKAP, 800_000, 6));
    }
}
