package id.berkasdesa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.berkasdesa.db.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line on a store with accounts: init, signing in by environment, roles, recovery, the audit trail. */
class AccountCliTest {

    @TempDir
    Path dir;
    String recoveryCode;

    private CliRun run(Map<String, String> env, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--data-dir";
        all[1] = dir.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return CliRun.of(env, all);
    }

    static Map<String, String> as(String user, String password) {
        Map<String, String> env = new HashMap<>();
        env.put("BERKAS_DESA_USER", user);
        env.put("BERKAS_DESA_PASSWORD", password);
        return env;
    }

    static Map<String, String> with(Map<String, String> env, String key, String value) {
        Map<String, String> more = new HashMap<>(env);
        more.put(key, value);
        return more;
    }

    @BeforeEach
    void init() {
        CliRun r = run(Map.of("BERKAS_DESA_PASSWORD", "kopi tubruk pagi hari"), "init", "--village", "32.01.01.1001",
                "--office", "Kantor Kelurahan Pondok Rajeg", "--admin", "Rina");
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.json().get("admin").asText()).isEqualTo("Rina");
        recoveryCode = r.json().get("recoveryCode").asText();
        assertThat(recoveryCode).hasSize(35);
    }

    @Test
    void initWritesTheRecoverySheetWhenAsked() throws Exception {
        Path own = dir;
        dir = own.resolve("dengan-lembar");
        Path sheet = own.resolve("lembar.pdf");
        CliRun r = run(Map.of("BERKAS_DESA_PASSWORD", "kopi tubruk pagi hari"), "init", "--village", "32.01.01.1001",
                "--office", "Kantor", "--admin", "Rina", "--recovery-sheet", sheet.toString());
        assertThat(r.exit()).isZero();
        try (var pdf = org.apache.pdfbox.Loader.loadPDF(sheet.toFile())) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(pdf)).contains(r.json().get("recoveryCode").asText());
        }
        dir = own;
    }

    @Test
    void initRefusesAFolderThatHasAStore() {
        CliRun again = run(Map.of("BERKAS_DESA_PASSWORD", "kopi tubruk pagi hari"), "init", "--village", "32.01.01.1001",
                "--office", "Kantor", "--admin", "Lain");
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.err()).contains("sudah berisi data");
    }

    @Test
    void withoutAUserAWrongPasswordOrAnUnknownUserTheExitIsThreeAndNothingIsShown() {
        CliRun nobody = run(Map.of(), "operator", "list");
        assertThat(nobody.exit()).isEqualTo(3);
        assertThat(nobody.err()).contains("--user");
        CliRun wrong = run(as("Rina", "kopi tubruk sore"), "operator", "list");
        assertThat(wrong.exit()).isEqualTo(3);
        assertThat(wrong.json().get("error").asText()).isEqualTo("account.signin.wrong");
        assertThat(wrong.out()).doesNotContain("kopi tubruk sore");
        assertThat(run(as("Siapa", "kopi tubruk pagi hari"), "operator", "list").exit()).isEqualTo(3);
        CliRun ok = run(Map.of("BERKAS_DESA_PASSWORD", "kopi tubruk pagi hari"), "--user", "Rina", "operator", "list");
        assertThat(ok.exit()).isZero();
        assertThat(ok.json().get("role").asText()).isEqualTo("administrator");
        assertThat(ok.json().get("lastSignIn").isNull()).isFalse();
    }

    /** The role is checked before anything else: with nothing ready, a Pemeriksa still hears "not allowed" (exit 3). */
    @Test
    void aPemeriksaMayNotExportAndHearsSoEvenWithNothingReady() throws Exception {
        Map<String, String> admin = as("Rina", "kopi tubruk pagi hari");
        CliRun sari = run(admin, "operator", "add", "--name", "Sari", "--role", "pemeriksa");
        assertThat(sari.exit()).isZero();
        assertThat(run(with(as("Sari", sari.json().get("password").asText()), "BERKAS_DESA_NEW_PASSWORD", "kopi jahe senja kota"),
                "operator", "password").exit()).isZero();
        Path stick = Files.createDirectories(dir.resolveSibling("flashdisk-" + dir.getFileName()));
        CliRun refused = run(as("Sari", "kopi jahe senja kota"), "export", "--to", stick.toString(), "--all-ready",
                "--plain");
        assertThat(refused.exit()).as(refused.out() + refused.err()).isEqualTo(3);
        assertThat(refused.json().get("error").asText()).isEqualTo("access.denied");
        assertThat(stick).isEmptyDirectory();
        CliRun nothing = run(admin, "export", "--to", stick.toString(), "--all-ready", "--plain");
        assertThat(nothing.exit()).isEqualTo(1); // an Administrator with nothing ready: the reason is that
        assertThat(nothing.json().get("error").asText()).isEqualTo("cli.export.nothingReady");
    }

    @Test
    void aNewOperatorMustChangeTheirPasswordFirstAndMayNotManageAccounts() {
        Map<String, String> admin = as("Rina", "kopi tubruk pagi hari");
        // the first password is the app's, printed once as {"password": …}; the Administrator never chooses it
        CliRun added = run(admin, "operator", "add", "--name", "Budi", "--role", "operator");
        assertThat(added.exit()).isZero();
        String made = added.json().get("password").asText();
        assertThat(made).matches("[a-z]+(-[a-z]+){3}-\\d{2}");
        assertThat(added.err()).contains("dicetak sekali");
        assertThat(run(admin, "operator", "add", "--name", "Budi", "--role", "juru").exit()).isEqualTo(2);

        Map<String, String> budi = as("Budi", made);
        CliRun first = run(budi, "audit", "verify");
        assertThat(first.exit()).isEqualTo(3);
        assertThat(first.json().get("error").asText()).isEqualTo("account.signin.mustChange");
        assertThat(run(with(budi, "BERKAS_DESA_NEW_PASSWORD", "teh manis jalan pagi"), "operator", "password").exit())
                .isZero();
        Map<String, String> budiNow = as("Budi", "teh manis jalan pagi");
        CliRun forbidden = run(with(budiNow, "BERKAS_DESA_NEW_PASSWORD", "ambil alih sekarang"), "operator", "reset-password",
                "--name", "Rina");
        assertThat(forbidden.exit()).isEqualTo(3);
        assertThat(forbidden.json().get("error").asText()).isEqualTo("access.denied");
        CliRun last = run(admin, "operator", "disable", "--name", "Rina");
        assertThat(last.exit()).isEqualTo(1);
        assertThat(last.err()).contains("satu-satunya Administrator");
    }

    @Test
    void theRecoveryCodeInLowerCaseWithSpacesSetsANewAdministratorPassword() {
        Map<String, String> env = new HashMap<>();
        env.put("BERKAS_DESA_RECOVERY_CODE", recoveryCode.toLowerCase().replace('-', ' '));
        env.put("BERKAS_DESA_NEW_PASSWORD", "kata sandi pulih kembali");
        assertThat(run(env, "recover").exit()).isZero();
        assertThat(run(as("Rina", "kata sandi pulih kembali"), "operator", "list").exit()).isZero();
        env.put("BERKAS_DESA_RECOVERY_CODE", "00000-00000-00000-00000-00000-00000");
        assertThat(run(env, "recover").exit()).isEqualTo(3);
    }

    @Test
    void theChainVerifiesItsExportVerifiesFromTheFileAndAnEditIsNamedByItsEntry() throws Exception {
        Map<String, String> admin = as("Rina", "kopi tubruk pagi hari");
        CliRun verify = run(admin, "audit", "verify");
        assertThat(verify.exit()).isZero();
        assertThat(verify.json().get("ok").asBoolean()).isTrue();
        Path file = dir.resolve("jejak.jsonl");
        CliRun export = run(admin, "audit", "export", "--to", file.toString());
        assertThat(export.exit()).isZero();
        assertThat(run(Map.of(), "audit", "verify", "--file", file.toString()).exit()).isZero();
        JsonNode line = new ObjectMapper().readTree(Files.readAllLines(file).get(0));
        for (String field : List.of("seq", "at", "operator", "action", "entity", "entityId", "fields", "prev", "hash")) {
            assertThat(line.has(field)).as(field).isTrue();
        }
        List<String> lines = Files.readAllLines(file);
        lines.set(1, lines.get(1).replaceFirst("\"at\":\"2", "\"at\":\"1")); // the time of entry 2 moved back a millennium
        Files.write(file, lines);
        CliRun broken = run(Map.of(), "audit", "verify", "--file", file.toString());
        assertThat(broken.exit()).isEqualTo(1);
        assertThat(broken.json().get("brokenAt").asLong()).isEqualTo(2);

        // someone with the store's key (and so the password) edits the file behind the app's back
        try (Database db = Database.open(dir, id.berkasdesa.keys.KeyRing.unlock(dir, "Rina", "kopi tubruk pagi hari".toCharArray()).key())) {
            db.jdbi().useHandle(h -> h.execute("DELETE FROM audit_entry WHERE seq = 2"));
        }
        CliRun store = run(admin, "audit", "verify");
        assertThat(store.exit()).isEqualTo(1);
        assertThat(store.err()).contains("entri 3");
        assertThat(run(admin, "audit", "export", "--to", dir.resolve("x.txt").toString()).exit()).isEqualTo(2);
        Path pdf = dir.resolve("jejak.pdf");
        assertThat(run(admin, "audit", "export", "--operator", "Rina", "--to", pdf.toString()).exit()).isZero();
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(doc)).contains("Rekam jejak pemrosesan data", "Masuk");
        }
    }

    @Test
    void demoOnANewFolderMakesTheAdministratorAndWithoutAPasswordMakesOneUpOnStandardError() throws Exception {
        Path own = dir;
        dir = own.resolve("demo-tanpa-sandi");
        CliRun demo = run(Map.of(), "demo", "--households", "3");
        assertThat(demo.exit()).as(demo.err()).isZero();
        JsonNode admin = new ObjectMapper().readTree(demo.out().lines().filter(l -> l.contains("recoveryCode")).findFirst()
                .orElseThrow());
        assertThat(admin.get("admin").asText()).isEqualTo("admin");
        String made = demo.err().lines().filter(l -> l.contains("kata sandi:")).findFirst().orElseThrow();
        String password = made.substring(made.indexOf("kata sandi:") + "kata sandi:".length()).strip();
        assertThat(run(Map.of(), "operator", "list").exit()).isEqualTo(3);
        assertThat(run(as("admin", password), "operator", "list").exit()).isZero();
        dir = own;
    }
}
