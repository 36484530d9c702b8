package id.berkasdesa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import id.berkasdesa.bundle.BundleStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stick from the command line, both ends: the Dinas Sosial makes its key pair, the village
 * imports the public key and exports (refused before, encrypted after), the district verifies without
 * and with its private key, opens the bundle, signs its answer, and the village applies it — an
 * unsigned answer refused.
 */
class StickCliTest {

    private static final String PASSPHRASE = "frasa sandi dinas sosial bogor";

    @TempDir
    Path dir;

    private CliRun village(Map<String, String> env, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--data-dir";
        all[1] = dir.resolve("desa").toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return CliRun.of(env, all);
    }

    private static Map<String, String> admin() {
        return Map.of("BERKAS_DESA_USER", "admin", "BERKAS_DESA_PASSWORD", "lemari arsip hijau tua");
    }

    private static Map<String, String> key(String passphrase) {
        return Map.of("BERKAS_DESA_KEY_PASSWORD", passphrase);
    }

    @Test
    void fromTheDistrictsKeyToTheVillageApplyingItsSignedAnswer() throws Exception {
        Path office = dir.resolve("dinas");
        Path stick = Files.createDirectories(dir.resolve("flashdisk"));
        assertThat(village(admin(), "demo", "--households", "3", "--ready-requests", "2", "--documents-per-request", "4")
                .exit()).isZero();

        CliRun made = CliRun.of(key(PASSPHRASE), "district-key", "new", "--kabupaten", "32.01", "--office",
                "Dinas Sosial Kabupaten Bogor", "--to", office.toString());
        assertThat(made.exit()).as(made.out() + made.err()).isZero();
        String fingerprint = made.json().get("fingerprint").asText();
        assertThat(fingerprint).matches("[0-9A-Z]{4}(-[0-9A-Z]{4}){3}");
        assertThat(CliRun.of(key("pendek"), "district-key", "new", "--kabupaten", "32.02", "--office", "X", "--to",
                office.toString()).exit()).isEqualTo(1);

        // no district key yet: refused without --plain, nothing on the stick
        CliRun refused = village(admin(), "export", "--to", stick.toString(), "--all-ready");
        assertThat(refused.exit()).as(refused.out() + refused.err()).isEqualTo(1);
        assertThat(refused.json().get("error").asText()).isEqualTo("bundle.error.noDistrictKey");
        assertThat(stick).isEmptyDirectory();

        CliRun imported = village(admin(), "district-key", "import", office.resolve("32.01.kunci-publik").toString());
        assertThat(imported.exit()).as(imported.out() + imported.err()).isZero();
        assertThat(imported.json().get("fingerprint").asText()).isEqualTo(fingerprint);
        assertThat(imported.json().get("importedBy").asText()).isEqualTo("admin");
        CliRun exported = village(admin(), "export", "--to", stick.toString(), "--all-ready");
        assertThat(exported.exit()).as(exported.out() + exported.err()).isZero();
        assertThat(exported.json().get("encrypted").asBoolean()).isTrue();
        Path bundle = Path.of(exported.json().get("file").asText());

        // at the Dinas Sosial
        CliRun outside = CliRun.of(Map.of(), "verify", bundle.toString());
        assertThat(outside.exit()).isZero();
        assertThat(outside.out()).contains("UTUH", "terenkripsi", "32.01.01.9999", fingerprint);
        // the same in a fresh JVM, where no other class has registered Tink's configs first
        CliRun fresh = CliRun.child(Map.of(), "verify", bundle.toString());
        assertThat(fresh.exit()).as(fresh.out() + fresh.err()).isZero();
        assertThat(fresh.out()).contains("UTUH", "terenkripsi", "32.01.01.9999", fingerprint);
        Path secret = office.resolve("32.01.kunci-rahasia");
        assertThat(CliRun.of(key("frasa sandi yang salah"), "verify", bundle.toString(), "--key", secret.toString()).exit())
                .isEqualTo(3);
        CliRun inside = CliRun.of(key(PASSPHRASE), "verify", bundle.toString(), "--key", secret.toString());
        assertThat(inside.exit()).as(inside.out() + inside.err()).isZero();
        assertThat(inside.out()).contains("2 usulan");
        Path opened = dir.resolve("dibuka");
        CliRun open = CliRun.of(key(PASSPHRASE), "open-bundle", bundle.toString(), "--key", secret.toString(), "--to",
                opened.toString());
        assertThat(open.exit()).as(open.out() + open.err()).isZero();
        Path plain = Path.of(open.json().get("file").asText());
        assertThat(CliRun.of(Map.of(), "verify", plain.toString()).out()).contains("UTUH", "2 usulan");

        // the officer fills the decisions in and signs the answer
        List<List<String>> rows = new ArrayList<>();
        try (var zip = new java.util.zip.ZipFile(plain.toFile())) {
            var entry = zip.stream().filter(e -> e.getName().endsWith("data/usulan.csv")).findFirst().orElseThrow();
            List<String> lines = new String(zip.getInputStream(entry).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                    .lines().toList();
            for (String line : lines.subList(1, lines.size())) {
                rows.add(List.of(line.split(",")[0].replace("\uFEFF", ""), "32.01.01.9999", "Disetujui", "Sesuai DTSEN"));
            }
        }
        Path filled = dir.resolve("usulan-diisi.xlsx");
        BundleStore.writeResponse(filled, List.of("ID Usulan", "Kode Desa", "Keputusan", "Alasan"), rows);
        CliRun unsigned = village(admin(), "import-response", filled.toString(), "--yes");
        assertThat(unsigned.exit()).isEqualTo(1);
        assertThat(unsigned.json().get("error").asText()).isEqualTo("response.error.unsigned");
        Path answer = dir.resolve("balasan.zip");
        CliRun signed = CliRun.of(key(PASSPHRASE), "sign-response", filled.toString(), "--bundle", bundle.toString(),
                "--key", secret.toString(), "--to", answer.toString());
        assertThat(signed.exit()).as(signed.out() + signed.err()).isZero();
        CliRun applied = village(admin(), "import-response", answer.toString(), "--yes");
        assertThat(applied.exit()).as(applied.out() + applied.err()).isZero();
        assertThat(applied.out() + applied.err()).contains("Dinas Sosial Kabupaten Bogor");
        CliRun again = village(admin(), "import-response", answer.toString(), "--yes");
        assertThat(again.exit()).as(again.out() + again.err()).isZero(); // done before: not a failure
        assertThat(again.out()).contains("sudah diterapkan sebelumnya");
        try (Stream<Path> left = Files.list(opened)) {
            assertThat(left).containsExactly(plain); // nothing else written at the office
        }
        Map<String, String> none = new HashMap<>();
        assertThat(CliRun.of(none, "open-bundle", bundle.toString(), "--key", secret.toString(), "--to",
                dir.resolve("x").toString()).exit()).isEqualTo(3); // no passphrase given
    }
}
