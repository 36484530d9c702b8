package id.berkasdesa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cadangkan and Pulihkan from the command line: a backup of a demo village restored onto a "new PC"
 * gives the same figures as {@code check} before; every bad backup, password and folder refused
 * with its message and nothing changed.
 */
class BackupCliTest {

    private static final String PASSWORD = "lemari arsip hijau tua";

    @TempDir
    Path dir;

    private Path village;
    private Path stick;
    private String recoveryCode;
    private Path backup;
    private JsonNode before;

    private static CliRun in(Path dataDir, Map<String, String> env, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--data-dir";
        all[1] = dataDir.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return CliRun.of(env, all);
    }

    private static Map<String, String> admin() {
        return Map.of("BERKAS_DESA_USER", "admin", "BERKAS_DESA_PASSWORD", PASSWORD);
    }

    private static Map<String, String> with(Map<String, String> env, String key, String value) {
        Map<String, String> more = new HashMap<>(env);
        more.put(key, value);
        return more;
    }

    /** The demo village and its first backup, made once for the class; each test gets its own copy. */
    private static Path template;
    private static String templateCode;
    private static String templateBackup;
    private static JsonNode templateBefore;

    private static synchronized void makeTemplate() throws Exception {
        if (template != null) {
            return;
        }
        Path t = Files.createTempDirectory("backup-cli-template");
        Path v = t.resolve("desa");
        Path s = Files.createDirectories(t.resolve("flashdisk"));
        CliRun demo = in(v, admin(), "demo", "--households", "4", "--ready-requests", "2", "--documents-per-request", "3");
        assertThat(demo.exit()).as(demo.out() + demo.err()).isZero();
        templateCode = demo.lines().stream().filter(l -> l.contains("recoveryCode")).findFirst()
                .map(l -> read(l).get("recoveryCode").asText()).orElseThrow();
        CliRun check = in(v, admin(), "check");
        assertThat(check.exit()).as(check.out() + check.err()).isZero();
        templateBefore = check.json();
        CliRun made = in(v, admin(), "backup", "--to", s.toString());
        assertThat(made.exit()).as(made.out() + made.err()).isZero();
        Path file = Path.of(made.json().get("file").asText());
        assertThat(file.getFileName().toString()).matches("cadangan_3201019999_\\d{8}-\\d{4}\\.zip");
        assertThat(made.json().get("households").asLong()).isEqualTo(4);
        try (Stream<Path> files = Files.list(s)) {
            assertThat(files.toList()).containsExactly(file); // no .part left
        }
        templateBackup = file.getFileName().toString();
        template = t;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> org.apache.commons.io.FileUtils.deleteQuietly(t.toFile())));
    }

    @BeforeEach
    void aVillageAndItsBackup() throws Exception {
        makeTemplate();
        // a copy of the whole data folder and stick: the same store, its key file and documents, per test
        org.apache.commons.io.FileUtils.copyDirectory(template.toFile(), dir.toFile());
        village = dir.resolve("desa");
        stick = dir.resolve("flashdisk");
        recoveryCode = templateCode;
        before = templateBefore;
        backup = stick.resolve(templateBackup);
        Files.deleteIfExists(village.resolve(id.berkasdesa.db.Database.LOCK_FILE));
    }

    private static JsonNode read(String line) {
        try {
            return new ObjectMapper().readTree(line);
        } catch (IOException e) {
            throw new AssertionError(line, e);
        }
    }

    /** The figures that must survive a backup and restore (the trail grows by each sign-in). */
    private static List<JsonNode> figures(JsonNode check) {
        return List.of(check.get("households"), check.get("members"), check.get("documents"), check.get("requests"),
                check.get("problems"));
    }

    @Test
    void aBackupRestoredOnANewPcGivesTheSameFiguresAsBefore() throws Exception {
        Path newPc = dir.resolve("pc-baru");
        CliRun restored = in(newPc, admin(), "restore", backup.toString());
        assertThat(restored.exit()).as(restored.out() + restored.err()).isZero();
        assertThat(restored.json().get("setAside").isNull()).isTrue();
        CliRun after = in(newPc, admin(), "check");
        assertThat(after.exit()).as(after.out() + after.err()).isZero();
        assertThat(figures(after.json())).isEqualTo(figures(before));
        assertThat(after.json().get("audit").get("entries").asLong()).isGreaterThan(before.get("audit").get("entries").asLong());
        assertThat(newPc.resolve("pulihan")).doesNotExist();
    }

    @Test
    void theRecoveryCodeRestoresAndSetsANewAdministratorPassword() {
        Path newPc = dir.resolve("pc-baru");
        Map<String, String> env = Map.of("BERKAS_DESA_RECOVERY_CODE", recoveryCode, "BERKAS_DESA_NEW_PASSWORD", "sandi baru setelah pulih");
        CliRun restored = in(newPc, env, "restore", backup.toString());
        assertThat(restored.exit()).as(restored.out() + restored.err()).isZero();
        assertThat(in(newPc, admin(), "check").exit()).isEqualTo(3); // the old password is gone
        CliRun after = in(newPc, with(admin(), "BERKAS_DESA_PASSWORD", "sandi baru setelah pulih"), "check");
        assertThat(after.exit()).as(after.out() + after.err()).isZero();
        assertThat(figures(after.json())).isEqualTo(figures(before));
    }

    @Test
    void overAStoreOnlyWhenAskedAndTheStoreThereIsSetAsideNotDeleted() throws Exception {
        CliRun refused = in(village, admin(), "restore", backup.toString());
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.json().get("error").asText()).isEqualTo("backup.error.notEmpty");
        assertThat(refused.json().get("message").asText()).contains("--replace", "disisihkan");

        CliRun replaced = in(village, admin(), "restore", backup.toString(), "--replace");
        assertThat(replaced.exit()).as(replaced.out() + replaced.err()).isZero();
        Path aside = Path.of(replaced.json().get("setAside").asText());
        assertThat(aside.getFileName().toString()).startsWith("disisihkan-");
        assertThat(aside.resolve("berkas-desa-terenkripsi.mv.db")).exists();
        assertThat(aside.resolve("kunci.json")).exists();
        assertThat(replaced.err()).contains(aside.toString());
        assertThat(figures(in(village, admin(), "check").json())).isEqualTo(figures(before));
    }

    @Test
    void aBackupOfAnotherVillageNeedsItsOwnConfirmation() {
        Path other = dir.resolve("desa-lain");
        CliRun init = in(other, Map.of("BERKAS_DESA_PASSWORD", PASSWORD), "init", "--village", "32.01.01.1001",
                "--office", "Kantor Kelurahan Pondok Rajeg", "--admin", "admin");
        assertThat(init.exit()).as(init.out() + init.err()).isZero();
        CliRun refused = in(other, admin(), "restore", backup.toString(), "--replace");
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.json().get("error").asText()).isEqualTo("backup.error.otherVillage");
        assertThat(other.resolve("pulihan")).doesNotExist();
        assertThat(in(other, admin(), "restore", backup.toString(), "--replace", "--other-village").exit()).isZero();
        assertThat(figures(in(other, admin(), "check").json())).isEqualTo(figures(before));
    }

    @Test
    void aWrongPasswordOrRecoveryCodeOrANonAdministratorRestoresNothing() {
        Path newPc = dir.resolve("pc-baru");
        CliRun wrong = in(newPc, with(admin(), "BERKAS_DESA_PASSWORD", "bukan kata sandinya"), "restore", backup.toString());
        assertThat(wrong.exit()).isEqualTo(3);
        assertThat(wrong.json().get("error").asText()).isEqualTo("account.signin.wrong");
        CliRun wrongCode = in(newPc, Map.of("BERKAS_DESA_RECOVERY_CODE", "AAAAA-AAAAA-AAAAA-AAAAA-AAAAA-AAAAA",
                "BERKAS_DESA_NEW_PASSWORD", "sandi baru setelah pulih"), "restore", backup.toString());
        assertThat(wrongCode.exit()).as(wrongCode.out()).isEqualTo(3);
        assertThat(storeIn(newPc)).isFalse();

        // an Operator's password opens the backup's key, but only an Administrator may restore it
        CliRun added = in(village, admin(), "operator", "add", "--name", "Budi", "--role", "operator");
        assertThat(added.exit()).as(added.out() + added.err()).isZero();
        String budi = added.json().get("password").asText();
        CliRun again = in(village, admin(), "backup", "--to", stick.toString());
        assertThat(again.exit()).as(again.out() + again.err()).isZero();
        CliRun operator = in(newPc, Map.of("BERKAS_DESA_USER", "Budi", "BERKAS_DESA_PASSWORD", budi),
                "restore", again.json().get("file").asText());
        assertThat(operator.exit()).as(operator.out()).isEqualTo(1);
        assertThat(operator.json().get("error").asText()).isEqualTo("backup.error.notAdministrator");
        assertThat(storeIn(newPc)).isFalse();
        assertThat(newPc.resolve("pulihan")).doesNotExist();
    }

    @Test
    void aFlippedByteATruncatedFileANewerAppAndAnUnknownDatabaseFormAreRefused() throws Exception {
        Path newPc = dir.resolve("pc-baru");
        byte[] bytes = Files.readAllBytes(backup);

        Path flipped = dir.resolve("flipped.zip");
        byte[] f = bytes.clone();
        f[f.length / 2] ^= 0x01; // inside a document's bytes
        Files.write(flipped, f);
        expectRefused(newPc, flipped, "backup.error.damaged");

        Path cut = dir.resolve("cut.zip");
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length - 300));
        expectRefused(newPc, cut, "backup.error.notBackup");

        Path notZip = dir.resolve("foto.zip");
        Files.writeString(notZip, "bukan zip");
        expectRefused(newPc, notZip, "backup.error.notBackup");

        Path newer = rewriteManifest("newer.zip", m -> m.put("skema", 99).put("aplikasi", "9.0.0"));
        CliRun r = expectRefused(newPc, newer, "backup.error.newer");
        assertThat(r.json().get("message").asText()).contains("9.0.0", "versi terbaru");

        expectRefused(newPc, rewriteManifest("h2.zip", m -> m.put("bentukBasisData", "h2-mvstore-3.0")), "backup.error.dbForm");
        // a manifest changed by hand: its MAC no longer holds
        expectRefused(newPc, rewriteManifest("counts.zip", m -> m.put("dokumenHilang", 0).put("dibuat", "2020-01-01T00:00:00Z")),
                "backup.error.damaged");
    }

    /**
     * A disk that fills up in the middle of the restore: a child JVM may write no file larger than
     * 512 KB (the shell's {@code ulimit -f}), so the first document or the database file fails to be
     * written. The store that was there is untouched and opens; nothing half-restored is left.
     */
    @Test
    void aDiskThatFillsUpDuringTheRestoreLeavesTheStoreThereAsItWas() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "needs bash for ulimit");
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder("/bin/bash", "-c", "ulimit -f 512; exec \"$0\" -cp \"$1\" id.berkasdesa.app.Main "
                + "--data-dir \"$2\" restore \"$3\" --replace", javaBin, System.getProperty("java.class.path"),
                village.toString(), backup.toString());
        pb.environment().putAll(admin());
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isEqualTo(1);
        assertThat(out).contains("\"ok\":false", "backup.error.io", "ruang disk");
        assertThat(village.resolve("pulihan")).doesNotExist();
        try (Stream<Path> files = Files.list(village)) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(n -> n.startsWith("disisihkan-"));
        }
        CliRun after = in(village, admin(), "check");
        assertThat(after.exit()).as(after.out() + after.err()).isZero();
        assertThat(figures(after.json())).isEqualTo(figures(before));
    }

    private CliRun expectRefused(Path target, Path file, String key) {
        CliRun r = in(target, admin(), "restore", file.toString());
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(r.json().get("error").asText()).isEqualTo(key);
        assertThat(storeIn(target)).isFalse();
        assertThat(target.resolve("pulihan")).doesNotExist();
        assertThat(target.resolve(id.berkasdesa.db.Database.LOCK_FILE)).as("nothing left in the target").doesNotExist();
        return r;
    }

    private static boolean storeIn(Path folder) {
        return Files.exists(folder.resolve("berkas-desa-terenkripsi.mv.db")) || Files.exists(folder.resolve("kunci.json"));
    }

    private Path rewriteManifest(String name, UnaryOperator<ObjectNode> change) throws IOException {
        Path out = dir.resolve(name);
        try (ZipFile zip = ZipFile.builder().setPath(backup).get();
                ZipArchiveOutputStream z = new ZipArchiveOutputStream(out)) {
            z.setMethod(ZipArchiveOutputStream.STORED);
            for (ZipArchiveEntry e : Collections.list(zip.getEntries())) {
                byte[] data;
                try (InputStream in = zip.getInputStream(e)) {
                    data = in.readAllBytes();
                }
                if (e.getName().endsWith("manifest.json")) {
                    ObjectNode m = (ObjectNode) new ObjectMapper().readTree(data);
                    data = new ObjectMapper().writeValueAsBytes(change.apply(m));
                }
                z.putArchiveEntry(new ZipArchiveEntry(e.getName()));
                try (OutputStream o = new java.io.FilterOutputStream(z) {
                    @Override
                    public void close() {
                    }
                }) {
                    o.write(data);
                }
                z.closeArchiveEntry();
            }
        }
        return out;
    }

    /** A folder that does not exist (a stick not plugged in) is refused: nothing is created on the PC's own disk. */
    @Test
    void aBackupToAFolderThatDoesNotExistIsRefused() {
        Path missing = dir.resolve("E-tidak-terpasang");
        CliRun r = in(village, admin(), "backup", "--to", missing.toString());
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(r.json().get("error").asText()).isEqualTo("backup.error.noFolder");
        assertThat(missing).doesNotExist();
    }

    @Test
    void theLastFiveBackupsAreKept() throws IOException {
        // one made by an older release, its name with the dotted code: counted as this village's, and the oldest
        Path older = Files.write(stick.resolve("cadangan_32.01.01.9999_20250101-0800.zip"), new byte[] {1});
        for (int i = 0; i < 6; i++) {
            assertThat(in(village, admin(), "backup", "--to", stick.toString()).exit()).isZero();
        }
        try (Stream<Path> files = Files.list(stick)) {
            List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
            assertThat(names).hasSize(5).allMatch(n -> n.startsWith("cadangan_3201019999_") && n.endsWith(".zip"));
            assertThat(names).doesNotContain(backup.getFileName().toString()); // the oldest went, after the new one verified
            assertThat(older).doesNotExist();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
