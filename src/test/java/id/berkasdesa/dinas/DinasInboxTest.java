package id.berkasdesa.dinas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.berkasdesa.common.BuildInfo;
import id.berkasdesa.db.Database;
import id.berkasdesa.db.TestStore;
import id.berkasdesa.exchange.Progress;
import id.berkasdesa.village.VillageProfile;
import id.berkasdesa.wilayah.Wilayah;
import id.berkasdesa.wiring.Wiring;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Dinas Sosial's inbox on real bundles from real village stores, on an H2 file and on
 * PostgreSQL: three villages (one sends a NIK another also sends), a village that changed its key, a
 * bundle for another district, a village outside the kabupaten, a request sent again, a trail that went
 * backwards. Every refused file leaves the store as it was.
 */
@ParameterizedClass
@ValueSource(strings = {TestStore.H2, TestStore.POSTGRESQL})
class DinasInboxTest {

    private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
    private static final LocalDate SENT = LocalDate.of(2026, 11, 23);

    @Parameter
    String engine;

    @TempDir
    Path dir;

    private Wiring district;
    private DinasService dinas;

    @BeforeAll
    static void villagesSend() throws Exception {
        VillageBundles.make();
    }

    @BeforeEach
    void openDistrict() {
        // on H2 an encrypted store, as the app makes one: the scans are sealed under its key
        Database db = engine.equals(TestStore.H2) ? Database.open(dir, id.berkasdesa.keys.KeyRing.generate(dir).key())
                : TestStore.open(engine, dir);
        Clock received = Clock.fixed(SENT.plusDays(2).atTime(9, 0).atZone(JAKARTA).toInstant(), JAKARTA);
        district = Wiring.of(db, Wilayah.load(), received, BuildInfo.current().version());
        dinas = district.dinas();
        dinas.setUp("32.01", "Dinas Sosial Kabupaten Bogor");
        district.officeKeys(VillageBundles.DISTRICT);
        db.actAs(new id.berkasdesa.common.Session("verifikator", id.berkasdesa.common.Role.ADMINISTRATOR));
    }

    @AfterEach
    void close() {
        district.close();
    }

    @Test
    void threeVillagesMergeWithTheirChecksAndTheSharedNikMarkedOnBothSides() {
        assertThat(receive(VillageBundles.pondokFirst)).isEqualTo(DinasService.Outcome.IMPORTED);
        assertThat(receive(VillageBundles.karadenan)).isEqualTo(DinasService.Outcome.IMPORTED);
        assertThat(receive(VillageBundles.harapanjaya)).isEqualTo(DinasService.Outcome.IMPORTED);

        List<DinasService.ReceivedRequest> all = dinas.requests(null, null, null);
        assertThat(all).hasSize(5);
        assertThat(all).allSatisfy(r -> assertThat(r.status()).isEqualTo(DinasService.RECEIVED));
        Map<String, Long> byVillage = all.stream().collect(Collectors.groupingBy(DinasService.ReceivedRequest::kodeDesa,
                Collectors.counting()));
        assertThat(byVillage).containsEntry("32.01.01.1001", 2L).containsEntry("32.01.01.1002", 2L)
                .containsEntry("32.01.01.1003", 1L);
        // family 1 went to both Pondok Rajeg and Karadenan: a duplicate on both sides, nothing merged
        List<DinasService.ReceivedRequest> ganda = dinas.requests(null, null, Check.GANDA);
        assertThat(ganda).extracting(DinasService.ReceivedRequest::kodeDesa)
                .containsExactlyInAnyOrder("32.01.01.1001", "32.01.01.1002");
        assertThat(ganda.get(0).nik()).isEqualTo(ganda.get(1).nik());
        // family 1 is urgent (dialysis); every village's first bundle has a key to confirm
        assertThat(dinas.requests(null, null, Check.MENDESAK)).hasSize(2);
        assertThat(all).allSatisfy(r -> assertThat(r.checks()).contains(Check.KUNCI_BARU)
                .doesNotContain(Check.NIK, Check.WILAYAH, Check.BATAS_WAKTU, Check.SURAT_FASKES, Check.SKTM));
        assertThat(dinas.villageKeys()).extracting(DinasService.VillageKey::kodeDesa)
                .containsExactly("32.01.01.1001", "32.01.01.1002", "32.01.01.1003");
        assertThat(dinas.villageKeys()).noneMatch(DinasService.VillageKey::confirmed);
    }

    @Test
    void theSameBundleAgainChangesNothing() {
        receive(VillageBundles.pondokFirst);
        int trail = trailLength();
        DinasService.InboxResult again = dinas.receive(VillageBundles.pondokFirst, Progress.none());
        assertThat(again.outcome()).isEqualTo(DinasService.Outcome.ALREADY);
        assertThat(dinas.requests(null, null, null)).hasSize(2);
        assertThat(trailLength()).isEqualTo(trail);
    }

    @Test
    void theScansComeWithTheirRequestsSealedInTheStoreAndKeptOnce() throws Exception {
        receive(VillageBundles.pondokFirst);
        List<DinasService.ReceivedRequest> all = dinas.requests(null, null, null);
        int files = 0;
        for (DinasService.ReceivedRequest r : all) {
            List<DinasService.Scan> scans = dinas.scans(r.id());
            assertThat(scans).isNotEmpty().allSatisfy(s -> assertThat(s.kept()).isTrue());
            assertThat(scans).extracting(DinasService.Scan::kind).contains("FASKES");
            for (DinasService.Scan s : scans) {
                byte[] bytes = dinas.scanBytes(s);
                assertThat(id.berkasdesa.common.Sha256.hex(bytes)).isEqualTo(s.sha256());
                assertThat(bytes).hasSize((int) s.size());
                assertThat(id.berkasdesa.files.FileType.sniff(bytes, 16)).isPresent();
            }
            files += scans.size();
        }
        List<Path> kept = documentFiles();
        if (engine.equals(TestStore.POSTGRESQL)) {
            // a server the officers' PCs share: the sealed bytes are in the database, nothing in this PC's folder
            assertThat(kept).isEmpty();
            int inDatabase = district.db().read(h -> h.createQuery("SELECT COUNT(*) FROM dinas_scan_bytes").mapTo(Integer.class).one());
            assertThat(inDatabase).isBetween(1, files);
        } else {
            assertThat(kept).hasSizeBetween(1, files); // the same scan in two requests is kept once
        }
        if (engine.equals(TestStore.H2)) {
            // sealed under the store key: no file on disk is a readable PDF or photo
            for (Path f : kept) {
                assertThat(id.berkasdesa.files.FileType.sniff(Files.readAllBytes(f), 16)).isEmpty();
            }
        }
        // the same bundle again keeps nothing more and leaves nothing half-written
        assertThat(dinas.receive(VillageBundles.pondokFirst, Progress.none()).outcome()).isEqualTo(DinasService.Outcome.ALREADY);
        assertThat(documentFiles()).isEqualTo(kept);
    }

    @Test
    void aBundleReceivedBeforeScansWereKeptGetsThemWhenTakenAgainAndNothingElseChanges() {
        receive(VillageBundles.pondokFirst);
        // as a version that kept no scans left it
        district.db().write("dinas.inbox", h -> {
            h.createUpdate("DELETE FROM dinas_scan").execute();
            h.createUpdate("DELETE FROM dinas_scan_bytes").execute();
            h.createUpdate("UPDATE dinas_bundle SET scans_kept = FALSE").execute();
            district.db().nothingDone();
            return null;
        });
        String request = dinas.requests(null, null, null).get(0).id();
        DinasService.Scan before = dinas.scans(request).get(0);
        assertThat(before.beforeScansWereKept()).isTrue();
        assertThat(before.kept()).isFalse();
        assertThatThrownBy(() -> dinas.scanBytes(before)).isInstanceOf(DinasException.class)
                .extracting(e -> ((DinasException) e).message(id.berkasdesa.common.Messages.indonesian()))
                .asString().contains("Ambil lagi paket yang sama");
        int trail = trailLength();
        List<DinasService.ReceivedRequest> requests = dinas.requests(null, null, null);

        assertThat(receive(VillageBundles.pondokFirst)).isEqualTo(DinasService.Outcome.ALREADY);
        assertThat(dinas.scans(request)).isNotEmpty().allSatisfy(x -> assertThat(x.kept()).isTrue());
        assertThat(dinas.scanBytes(dinas.scans(request).get(0))).isNotEmpty();
        assertThat(dinas.requests(null, null, null)).isEqualTo(requests);
        assertThat(trailLength()).isEqualTo(trail + 1);
        receive(VillageBundles.pondokFirst);
        assertThat(trailLength()).as("the third time changes nothing").isEqualTo(trail + 1);
    }

    /**
     * A bundle received by this version whose list names a file it did not carry: the officer is told
     * the village did not send it (ask for the request again), not to take the bundle again.
     */
    @Test
    void aFileTheListNamesButTheBundleDidNotCarryIsSaidToBeMissingFromTheVillage() {
        receive(VillageBundles.pondokFirst);
        district.db().write("dinas.inbox", h -> {
            h.createUpdate("DELETE FROM dinas_scan").execute(); // as a bundle that carried none of its files leaves it
            district.db().nothingDone();
            return null;
        });
        String request = dinas.requests(null, null, null).get(0).id();
        DinasService.Scan scan = dinas.scans(request).get(0);
        assertThat(scan.kept()).isFalse();
        assertThat(scan.beforeScansWereKept()).isFalse();
        assertThatThrownBy(() -> dinas.scanBytes(scan)).isInstanceOf(DinasException.class)
                .extracting(e -> ((DinasException) e).message(id.berkasdesa.common.Messages.indonesian()))
                .asString().contains("tidak membawa berkas").doesNotContain("Ambil lagi");
        // taking the same bundle again changes nothing: it was received whole by this version
        int trail = trailLength();
        assertThat(receive(VillageBundles.pondokFirst)).isEqualTo(DinasService.Outcome.ALREADY);
        assertThat(trailLength()).isEqualTo(trail);
    }

    /** Every file under the store's document folder (encrypted on H2, plain in the work folder beside PostgreSQL), temp files included. */
    private List<Path> documentFiles() throws java.io.IOException {
        List<Path> out = new java.util.ArrayList<>();
        for (String folder : List.of("dokumen-terenkripsi", "dokumen")) {
            if (Files.isDirectory(dir.resolve(folder))) {
                try (java.util.stream.Stream<Path> w = Files.walk(dir.resolve(folder))) {
                    w.filter(Files::isRegularFile).sorted().forEach(out::add);
                }
            }
        }
        return out;
    }

    @Test
    void aRequestSentAgainReplacesItsEarlierVersionWhichIsKept() {
        receive(VillageBundles.pondokFirst);
        assertThat(receive(VillageBundles.pondokLater)).isEqualTo(DinasService.Outcome.IMPORTED);
        DinasService.ReceivedRequest two = dinas.requests(null, "32.01.01.1001", null).stream()
                .filter(r -> r.id().equals(VillageBundles.pondokRequestTwo)).findFirst().orElseThrow();
        assertThat(two.version()).isEqualTo(2);
        assertThat(dinas.history(VillageBundles.pondokRequestTwo)).hasSize(1);
        assertThat(dinas.requests(null, "32.01.01.1001", null)).hasSize(3);
        // the key was confirmed before the second bundle: it no longer asks for it
        dinas.confirm("32.01.01.1001");
        assertThat(dinas.villageKey("32.01.01.1001").orElseThrow().confirmed()).isTrue();
    }

    @Test
    void anOlderBundleAfterANewerOneFlagsTheVillagesTrail() {
        receive(VillageBundles.pondokLater);
        receive(VillageBundles.pondokFirst);
        // family 1 came only with the older head; family 2's newer version stays, marked
        List<DinasService.ReceivedRequest> flagged = dinas.requests(null, null, Check.REKAM_JEJAK_MUNDUR);
        assertThat(flagged).hasSize(2);
        DinasService.ReceivedRequest two = flagged.stream().filter(r -> r.id().equals(VillageBundles.pondokRequestTwo)).findFirst().orElseThrow();
        assertThat(two.version()).isEqualTo(1);
        assertThat(dinas.history(VillageBundles.pondokRequestTwo)).isEmpty();
        assertThat(dinas.requests(null, null, null)).hasSize(3);
    }

    @Test
    void aPinnedVillageSigningWithAnotherKeyIsAConflictUntilTheKeyIsReplaced() {
        receive(VillageBundles.harapanjaya);
        int trail = trailLength();
        DinasService.InboxResult other = dinas.receive(VillageBundles.harapanjayaOtherKey, Progress.none());
        assertThat(other.outcome()).isEqualTo(DinasService.Outcome.CONFLICT);
        assertThat(other.reason(id.berkasdesa.common.Messages.indonesian())).contains("32.01.01.1003").contains("kunci lain");
        assertThat(dinas.requests(null, "32.01.01.1003", null)).hasSize(1);
        // nothing of the bundle stored; the conflict is kept on the village's key (one entry in the trail)
        assertThat(trailLength()).isEqualTo(trail + 1);
        DinasService.VillageKey kept = dinas.villageKey("32.01.01.1003").orElseThrow();
        assertThat(kept.conflictFingerprint()).isNotNull().isNotEqualTo(kept.fingerprint());
        assertThat(kept.conflictFile()).isEqualTo(VillageBundles.harapanjayaOtherKey.getFileName().toString());

        assertThatThrownBy(() -> dinas.replace("32.01.01.1003", " ")).isInstanceOf(DinasException.class)
                .extracting(e -> ((DinasException) e).key()).isEqualTo("dinas.error.reason");
        dinas.replace("32.01.01.1003", "PC desa diganti, dikonfirmasi lewat telepon");
        assertThat(dinas.villageKey("32.01.01.1003").orElseThrow().conflictFingerprint()).isNull();
        assertThat(receive(VillageBundles.harapanjayaOtherKey)).isEqualTo(DinasService.Outcome.IMPORTED);
        assertThat(dinas.requests(null, "32.01.01.1003", null)).hasSize(2);
    }

    @Test
    void aKeyPinnedAheadFromAFingerprintIsTrustedAtOnceAndAnotherIsRefused() {
        String fp = pondokFingerprint();
        dinas.pin("32.01.01.1001", fp);
        assertThat(receive(VillageBundles.pondokFirst)).isEqualTo(DinasService.Outcome.IMPORTED);
        assertThat(dinas.requests(null, null, Check.KUNCI_BARU)).isEmpty();

        dinas.pin("32.01.01.1003", "AAAA-BBBB-CCCC-DDDD");
        assertThat(dinas.receive(VillageBundles.harapanjaya, Progress.none()).outcome()).isEqualTo(DinasService.Outcome.CONFLICT);
        assertThatThrownBy(() -> dinas.pin("32.01.01.1003", "short")).isInstanceOf(DinasException.class);
        assertThatThrownBy(() -> dinas.pin("32.02.01.1001", fp)).isInstanceOf(DinasException.class)
                .extracting(e -> ((DinasException) e).key()).isEqualTo("dinas.error.village");
    }

    @Test
    void refusedFilesLeaveNothingStored() throws Exception {
        int trail = trailLength();
        DinasService.InboxResult other = dinas.receive(VillageBundles.toSukabumi, Progress.none());
        assertThat(other.outcome()).isEqualTo(DinasService.Outcome.REFUSED);
        DinasService.InboxResult outside = dinas.receive(VillageBundles.palabuhanratu, Progress.none());
        assertThat(outside.outcome()).isEqualTo(DinasService.Outcome.REFUSED);
        assertThat(outside.reasonKey()).isEqualTo("dinas.inbox.otherKabupaten");
        Path junk = dir.resolve("bukan-paket.zip");
        Files.write(junk, new byte[] {'P', 'K', 3, 4, 0, 0, 1, 2, 3});
        assertThat(dinas.receive(junk, Progress.none()).outcome()).isEqualTo(DinasService.Outcome.REFUSED);
        Path cut = dir.resolve("terpotong.zip");
        byte[] whole = Files.readAllBytes(VillageBundles.pondokFirst);
        Files.write(cut, java.util.Arrays.copyOf(whole, whole.length / 2));
        DinasService.InboxResult truncated = dinas.receive(cut, Progress.none());
        assertThat(truncated.outcome()).isEqualTo(DinasService.Outcome.REFUSED);
        assertThat(truncated.reason(id.berkasdesa.common.Messages.indonesian())).isNotBlank();

        assertThat(dinas.requests(null, null, null)).isEmpty();
        assertThat(dinas.villageKeys()).isEmpty();
        assertThat(trailLength()).isEqualTo(trail);
        assertThat(documentFiles()).as("no scan of a refused bundle is kept, not even staged").isEmpty();
    }

    @Test
    void aPlainBundleIsRefusedUnlessTheSettingAllowsItThenItsRequestsAreMarkedUnsigned() throws Exception {
        int trail = trailLength();
        DinasService.InboxResult refused = dinas.receive(VillageBundles.cibinongPlain, Progress.none());
        assertThat(refused.outcome()).isEqualTo(DinasService.Outcome.REFUSED);
        assertThat(refused.reason(id.berkasdesa.common.Messages.indonesian())).contains("tanpa enkripsi")
                .contains("Pengaturan Dinas Sosial");
        assertThat(dinas.requests(null, null, null)).isEmpty();
        assertThat(trailLength()).isEqualTo(trail);
        assertThat(documentFiles()).isEmpty();

        dinas.saveSettings(new DinasService.Settings(false, 6, true, null));
        assertThat(receive(VillageBundles.cibinongPlain)).isEqualTo(DinasService.Outcome.IMPORTED);
        List<DinasService.ReceivedRequest> all = dinas.requests(null, null, null);
        assertThat(all).isNotEmpty().allSatisfy(r -> assertThat(r.checks()).contains(Check.TANPA_TANDA_TANGAN)
                .doesNotContain(Check.KUNCI_BARU));
        assertThat(dinas.scans(all.get(0).id())).isNotEmpty().allSatisfy(s -> assertThat(s.kept()).isTrue());
        assertThat(dinas.villageKeys()).as("nothing proves whose key: the register is untouched").isEmpty();
        // its decisions cannot be answered: an answer is encrypted to the village, whose key never came
        Database db = district.db();
        db.actAs(new id.berkasdesa.common.Session("Vera", id.berkasdesa.common.Role.VERIFIKATOR));
        district.decisions().decide(all.stream().map(DinasService.ReceivedRequest::id).toList(),
                DecisionService.Decision.DITOLAK, "lain", null);
        db.actAs(new id.berkasdesa.common.Session("Kabid", id.berkasdesa.common.Role.PENGESAH));
        district.decisions().endorse(district.decisions().proposed());
        db.actAs(new id.berkasdesa.common.Session("Vera", id.berkasdesa.common.Role.VERIFIKATOR));
        List<AnswerService.Made> made = district.answers().write(null, dir.resolve("balasan"), false, c -> c);
        assertThat(made).singleElement().satisfies(m -> {
            assertThat(m.file()).isNull();
            assertThat(m.reasonKey()).isEqualTo("dinas.answer.noKey");
        });
        // a signed bundle is still marked by nothing of the sort
        receive(VillageBundles.karadenan);
        assertThat(dinas.requests(null, "32.01.01.1002", null)).allSatisfy(r -> assertThat(r.checks())
                .doesNotContain(Check.TANPA_TANDA_TANGAN));
    }

    @Test
    void aStickPulledMidwayKeepsWhatCameAndRefusesTheRestUntilItIsBack() throws Exception {
        Path stick = Files.createDirectories(dir.resolve("flashdisk"));
        Path first = Files.copy(VillageBundles.pondokFirst, stick.resolve("1.zip"));
        Path second = Files.copy(VillageBundles.karadenan, stick.resolve("2.zip"));
        assertThat(receive(first)).isEqualTo(DinasService.Outcome.IMPORTED);
        Path away = Files.move(second, dir.resolve("2.zip")); // pulled
        DinasService.InboxResult gone = dinas.receive(second, Progress.none());
        assertThat(gone.outcome()).isEqualTo(DinasService.Outcome.REFUSED);
        assertThat(gone.reason(id.berkasdesa.common.Messages.indonesian())).contains("tidak dapat dibaca").contains("2.zip");
        assertThat(dinas.requests(null, null, null)).extracting(DinasService.ReceivedRequest::kodeDesa)
                .containsOnly("32.01.01.1001");
        Files.move(away, second); // back in
        assertThat(receive(second)).isEqualTo(DinasService.Outcome.IMPORTED);
        assertThat(dinas.requests(null, null, null)).hasSize(4);
    }

    @Test
    void aRequestReceivedAfterItsWindowIsMarked() {
        Clock late = Clock.fixed(SENT.plusMonths(5).atTime(9, 0).atZone(JAKARTA).toInstant(), JAKARTA);
        DinasService later = new DinasService(district.db(), late, Wilayah.load(), () -> VillageBundles.DISTRICT);
        assertThat(later.receive(VillageBundles.pondokFirst, Progress.none()).outcome()).isEqualTo(DinasService.Outcome.IMPORTED);
        assertThat(later.requests(null, null, Check.BATAS_WAKTU)).hasSize(2);
    }

    @Test
    void aVillageStoreIsNoDistrict() {
        Database db = TestStore.open(engine, dir.resolve("desa"));
        try (Wiring village = Wiring.of(db, Wilayah.load(), Clock.systemUTC(), "test")) {
            assertThat(village.dinas().office()).isEmpty();
            village.villages().save(new VillageProfile("32.01.01.1001", "Pondok Rajeg", "Kantor Desa Pondok Rajeg", "Rina", false));
            assertThatThrownBy(() -> village.dinas().setUp("32.01", "Dinas Sosial Kabupaten Bogor"))
                    .isInstanceOf(DinasException.class).extracting(e -> ((DinasException) e).key())
                    .isEqualTo("dinas.error.villageStore");
            assertThatThrownBy(() -> village.dinas().receive(VillageBundles.pondokFirst, Progress.none())).isInstanceOf(DinasException.class)
                    .extracting(e -> ((DinasException) e).key()).isEqualTo("dinas.error.notDinas");
        }
        assertThatThrownBy(() -> dinas.setUp("32.01", "Lagi")).isInstanceOf(DinasException.class);
        assertThatThrownBy(() -> new DinasService(district.db(), Clock.systemUTC(), Wilayah.load(), () -> VillageBundles.DISTRICT)
                .setUp("32.01.01", "x")).isInstanceOf(DinasException.class);
    }

    private DinasService.Outcome receive(Path file) {
        DinasService.InboxResult r = dinas.receive(file, Progress.none());
        assertThat(r.reasonKey()).as("%s: %s", file.getFileName(), r.reasonKey()).isNull();
        return r.outcome();
    }

    private int trailLength() {
        return district.db().read(h -> h.createQuery("SELECT COUNT(*) FROM audit_entry").mapTo(Integer.class).one());
    }

    private static String pondokFingerprint() {
        return id.berkasdesa.exchange.District.verify(VillageBundles.pondokFirst, Progress.none()).villageFingerprint();
    }
}
