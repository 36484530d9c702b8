package id.berkasdesa.bundle;

import id.berkasdesa.exchange.District;

import id.berkasdesa.exchange.BagReader;
import id.berkasdesa.exchange.BagWriter;
import id.berkasdesa.exchange.BundleException;
import id.berkasdesa.exchange.Progress;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.berkasdesa.keys.KeyException;
import id.berkasdesa.keys.KeyPair;
import id.berkasdesa.keys.PublicKeys;
import id.berkasdesa.keys.SecretKeyFile;
import id.berkasdesa.request.RequestStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bundles on the stick, protected: encrypted to the Dinas Sosial whose key the village imported,
 * signed by the village. Whoever finds the stick reads nothing personal; the Dinas Sosial checks
 * who sent it without its private key, and opens it with it; any change to the file is caught.
 */
class SealedBundleTest {

    private static final char[] PASSPHRASE = "frasa sandi dinas sosial bogor".toCharArray();

    @TempDir
    Path dir;
    @TempDir
    Path scratch;
    @TempDir
    Path stick;
    @TempDir
    Path office;
    BundleStore store;
    KeyPair district;

    @BeforeEach
    void open() {
        store = new BundleStore(dir, scratch, 2);
        district = KeyPair.generate("dinas", "32.01", "Dinas Sosial Kabupaten Bogor");
        store.wiring.districtKeys().importKey(district.publicKeys(), false);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private BundleService.Exported export() {
        return store.bundles.export(store.ready, stick, false, Progress.none());
    }

    @Test
    void theBundleIsOneSignedEncryptedZipWithNothingPersonalOutsideAndTheDistrictOpensIt() throws Exception {
        BundleService.Exported e = export();

        assertThat(e.file().getFileName().toString()).isEqualTo("3201011001_20261123-1030.zip");
        assertThat(store.ready).allSatisfy(id -> assertThat(store.status(id)).isEqualTo(RequestStatus.TERKIRIM));
        try (ZipFile zip = ZipFile.builder().setPath(e.file()).get()) {
            assertThat(Collections.list(zip.getEntries()).stream().map(ZipArchiveEntry::getName))
                    .containsExactlyInAnyOrder("3201011001_20261123-1030/BACA-SAYA.txt", "3201011001_20261123-1030/isi.bin",
                            "3201011001_20261123-1030/paket-aman.json");
        }
        byte[] raw = Files.readAllBytes(e.file());
        for (var h : store.households.search(id.berkasdesa.household.HouseholdSearch.all())) {
            for (var m : store.households.load(h.id()).orElseThrow().members()) {
                if (m.nik() != null) {
                    assertThat(contains(raw, m.nik())).as("a NIK in the clear").isFalse();
                }
                assertThat(contains(raw, m.nama())).as("a name in the clear").isFalse();
            }
        }
        assertThat(contains(raw, "%PDF")).as("a PDF in the clear").isFalse();

        // at the Dinas Sosial, without the private key: whose it is, signed and whole
        District.Verified outside = District.verify(e.file(), Progress.none());
        assertThat(outside.kind()).isEqualTo("paket-aman");
        assertThat(outside.kodeDesa()).isEqualTo("32.01.01.1001");
        assertThat(outside.villageFingerprint()).isEqualTo(store.wiring.villageKeys().publicKeys().fingerprint());
        assertThat(outside.districtFingerprint()).isEqualTo(district.publicKeys().fingerprint());
        // with it: the bag inside checked in a stream, then written out as today's plain bag
        District.Verified inside = District.verify(e.file(), district, Progress.none());
        assertThat(inside.requests()).isEqualTo(2);
        assertThat(inside.documents()).isEqualTo(8);
        Path plain = District.openBundle(e.file(), district, office, Progress.none());
        try (BagReader bag = BagReader.open(plain)) {
            assertThat(bag.verify(Progress.none()).info()).containsEntry("Kunci-Desa", outside.villageFingerprint());
        }
        try (Stream<Path> files = Files.list(office)) {
            assertThat(files).containsExactly(plain);
        }
    }

    @Test
    void aFlippedByteAnywhereOrACutFileIsCaughtAndNothingIsWrittenOut() throws Exception {
        Path file = export().file();
        byte[] good = Files.readAllBytes(file);
        java.util.Random random = new java.util.Random(14);
        List<Integer> places = new java.util.ArrayList<>(List.of(10, good.length / 2, good.length - 30));
        for (int i = 0; i < 12; i++) {
            places.add(random.nextInt(good.length));
        }
        for (int at : places) {
            byte[] bad = good.clone();
            bad[at] ^= 0x20;
            Path f = scratch.resolve("flip" + at + ".zip");
            Files.write(f, bad);
            assertThatThrownBy(() -> District.verify(f, district, Progress.none())).as("byte %d", at)
                    .isInstanceOf(BundleException.class);
            assertThatThrownBy(() -> District.openBundle(f, district, office, Progress.none()))
                    .isInstanceOf(BundleException.class);
        }
        Path cut = scratch.resolve("cut.zip");
        Files.write(cut, java.util.Arrays.copyOf(good, good.length * 2 / 3));
        assertThatThrownBy(() -> District.verify(cut, Progress.none())).isInstanceOf(BundleException.class);
        assertThatThrownBy(() -> District.openBundle(cut, district, office, Progress.none()))
                .isInstanceOf(BundleException.class);
        assertThat(office).isEmptyDirectory();
    }

    @Test
    void aBundleReSignedByAnotherVillageOrForAnotherDistrictOrTheWrongKeyIsRefused() throws Exception {
        Path file = export().file();
        // another village's key signs the same ciphertext, naming itself: the signature checks, the content does not
        KeyPair other = KeyPair.generate("desa", "32.01.01.1001", "Pondok Rajeg");
        Path forged = resign(file, other);
        assertThat(District.verify(forged, Progress.none()).villageFingerprint())
                .isEqualTo(other.publicKeys().fingerprint()).isNotEqualTo(store.wiring.villageKeys().publicKeys().fingerprint());
        assertThatThrownBy(() -> District.verify(forged, district, Progress.none()))
                .isInstanceOfSatisfying(BundleException.class, e -> assertThat(e.key()).isEqualTo("sealed.error.damaged"));
        // another district's private key
        KeyPair otherDistrict = KeyPair.generate("dinas", "32.02", "Dinas Sosial Kabupaten Sukabumi");
        assertThatThrownBy(() -> District.verify(file, otherDistrict, Progress.none()))
                .isInstanceOfSatisfying(BundleException.class, e -> assertThat(e.key()).isEqualTo("sealed.error.otherDistrict"));
        // the private key file with a wrong passphrase
        Path secret = office.resolve("32.01.kunci-rahasia");
        SecretKeyFile.write(secret, district, PASSPHRASE);
        assertThatThrownBy(() -> SecretKeyFile.read(secret, "bukan frasa sandinya".toCharArray()))
                .isInstanceOfSatisfying(KeyException.class, e -> assertThat(e.key()).isEqualTo("keys.error.passphrase"));
        assertThat(District.verify(file, SecretKeyFile.read(secret, PASSPHRASE), Progress.none()).requests()).isEqualTo(2);
    }

    @Test
    void withoutADistrictKeyTheBundleIsPlainOnlyByChoiceAndSaysSo() throws Exception {
        try (BundleStore plainStore = new BundleStore(scratch.resolve("lain"), scratch, 1)) {
            assertThatThrownBy(() -> plainStore.bundles.export(plainStore.ready, stick, false, Progress.none()))
                    .isInstanceOfSatisfying(BundleException.class, e -> assertThat(e.key()).isEqualTo("bundle.error.noDistrictKey"));
            assertThat(stick).isEmptyDirectory();
            Path file = plainStore.bundles.export(plainStore.ready, stick, true, Progress.none()).file();
            try (BagReader bag = BagReader.open(file)) {
                assertThat(bag.verify(Progress.none()).info().get("Perlindungan")).startsWith("TIDAK TERENKRIPSI");
            }
        }
    }

    @Test
    void aSecondDifferentKeyIsRefusedUnlessReplacedAndTheImportIsInTheTrail() {
        PublicKeys again = district.publicKeys();
        assertThat(store.wiring.districtKeys().importKey(again, false).fingerprint()).isEqualTo(again.fingerprint());
        PublicKeys other = KeyPair.generate("dinas", "32.01", "Dinas Sosial Kabupaten Bogor").publicKeys();
        assertThatThrownBy(() -> store.wiring.districtKeys().importKey(other, false))
                .isInstanceOfSatisfying(BundleException.class, e -> assertThat(e.key()).isEqualTo("district.error.other"));
        assertThat(store.wiring.districtKeys().current().orElseThrow().fingerprint()).isEqualTo(again.fingerprint());
        store.wiring.districtKeys().importKey(other, true);
        assertThat(store.wiring.districtKeys().current().orElseThrow().fingerprint()).isEqualTo(other.fingerprint());
        assertThat(store.wiring.audit().entries(id.berkasdesa.audit.AuditService.Filter.ALL).stream()
                .filter(a -> a.action().equals("district.import"))).hasSize(2);
        assertThatThrownBy(() -> DistrictKeyService.read(store.wiring.villageKeys().publicKeys().toBytes()))
                .isInstanceOfSatisfying(BundleException.class, e -> assertThat(e.key()).isEqualTo("district.error.notDistrict"));
    }

    private Path answer(String name, List<UUID> ids, String decision) {
        Path xlsx = scratch.resolve(name + ".xlsx");
        List<List<String>> rows = new java.util.ArrayList<>();
        ids.forEach(id -> rows.add(List.of(id.toString(), "32.01.01.1001", decision, "Data cocok")));
        BundleStore.writeResponse(xlsx, List.of("ID Usulan", "Kode Desa", "Keputusan", "Alasan"), rows);
        return xlsx;
    }

    @Test
    void onlyAnAnswerSignedByTheDistrictForABundleThisVillageSentIsAccepted() throws Exception {
        Path bundle = export().file();
        List<UUID> sent = List.copyOf(store.ready);
        // an answer typed in the sent spreadsheet, unsigned: refused now that the key is known
        Path unsigned = answer("polos", sent, "Disetujui");
        assertThatThrownBy(() -> store.responses.read(unsigned))
                .isInstanceOfSatisfying(BundleException.class, e -> assertThat(e.key()).isEqualTo("response.error.unsigned"));
        // signed at the Dinas Sosial, encrypted to the village that sent the bundle: accepted, says who signed
        Path signed = District.signResponse(unsigned, bundle, district, office.resolve("balasan.zip"));
        assertThat(contains(Files.readAllBytes(signed), sent.get(0).toString())).as("an id in the clear").isFalse();
        ResponseService.Preview preview = store.responses.read(signed);
        assertThat(preview.signedBy()).isEqualTo("Dinas Sosial Kabupaten Bogor");
        assertThat(preview.changes()).hasSize(2);
        store.responses.apply(preview);
        assertThat(sent).allSatisfy(id -> assertThat(store.status(id)).isEqualTo(RequestStatus.DISETUJUI));
        // signed by a key that is not the configured district's
        KeyPair impostor = KeyPair.generate("dinas", "32.01", "Dinas Sosial Kabupaten Bogor");
        Path forged = District.signResponse(unsigned, bundleFor(impostor), impostor, office.resolve("palsu.zip"));
        assertThatThrownBy(() -> store.responses.read(forged))
                .isInstanceOfSatisfying(BundleException.class, e -> assertThat(e.key()).isEqualTo("response.error.otherSigner"));
        // a genuine answer replayed about requests of another bundle: those rows are not applied
        UUID later = store.readyRequest(9, scratch, null);
        store.bundles.export(List.of(later), stick, false, Progress.none());
        Path replay = District.signResponse(answer("ulang", List.of(later), "Ditolak"), bundle, district,
                office.resolve("ulang.zip"));
        ResponseService.Preview replayed = store.responses.read(replay);
        assertThat(replayed.changes()).isEmpty();
        assertThat(replayed.skipped()).singleElement().satisfies(k -> assertThat(k.key()).isEqualTo("response.skip.otherBundle"));
        assertThat(store.status(later)).isEqualTo(RequestStatus.TERKIRIM);
    }

    /**
     * After Perbaiki a request goes out again in a newer bundle: an answer to the older bundle arriving
     * late no longer decides it (it is listed as skipped), the answer to the newer one does. Each applied
     * answer's id is recorded: read again, it says it was applied before.
     */
    @Test
    void anOldAnswerNoLongerDecidesARequestSentAgainInANewerBundle() throws Exception {
        Path first = export().file();
        UUID a = store.ready.get(0);
        UUID b = store.ready.get(1);
        Path fix = District.signResponse(answer("perbaiki", List.of(a), "Perlu perbaikan"), first, district,
                office.resolve("perbaiki.zip"));
        ResponseService.Preview p1 = store.responses.read(fix);
        assertThat(p1.answer().appliedBefore()).isFalse();
        store.responses.apply(p1);
        assertThat(store.status(a)).isEqualTo(RequestStatus.PERLU_PERBAIKAN);
        assertThat(store.responses.read(fix).answer().appliedBefore()).isTrue();
        store.requests.move(a, RequestStatus.DRAF, null, null); // Perbaiki: back to being prepared, ready again
        assertThat(store.status(a)).isEqualTo(RequestStatus.SIAP_KIRIM);
        Path second = store.bundles.export(List.of(a), stick, false, Progress.none()).file();
        assertThat(second).isNotEqualTo(first);

        Path late = District.signResponse(answer("lama", List.of(a, b), "Disetujui"), first, district,
                office.resolve("lama.zip"));
        ResponseService.Preview old = store.responses.read(late);
        assertThat(old.changes()).extracting(ResponseService.Change::id).containsExactly(b);
        assertThat(old.skipped()).singleElement().satisfies(k -> assertThat(k.key()).isEqualTo("response.skip.newerBundle"));
        store.responses.apply(old);
        assertThat(store.status(a)).isEqualTo(RequestStatus.TERKIRIM);
        assertThat(store.status(b)).isEqualTo(RequestStatus.DISETUJUI);

        Path current = District.signResponse(answer("baru", List.of(a), "Disetujui"), second, district,
                office.resolve("baru.zip"));
        store.responses.apply(store.responses.read(current));
        assertThat(store.status(a)).isEqualTo(RequestStatus.DISETUJUI);
    }

    /**
     * The letters are applied exactly as the preview read them: a signed answer swapped on the stick
     * between the preview and Terapkan (another genuine answer, with another PDF under the same name)
     * is refused whole — no status moves and no letter is attached.
     */
    @Test
    void anAnswerSwappedBetweenThePreviewAndApplyIsRefusedWhole() throws Exception {
        Path bundle = export().file();
        UUID a = store.ready.get(0);
        Path genuine = District.signResponse(letterBag("asli", a, 1), bundle, district, office.resolve("asli.zip"));
        Path other = District.signResponse(letterBag("lain", a, 3), bundle, district, office.resolve("lain.zip"));
        Path onStick = Files.copy(genuine, stick.resolve("balasan.zip"));
        ResponseService.Preview preview = store.responses.read(onStick);
        assertThat(preview.changes()).singleElement().satisfies(c -> assertThat(c.letter()).isEqualTo("surat/rekomendasi-1.pdf"));
        Files.copy(other, onStick, java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        assertThatThrownBy(() -> store.responses.apply(preview))
                .isInstanceOfSatisfying(BundleException.class, e -> assertThat(e.key()).isEqualTo("response.error.changedFile"));
        assertThat(store.status(a)).isEqualTo(RequestStatus.TERKIRIM);
        UUID household = store.requests.find(a).orElseThrow().householdId();
        assertThat(store.documents.forHousehold(household))
                .noneMatch(d -> d.kind() == id.berkasdesa.document.DocumentKind.LAINNYA);

        Files.copy(genuine, onStick, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThat(store.responses.apply(store.responses.read(onStick)).letters()).isEqualTo(1);
        assertThat(store.status(a)).isEqualTo(RequestStatus.DISETUJUI);
    }

    /** A response bag approving {@code request}, with a letter of {@code pages} pages. */
    private Path letterBag(String name, UUID request, int pages) throws IOException {
        Path letter = id.berkasdesa.document.TestFiles.pdf(scratch.resolve(name + ".pdf"), pages, null);
        String json = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(java.util.Map.of("schema",
                "berkas-desa/balasan", "versi", 1, "kodeDesa", "32.01.01.1001", "dinas", "Dinas Sosial Kabupaten Bogor",
                "tanggal", "2026-12-01", "keputusan", List.of(java.util.Map.of("idUsulan", request.toString(),
                        "keputusan", "DISETUJUI", "alasan", "", "surat", "surat/rekomendasi-1.pdf"))));
        Path f = scratch.resolve(name + "-balasan.zip");
        try (java.io.OutputStream out = Files.newOutputStream(f)) {
            BagWriter bag = new BagWriter(out, "balasan_" + name, 0, Progress.none());
            bag.payload("balasan.json", json.getBytes(StandardCharsets.UTF_8));
            bag.payload("surat/rekomendasi-1.pdf", Files.readAllBytes(letter));
            bag.finish(java.util.Map.of("Source-Organization", "Dinas Sosial Kabupaten Bogor", "Kode-Desa", "32.01.01.1001"),
                    java.time.LocalDate.of(2026, 12, 1));
        }
        return f;
    }

    /** A protected bundle of this village's requests, encrypted to {@code key} instead (made by someone holding the village's files). */
    private Path bundleFor(KeyPair key) throws IOException {
        Path other = Files.createDirectories(scratch.resolve("lain-" + key.publicKeys().fingerprint()));
        try (BundleStore second = new BundleStore(scratch.resolve("toko-" + key.publicKeys().fingerprint()), scratch, 1)) {
            second.wiring.districtKeys().importKey(key.publicKeys(), false);
            return second.bundles.export(second.ready, other, false, Progress.none()).file();
        }
    }

    /** The same bundle with its header naming {@code other} as the village key, and signed by it. */
    private Path resign(Path file, KeyPair other) throws IOException {
        Path out = scratch.resolve("forged.zip");
        try (ZipFile in = ZipFile.builder().setPath(file).get();
                ZipArchiveOutputStream zip = new ZipArchiveOutputStream(out)) {
            zip.setComment("0".repeat(128));
            for (ZipArchiveEntry e : Collections.list(in.getEntries())) {
                byte[] b = in.getInputStream(e).readAllBytes();
                if (e.getName().endsWith("/paket-aman.json")) {
                    var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
                    var json = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(b);
                    json.set("pengirim", other.publicKeys().toJson());
                    b = mapper.writeValueAsBytes(json);
                }
                ZipArchiveEntry n = new ZipArchiveEntry(e.getName());
                n.setMethod(ZipArchiveEntry.STORED);
                zip.putArchiveEntry(n);
                zip.write(b);
                zip.closeArchiveEntry();
            }
        }
        byte[] bytes = Files.readAllBytes(out);
        byte[] digest;
        try {
            var sha = java.security.MessageDigest.getInstance("SHA-256");
            sha.update(bytes, 0, bytes.length - 128);
            digest = sha.digest();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] label = "berkas-desa paket-aman v1 sha256:".getBytes(StandardCharsets.US_ASCII);
        byte[] signed = java.util.Arrays.copyOf(label, label.length + digest.length);
        System.arraycopy(digest, 0, signed, label.length, digest.length);
        byte[] sig = java.util.HexFormat.of().formatHex(other.sign(signed)).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(sig, 0, bytes, bytes.length - 128, 128);
        Files.write(out, bytes);
        return out;
    }

    private static boolean contains(byte[] haystack, String text) {
        return id.berkasdesa.common.ByteSearch.contains(haystack, text);
    }
}
