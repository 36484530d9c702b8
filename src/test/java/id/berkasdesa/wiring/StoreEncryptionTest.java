package id.berkasdesa.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.berkasdesa.common.Role;
import id.berkasdesa.db.Database;
import id.berkasdesa.db.KilledChild;
import id.berkasdesa.document.Document;
import id.berkasdesa.document.DocumentKind;
import id.berkasdesa.document.DocumentService;
import id.berkasdesa.document.TestFiles;
import id.berkasdesa.household.Household;
import id.berkasdesa.household.HouseholdSearch;
import id.berkasdesa.household.Households;
import id.berkasdesa.keys.KeyException;
import id.berkasdesa.keys.KeyRing;
import id.berkasdesa.village.VillageProfile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store from before encryption meets this version: it is encrypted on the first start, every
 * household and document still there, nothing personal left in plaintext in the data folder, and
 * only a password (or the recovery code) opens it — also when the first start is killed at random
 * moments.
 */
class StoreEncryptionTest {

    private static final int KILLS = Integer.getInteger("encrypt.kills", 20);
    private static final Clock CLOCK = Clock.systemDefaultZone();
    private static final char[] PASSWORD = "kata sandi kantor desa".toCharArray();
    private static final int FAMILIES = 12;

    @TempDir
    static Path shared;
    static Path template;
    static String recovery;
    static Set<String> niks = new HashSet<>();
    static int documents;
    /** 64 bytes from the middle of every scan attached: none may appear in any file of the data folder. */
    static List<byte[]> scanBytes = new ArrayList<>();

    /** An old store: plain file, plain documents, an Administrator and an Operator, as issue 13 left them. */
    @BeforeAll
    static void oldStore() throws Exception {
        template = shared.resolve("lama");
        Path scans = Files.createDirectories(shared.resolve("scans"));
        try (Database db = Database.open(template)) {
            Wiring w = Wiring.of(db, Households.WILAYAH, CLOCK, "test");
            w.villages().save(new VillageProfile("32.01.01.1001", "PONDOK RAJEG", "Kantor Kelurahan Pondok Rajeg", "Ani", false));
            w.actAsVillageOperator();
            recovery = w.accounts().createFirstAdministrator("Ani", PASSWORD);
            w.accounts().add("Budi", Role.OPERATOR, "sementara123".toCharArray());
            for (int i = 0; i < FAMILIES; i++) {
                Household h = w.households().save(Households.family(100 + i), true).household();
                h.members().stream().filter(m -> m.nik() != null).forEach(m -> niks.add(m.nik()));
                if (i % 3 == 0) {
                    Path scan = TestFiles.jpeg(scans.resolve("scan" + i + ".jpg"), 800, 600, i);
                    byte[] b = Files.readAllBytes(scan);
                    scanBytes.add(java.util.Arrays.copyOfRange(b, b.length / 2, b.length / 2 + 64));
                    w.documents().attach(new DocumentService.Attach(h.id(), h.members().get(0).id(), DocumentKind.SKTM,
                            null, LocalDate.now(), null, null), List.of(scan));
                    documents++;
                }
            }
        }
        assertThat(Files.isDirectory(template.resolve("dokumen"))).isTrue();
    }

    private static Path copy(String name) throws Exception {
        Path to = shared.resolve(name);
        try (Stream<Path> files = Files.walk(template)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path t = to.resolve(template.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
        return to;
    }

    /** Every household and document there and whole; the plain files gone; only the encrypted ones left. */
    private static void complete(Path dir) throws Exception {
        assertThat(Wiring.needsPassword(dir)).as("opens only with a password").isTrue();
        try (Wiring w = Wiring.unlock(dir, CLOCK, "Ani", PASSWORD)) {
            w.accounts().signIn("Ani", PASSWORD);
            var all = w.households().search(HouseholdSearch.all());
            assertThat(all).hasSize(FAMILIES);
            List<Document> docs = new ArrayList<>();
            all.forEach(s -> docs.addAll(w.documents().forHousehold(s.id())));
            assertThat(docs).hasSize(documents);
            for (Document d : docs) {
                assertThat(sha256(w.documents().copyBytes(d))).isEqualTo(d.copySha256());
                w.documents().sources(d.id()).forEach(src -> assertThat(sha256(w.documents().sourceBytes(src)))
                        .isEqualTo(src.sha256()));
            }
            assertThat(w.documents().sweep().missing()).isEmpty();
        }
        assertThat(dir.resolve("berkas-desa.mv.db")).doesNotExist();
        assertThat(dir.resolve("dokumen")).doesNotExist();
        assertThat(dir.resolve("berkas-desa-terenkripsi.mv.db")).exists();
    }

    @Test
    void theFirstStartEncryptsEverythingAndNothingPersonalIsLeftInPlaintext() throws Exception {
        Path dir = copy("sekali");
        try (Wiring w = Wiring.open(dir, CLOCK)) {
            assertThat(w.accounts().anyAccount()).isTrue();
        }
        complete(dir);
        // no NIK, no scan byte pattern in any file of the data folder, whatever its name
        List<byte[]> secrets = new ArrayList<>();
        niks.forEach(n -> secrets.add(n.getBytes(StandardCharsets.UTF_8)));
        secrets.add("PONDOK RAJEG".getBytes(StandardCharsets.UTF_8));
        secrets.addAll(scanBytes);
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                byte[] content = Files.readAllBytes(p);
                if (p.getFileName().toString().equals(KeyRing.FILE)) {
                    continue; // names the village (not personal), for the sign-in screen
                }
                for (byte[] s : secrets) {
                    assertThat(indexOf(content, s)).as("%s holds plaintext", dir.relativize(p)).isEqualTo(-1);
                }
            }
        }
    }

    @Test
    void aWrongPasswordOrACopiedFolderWithoutThePasswordOpensNothing() throws Exception {
        Path dir = copy("curian");
        Wiring.open(dir, CLOCK).close();
        assertThatThrownBy(() -> Wiring.open(dir, CLOCK)).hasMessage("store.locked");
        assertThatThrownBy(() -> Wiring.unlock(dir, CLOCK, "Ani", "kata sandi salah".toCharArray()))
                .isInstanceOf(KeyException.class).hasMessage("account.signin.wrong");
        assertThatThrownBy(() -> Wiring.unlock(dir, CLOCK, "Tidak Ada", PASSWORD))
                .isInstanceOf(KeyException.class).hasMessage("account.signin.wrong");
        // the file in hand, opened as a plain H2 file or with a guessed key: refused, not read
        Path stolen = Files.createDirectories(shared.resolve("pc-lain"));
        Files.copy(dir.resolve("berkas-desa-terenkripsi.mv.db"), stolen.resolve("berkas-desa-terenkripsi.mv.db"));
        assertThatThrownBy(() -> java.sql.DriverManager.getConnection(
                "jdbc:h2:file:" + stolen.resolve("berkas-desa-terenkripsi") + ";IFEXISTS=TRUE;CIPHER=AES", "berkas",
                "kata-sandi-kantor-desa ").close()).isInstanceOf(java.sql.SQLException.class);
        assertThatThrownBy(() -> java.sql.DriverManager.getConnection(
                "jdbc:h2:file:" + stolen.resolve("berkas-desa-terenkripsi") + ";IFEXISTS=TRUE", "berkas", "").close())
                .isInstanceOf(java.sql.SQLException.class);
        // the recovery code opens it; the Operator's own password too; a disabled account's no longer
        try (Wiring w = Wiring.unlockWithRecovery(dir, CLOCK, recovery.toLowerCase())) {
            w.accounts().recover(recovery, "kata sandi baru sekali".toCharArray());
        }
        Wiring.unlock(dir, CLOCK, "budi", "sementara123".toCharArray()).close();
        try (Wiring w = Wiring.unlock(dir, CLOCK, "Ani", "kata sandi baru sekali".toCharArray())) {
            w.accounts().signIn("Ani", "kata sandi baru sekali".toCharArray());
            w.accounts().disable("Budi");
        }
        assertThatThrownBy(() -> Wiring.unlock(dir, CLOCK, "Budi", "sementara123".toCharArray()))
                .hasMessage("account.signin.wrong");
        assertThatThrownBy(() -> Wiring.unlock(dir, CLOCK, "Ani", PASSWORD)).as("the old password, after recovery")
                .hasMessage("account.signin.wrong");
    }

    @Test
    void aChangedDocumentFileReadsAsDamagedAndADamagedKeyFileSaysWhatToDo() throws Exception {
        Path dir = copy("rusak");
        Wiring.open(dir, CLOCK).close();
        Path one;
        try (Stream<Path> files = Files.walk(dir.resolve("dokumen-terenkripsi"))) {
            one = files.filter(Files::isRegularFile).filter(p -> !p.getParent().getFileName().toString().equals("tmp"))
                    .findFirst().orElseThrow();
        }
        byte[] b = Files.readAllBytes(one);
        b[b.length / 2] ^= 0x01;
        Files.write(one, b);
        try (Wiring w = Wiring.unlock(dir, CLOCK, "Ani", PASSWORD)) {
            w.accounts().signIn("Ani", PASSWORD);
            List<Document> docs = new ArrayList<>();
            w.households().search(HouseholdSearch.all()).forEach(s -> docs.addAll(w.documents().forHousehold(s.id())));
            long unreadable = docs.stream().filter(d -> {
                try {
                    return !sha256(w.documents().copyBytes(d)).equals(d.copySha256())
                            || w.documents().sources(d.id()).stream().anyMatch(src -> !sha256(w.documents().sourceBytes(src))
                                    .equals(src.sha256()));
                } catch (id.berkasdesa.files.DocumentException e) {
                    return true; // the authenticated cipher refuses the changed file: it reads as damaged, never as other content
                }
            }).count();
            assertThat(unreadable).isEqualTo(1);
        }
        byte[] key = Files.readAllBytes(dir.resolve(KeyRing.FILE));
        Files.write(dir.resolve(KeyRing.FILE), java.util.Arrays.copyOf(key, key.length / 2));
        assertThatThrownBy(() -> Wiring.needsPassword(dir)).isInstanceOfSatisfying(KeyException.class,
                e -> assertThat(e.key()).isEqualTo("keys.error.unreadable"));
        Files.delete(dir.resolve(KeyRing.FILE));
        assertThatThrownBy(() -> Wiring.open(dir, CLOCK)).isInstanceOfSatisfying(id.berkasdesa.db.StoreException.class,
                e -> assertThat(e.key()).isEqualTo("store.error.keyMissing"));
        assertThat(dir.resolve("berkas-desa-terenkripsi.mv.db")).exists(); // left as it was
    }

    @Test
    @org.junit.jupiter.api.Tag("kill")
    void aKillAtAnyMomentOfTheFirstEncryptionLeavesTheOldStoreOrTheNewOneComplete() throws Exception {
        Random random = new Random(20261202);
        long[] delays = new long[KILLS];
        for (int run = 0; run < KILLS; run++) {
            // the last run is killed only after the encryption finished (the plain files' removal included)
            delays[run] = run == KILLS - 1 ? 20_000 : random.nextInt(4000);
        }
        java.util.concurrent.atomic.AtomicInteger killedBefore = new java.util.concurrent.atomic.AtomicInteger();
        KilledChild.twoAtATime(KILLS, run -> {
            Path dir = copy("bunuh" + run);
            List<String> lines = KilledChild.run(shared.resolve("child" + run + ".err"), delays[run], EncryptLoop.class,
                    dir.toString());
            if (!lines.contains("DONE")) {
                killedBefore.incrementAndGet();
            }
            if (!Wiring.needsPassword(dir)) {
                // killed before the key file: the old store is as it was; this start encrypts it
                assertThat(dir.resolve("berkas-desa.mv.db")).exists();
                Wiring.open(dir, CLOCK).close();
            }
            complete(dir);
        });
        System.out.println("{\"name\": \"encrypt_kills\", \"kills\": " + KILLS + ", \"before_done\": " + killedBefore + "}");
        assertThat(killedBefore.get()).as("kills land inside the encryption").isBetween(1, KILLS - 1);
    }

    private static String sha256(byte[] b) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(b));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        return id.berkasdesa.common.ByteSearch.indexOf(haystack, needle);
    }
}
