package id.berkasdesa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.berkasdesa.bundle.BundleStore;
import id.berkasdesa.exchange.Progress;
import id.berkasdesa.keys.PublicKeys;
import id.berkasdesa.village.VillageProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dinas …} as an office runs it: a district store made in a fresh JVM, its public key handed to
 * two villages, their bundles on one stick through the inbox (one NIK sent by both), the list with
 * its checks, the key register, and what is refused.
 */
class DinasCliTest {

    private static final String PASSWORD = "kuda lari pagi hujan 42";
    private static final Map<String, String> ENV = Map.of("BERKAS_DESA_USER", "Kabid", "BERKAS_DESA_PASSWORD", PASSWORD);

    @TempDir
    Path dir;

    /**
     * A set-up refused half-way (a code written without its dot, a short password) leaves no store
     * behind: the same command, put right, then works, where it said "this folder already has data".
     */
    @Test
    void aRefusedSetUpLeavesNoStoreAndTheSameCommandPutRightThenWorks() throws Exception {
        Path store = dir.resolve("dinas");
        String d = store.toString();
        CliRun wrongCode = CliRun.of(ENV, "--data-dir", d, "dinas", "init", "--kabupaten", "3201", "--office",
                "Dinas Sosial Kabupaten Bogor", "--admin", "Kabid");
        assertThat(wrongCode.exit()).isEqualTo(1);
        assertThat(wrongCode.err()).contains("32.01");
        assertThat(Files.exists(store.resolve(id.berkasdesa.db.Database.STORE_FILE))).isFalse();
        assertThat(Files.exists(store.resolve(id.berkasdesa.keys.KeyRing.FILE))).isFalse();

        CliRun shortPassword = CliRun.of(Map.of("BERKAS_DESA_PASSWORD", "pendek"), "--data-dir", d, "dinas", "init",
                "--kabupaten", "32.01", "--office", "Dinas Sosial Kabupaten Bogor", "--admin", "Kabid");
        assertThat(shortPassword.exit()).isEqualTo(1);
        assertThat(shortPassword.err()).contains("terlalu pendek");

        CliRun right = CliRun.child(ENV, "--data-dir", d, "dinas", "init", "--kabupaten", "32.01", "--office",
                "Dinas Sosial Kabupaten Bogor", "--admin", "Kabid");
        assertThat(right.exit()).as(right.out() + right.err()).isZero();

        // a village's set-up the same way
        String v = dir.resolve("desa").toString();
        CliRun unknownVillage = CliRun.of(ENV, "--data-dir", v, "init", "--village", "99.99.99.9999", "--office",
                "Kantor Desa X", "--admin", "Kabid");
        assertThat(unknownVillage.exit()).isEqualTo(1);
        CliRun village = CliRun.of(ENV, "--data-dir", v, "init", "--village", "32.01.01.1001", "--office",
                "Kantor Desa Pondok Rajeg", "--admin", "Kabid");
        assertThat(village.exit()).as(village.out() + village.err()).isZero();
    }

    @Test
    void anOfficeReceivesTwoVillagesBundlesFromOneStick() throws Exception {
        Path store = dir.resolve("dinas");
        String d = store.toString();
        CliRun init = CliRun.child(ENV, "--data-dir", d, "dinas", "init", "--kabupaten", "32.01", "--office",
                "Dinas Sosial Kabupaten Bogor", "--admin", "Kabid");
        assertThat(init.exit()).as(init.out() + init.err()).isZero();
        assertThat(init.json().path("kabupatenName").asText()).isEqualTo("Kabupaten Bogor");
        String fingerprint = init.json().path("fingerprint").asText();
        assertThat(fingerprint).matches("[0-9A-Z]{4}(-[0-9A-Z]{4}){3}");
        assertThat(init.json().path("recoveryCode").asText()).isNotBlank();

        Path keys = dir.resolve("untuk-desa");
        CliRun pub = CliRun.of(ENV, "--data-dir", d, "dinas", "public-key", "--to", keys.toString());
        assertThat(pub.exit()).as(pub.out() + pub.err()).isZero();
        assertThat(pub.json().path("fingerprint").asText()).isEqualTo(fingerprint);
        PublicKeys office = PublicKeys.parse(Files.readAllBytes(keys.resolve("32.01.kunci-publik")));

        Path stick = Files.createDirectories(dir.resolve("flashdisk"));
        java.time.ZoneId jakarta = java.time.ZoneId.of("Asia/Jakarta");
        Clock clock = Clock.fixed(java.time.LocalDate.now(jakarta).minusDays(3).atTime(10, 0).atZone(jakarta).toInstant(), jakarta);
        for (String[] v : new String[][] {{"32.01.01.1001", "Pondok Rajeg", "2"}, {"32.01.01.1002", "Karadenan", "3"}}) {
            try (BundleStore village = new BundleStore(dir.resolve(v[0]), dir.resolve("scan-" + v[0]), clock,
                    new VillageProfile(v[0], v[1], "Kantor Desa " + v[1], "Operator", false), 1, Integer.parseInt(v[2]))) {
                village.services().districtKeys().importKey(office, false);
                village.services().bundles().export(village.ready, stick, Progress.none());
            }
        }
        Files.writeString(stick.resolve("catatan.zip"), "bukan paket");

        CliRun inbox = CliRun.child(ENV, "--data-dir", d, "dinas", "inbox", stick.toString());
        assertThat(inbox.exit()).as(inbox.out() + inbox.err()).isEqualTo(1); // the note is refused
        List<JsonNode> lines = json(inbox);
        assertThat(lines).hasSize(4);
        assertThat(lines.subList(0, 3)).extracting(l -> l.path("result").asText())
                .containsExactlyInAnyOrder("imported", "imported", "refused");
        JsonNode refused = lines.stream().filter(l -> l.path("result").asText().equals("refused")).findFirst().orElseThrow();
        assertThat(refused.path("file").asText()).endsWith("catatan.zip");
        assertThat(refused.path("reason").asText()).isNotBlank();
        assertThat(lines.get(3).path("imported").asInt()).isEqualTo(2);
        assertThat(lines.get(3).path("refused").asInt()).isEqualTo(1);

        CliRun again = CliRun.of(ENV, "--data-dir", d, "dinas", "inbox", stick.resolve("catatan.zip").toString(),
                stickBundle(stick, "3201011001"));
        assertThat(json(again).get(1).path("result").asText()).isEqualTo("already");

        List<JsonNode> requests = json(CliRun.of(ENV, "--data-dir", d, "dinas", "requests"));
        assertThat(requests).hasSize(4);
        List<JsonNode> ganda = json(CliRun.of(ENV, "--data-dir", d, "dinas", "requests", "--check", "ganda"));
        assertThat(ganda).extracting(r -> r.path("village").asText()).containsExactlyInAnyOrder("32.01.01.1001", "32.01.01.1002");
        assertThat(ganda).allSatisfy(r -> assertThat(r.path("status").asText()).isEqualTo("diterima"));
        assertThat(json(CliRun.of(ENV, "--data-dir", d, "dinas", "requests", "--village", "32.01.01.1002"))).hasSize(2);
        CliRun badCheck = CliRun.of(ENV, "--data-dir", d, "dinas", "requests", "--check", "tidak-ada");
        assertThat(badCheck.exit()).isEqualTo(2);

        List<JsonNode> villageKeys = json(CliRun.of(ENV, "--data-dir", d, "dinas", "village-key", "list"));
        assertThat(villageKeys).extracting(k -> k.path("confirmed").asBoolean()).containsExactly(false, false);
        CliRun confirmed = CliRun.of(ENV, "--data-dir", d, "dinas", "village-key", "confirm", "--village", "32.01.01.1001");
        assertThat(confirmed.json().path("confirmed").asBoolean()).isTrue();
        CliRun badPin = CliRun.of(ENV, "--data-dir", d, "dinas", "village-key", "pin", "--village", "32.01.01.1003",
                "--fingerprint", "ABC");
        assertThat(badPin.exit()).isEqualTo(1);
        assertThat(badPin.json().path("message").asText()).contains("empat kelompok");
        assertThat(CliRun.of(ENV, "--data-dir", d, "dinas", "village-key", "replace", "--village", "32.01.01.1001").exit())
                .isEqualTo(2);

        // the district's roles: a Verifikator proposes, a Pengesah endorses; the village's Operator is no role here
        assertThat(CliRun.of(ENV, "--data-dir", d, "operator", "add", "--name", "Budi", "--role", "operator").exit()).isEqualTo(1);
        Map<String, String> vera = officer(d, "Vera", "verifikator", "teh manis jalan pagi");
        Map<String, String> kadis = officer(d, "Kadis", "pengesah", "kopi jahe senja kota");
        assertThat(json(CliRun.of(vera, "--data-dir", d, "dinas", "reasons"))).hasSize(9)
                .anySatisfy(r -> assertThat(r.path("text").asText()).isEqualTo("Belum rekam KTP-el"));
        List<String> pondok = json(CliRun.of(vera, "--data-dir", d, "dinas", "requests", "--village", "32.01.01.1001")).stream()
                .map(r -> r.path("id").asText()).toList();
        List<JsonNode> dups = json(CliRun.of(vera, "--data-dir", d, "dinas", "duplicates"));
        assertThat(dups).singleElement().satisfies(x -> assertThat(x.path("state").asText()).isEqualTo("terbuka"));
        assertThat(CliRun.of(vera, "--data-dir", d, "dinas", "duplicate", "resolve", dups.get(0).path("nik").asText(),
                "--not-duplicate").exit()).isEqualTo(2);
        CliRun settled = CliRun.of(vera, "--data-dir", d, "dinas", "duplicate", "resolve", dups.get(0).path("nik").asText(),
                "--not-duplicate", "--reason", "dua orang berbeda");
        assertThat(settled.exit()).as(settled.out() + settled.err()).isZero();
        assertThat(json(CliRun.of(vera, "--data-dir", d, "dinas", "duplicates")).get(0).path("state").asText())
                .isEqualTo("bukan-ganda");
        CliRun decided = CliRun.of(vera, "--data-dir", d, "dinas", "decide", pondok.get(0), pondok.get(1), "--decision", "disetujui",
                "--reason", "lengkap", "--note", "cocok");
        assertThat(decided.exit()).as(decided.out() + decided.err()).isZero();
        assertThat(decided.json().path("decided").asInt()).isEqualTo(2);
        assertThat(CliRun.of(vera, "--data-dir", d, "dinas", "decide", pondok.get(0), "--decision", "entah", "--reason", "lengkap")
                .exit()).isEqualTo(2);
        assertThat(CliRun.of(vera, "--data-dir", d, "dinas", "endorse", "--all-decided").exit()).isEqualTo(3);
        assertThat(CliRun.of(kadis, "--data-dir", d, "dinas", "inbox", stick.toString()).exit()).isEqualTo(3);
        CliRun endorsed = CliRun.of(kadis, "--data-dir", d, "dinas", "endorse", "--all-decided");
        assertThat(endorsed.json().path("endorsed").asInt()).isEqualTo(2);
        CliRun locked = CliRun.of(vera, "--data-dir", d, "dinas", "withdraw", pondok.get(0));
        assertThat(locked.exit()).isEqualTo(1);
        assertThat(locked.json().path("message").asText()).contains("Kadis").contains("terkunci");
        assertThat(json(CliRun.of(vera, "--data-dir", d, "dinas", "requests", "--status", "disahkan")))
                .allSatisfy(r -> assertThat(r.path("decision").asText()).isEqualTo("disetujui")).hasSize(2);
        Path answers = dir.resolve("balasan");
        List<JsonNode> sent = json(CliRun.of(vera, "--data-dir", d, "dinas", "answer", "--all", "--to", answers.toString()));
        assertThat(sent).hasSize(2);
        assertThat(sent.get(0).path("village").asText()).isEqualTo("32.01.01.1001");
        assertThat(sent.get(0).path("decisions").asInt()).isEqualTo(2);
        CliRun checked = CliRun.child(Map.of(), "verify", sent.get(0).path("file").asText());
        assertThat(checked.exit()).as(checked.out() + checked.err()).isZero();
        assertThat(json(CliRun.of(vera, "--data-dir", d, "dinas", "answer", "--all", "--to", answers.toString())).get(0)
                .path("files").asInt()).isZero();
        assertThat(CliRun.of(vera, "--data-dir", d, "dinas", "answer", "--to", answers.toString()).exit()).isEqualTo(2);

        CliRun wrong = CliRun.of(Map.of("BERKAS_DESA_USER", "Kabid", "BERKAS_DESA_PASSWORD", "salah sekali"), "--data-dir", d,
                "dinas", "requests");
        assertThat(wrong.exit()).isEqualTo(3);
        CliRun twice = CliRun.of(ENV, "--data-dir", d, "dinas", "init", "--kabupaten", "32.01", "--office", "x", "--admin", "y");
        assertThat(twice.exit()).isEqualTo(1);
    }

    @Test
    void aVillageStoreIsNoDistrict() {
        Path village = dir.resolve("desa");
        CliRun init = CliRun.of(ENV, "--data-dir", village.toString(), "init", "--village", "32.01.01.1001", "--office",
                "Kantor Desa Pondok Rajeg", "--admin", "Kabid");
        assertThat(init.exit()).as(init.out() + init.err()).isZero();
        CliRun requests = CliRun.of(ENV, "--data-dir", village.toString(), "dinas", "requests");
        assertThat(requests.exit()).isEqualTo(1);
        assertThat(requests.json().path("message").asText()).contains("kantor desa");
    }

    @Test
    void aLedgerListMarksPeopleReactivatedBefore() throws Exception {
        Path store = dir.resolve("dinas");
        String d = store.toString();
        assertThat(CliRun.of(ENV, "--data-dir", d, "dinas", "init", "--kabupaten", "32.01", "--office", "Dinas Sosial Kabupaten Bogor",
                "--admin", "Kabid").exit()).isZero();
        Path keys = dir.resolve("untuk-desa");
        assertThat(CliRun.of(ENV, "--data-dir", d, "dinas", "public-key", "--to", keys.toString()).exit()).isZero();
        PublicKeys office = PublicKeys.parse(Files.readAllBytes(keys.resolve("32.01.kunci-publik")));
        java.time.ZoneId jakarta = java.time.ZoneId.of("Asia/Jakarta");
        Clock clock = Clock.fixed(java.time.LocalDate.now(jakarta).minusDays(3).atTime(10, 0).atZone(jakarta).toInstant(), jakarta);
        Path stick = Files.createDirectories(dir.resolve("flashdisk"));
        Path later = Files.createDirectories(dir.resolve("flashdisk-2"));
        for (String[] v : new String[][] {{"32.01.01.1001", "Pondok Rajeg"}, {"32.01.01.1002", "Karadenan"}}) {
            try (BundleStore village = new BundleStore(dir.resolve(v[0]), dir.resolve("scan-" + v[0]), clock,
                    new VillageProfile(v[0], v[1], "Kantor Desa " + v[1], "Operator", false), 1)) {
                village.services().districtKeys().importKey(office, false);
                village.services().bundles().export(village.ready, v[0].endsWith("1001") ? stick : later, Progress.none());
            }
        }
        assertThat(CliRun.of(ENV, "--data-dir", d, "dinas", "inbox", stick.toString()).exit()).isZero();
        String nik = json(CliRun.of(ENV, "--data-dir", d, "dinas", "requests")).get(0).path("nik").asText();

        // a list from BPJS with two title rows, its NIK column under "Nomor NIK", one NIK mistyped
        Path list = dir.resolve("sudah-reaktivasi.csv");
        Files.writeString(list, "Daftar peserta PBI-JK yang sudah diaktifkan kembali\nKabupaten Bogor, 2026\n"
                + "No;Nama;Nomor NIK\n1;BUDI UJI 1;" + nik + "\n2;SITI;12345\n");
        CliRun ledger = CliRun.child(ENV, "--data-dir", d, "dinas", "ledger", "import", list.toString());
        assertThat(ledger.exit()).as(ledger.out() + ledger.err()).isZero();
        assertThat(ledger.json().path("added").asInt()).isEqualTo(1);
        assertThat(ledger.json().path("invalidRows").toString()).isEqualTo("[5]");
        CliRun again = CliRun.of(ENV, "--data-dir", d, "dinas", "ledger", "import", list.toString());
        assertThat(again.json().path("added").asInt()).isZero();
        assertThat(again.json().path("already").asInt()).isEqualTo(1);

        // the same person sent by another village afterwards: reactivated before, said by the check
        assertThat(CliRun.of(ENV, "--data-dir", d, "dinas", "inbox", later.toString()).exit()).isZero();
        List<JsonNode> before = json(CliRun.of(ENV, "--data-dir", d, "dinas", "requests", "--check", "pernah-reaktivasi"));
        assertThat(before).extracting(n -> n.path("village").asText()).containsExactly("32.01.01.1002");

        // the office's settings: shown, changed, a window out of range refused with the reason
        assertThat(CliRun.of(ENV, "--data-dir", d, "dinas", "settings").json().path("windowMonths").asInt()).isEqualTo(6);
        CliRun set = CliRun.of(ENV, "--data-dir", d, "dinas", "settings", "--require-sktm", "true", "--window-months", "12");
        assertThat(set.json().path("requireSktm").asBoolean()).isTrue();
        assertThat(set.json().path("windowMonths").asInt()).isEqualTo(12);
        CliRun wide = CliRun.of(ENV, "--data-dir", d, "dinas", "settings", "--window-months", "30");
        assertThat(wide.exit()).isEqualTo(1);
        assertThat(wide.json().path("message").asText()).contains("1 sampai 24 bulan");
        assertThat(CliRun.of(ENV, "--data-dir", d, "dinas", "settings", "--require-sktm", "ya").exit()).isEqualTo(2);

        // a list without a NIK column: refused with the reason, nothing added
        Path noNik = dir.resolve("tanpa-nik.csv");
        Files.writeString(noNik, "Nama;Alamat\nSITI;Jl. Melati\n");
        CliRun refused = CliRun.of(ENV, "--data-dir", d, "dinas", "ledger", "import", noNik.toString());
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.json().path("message").asText()).contains("Tidak ada kolom NIK");
    }

    /** A new account of {@code role}, its first password changed as its first sign-in asks: its environment. */
    /** A district on one PC backs up and restores as a village does: the file named by its kabupaten, the scans with it. */
    @Test
    void aDistrictStoreIsBackedUpAndRestoredOnAnotherPc() throws Exception {
        String d = dir.resolve("dinas").toString();
        Path secret = dir.resolve("32.01.kunci-rahasia");
        Map<String, String> env = new java.util.HashMap<>(ENV);
        env.put("BERKAS_DESA_KEY_PASSWORD", "frasa sandi kunci kantor");
        id.berkasdesa.keys.SecretKeyFile.write(secret, id.berkasdesa.dinas.VillageBundles.DISTRICT,
                "frasa sandi kunci kantor".toCharArray());
        assertThat(CliRun.of(env, "--data-dir", d, "dinas", "init", "--kabupaten", "32.01", "--office",
                "Dinas Sosial Kabupaten Bogor", "--admin", "Kabid", "--key", secret.toString()).exit()).isZero();
        assertThat(CliRun.of(ENV, "--data-dir", d, "dinas", "inbox", id.berkasdesa.dinas.VillageBundles.stick().toString())
                .exit()).isZero();
        Path stick = Files.createDirectories(dir.resolve("flashdisk-cadangan"));
        CliRun backup = CliRun.child(ENV, "--data-dir", d, "backup", "--to", stick.toString());
        assertThat(backup.exit()).as(backup.out() + backup.err()).isZero();
        Path file = Path.of(backup.json().path("file").asText());
        assertThat(file.getFileName().toString()).startsWith("cadangan_3201_");

        Path newPc = dir.resolve("pc-baru");
        CliRun restored = CliRun.child(ENV, "--data-dir", newPc.toString(), "restore", file.toString());
        assertThat(restored.exit()).as(restored.out() + restored.err()).isZero();
        assertThat(json(CliRun.child(ENV, "--data-dir", newPc.toString(), "dinas", "requests"))).hasSize(6);
        CliRun check = CliRun.child(ENV, "--data-dir", newPc.toString(), "check");
        assertThat(check.json().path("problems")).as("the scans came with it").isEmpty();
    }

    private static Map<String, String> officer(String d, String name, String role, String password) {
        CliRun added = CliRun.of(ENV, "--data-dir", d, "operator", "add", "--name", name, "--role", role);
        assertThat(added.exit()).as(added.out() + added.err()).isZero();
        Map<String, String> first = Map.of("BERKAS_DESA_USER", name, "BERKAS_DESA_PASSWORD", added.json().path("password").asText(),
                "BERKAS_DESA_NEW_PASSWORD", password);
        assertThat(CliRun.of(first, "--data-dir", d, "operator", "password").exit()).isZero();
        return Map.of("BERKAS_DESA_USER", name, "BERKAS_DESA_PASSWORD", password);
    }

    private static String stickBundle(Path stick, String prefix) throws Exception {
        try (var files = Files.list(stick)) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow().toString();
        }
    }

    private static List<JsonNode> json(CliRun run) {
        ObjectMapper m = new ObjectMapper();
        return run.lines().stream().map(l -> {
            try {
                return m.readTree(l);
            } catch (Exception e) {
                throw new AssertionError(l, e);
            }
        }).toList();
    }
}
