package id.berkasdesa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.berkasdesa.document.TestFiles;
import id.berkasdesa.household.Household;
import id.berkasdesa.household.Households;
import id.berkasdesa.request.RequestStatus;
import id.berkasdesa.village.VillageProfile;
import id.berkasdesa.wiring.Wiring;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code request new} and {@code document attach}: a village's request scripted end to end — a draft
 * that says what it lacks, the scans attached (one command in a fresh JVM), the request ready to send;
 * and what is refused.
 */
class RequestCliTest {

    private static final String PASSWORD = "kuda lari pagi hijau";
    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    @TempDir
    Path dir;

    /** Pondok Rajeg set up in {@code store} with {@code family} and its Administrator Ani: the environment that signs Ani in. */
    static Map<String, String> village(Path store, Household family, String password) {
        try (Wiring w = Wiring.open(store, Clock.systemDefaultZone())) {
            w.villages().save(new VillageProfile("32.01.01.1001", "PONDOK RAJEG", "Kantor Kelurahan Pondok Rajeg", "Ani", false,
                    "H. Sukarna"));
            w.actAsVillageOperator();
            w.households().save(family, true);
            w.accounts().createFirstAdministrator("Ani", password.toCharArray());
        }
        return Map.of("BERKAS_DESA_USER", "Ani", "BERKAS_DESA_PASSWORD", password);
    }

    @Test
    void aRequestIsMadeItsScansAttachedAndItBecomesReady() throws Exception {
        Path store = dir.resolve("desa");
        Household family = Households.family(23);
        Map<String, String> env = RequestCliTest.village(store, family, PASSWORD);
        String d = store.toString();
        String nik = family.members().get(0).nik();
        LocalDate today = LocalDate.now();

        CliRun made = CliRun.of(env, "--data-dir", d, "request", "new", "--nik", nik, "--deleted-on",
                today.minusDays(40).format(DMY), "--checked-on", today.minusDays(1).format(DMY), "--channel", "mobile-jkn",
                "--urgent", "gagal-ginjal");
        assertThat(made.exit()).as(made.out() + made.err()).isZero();
        JsonNode r = made.json();
        assertThat(r.path("status").asText()).isEqualTo("draf");
        assertThat(r.path("urgent").asBoolean()).isTrue();
        JsonNode documents = null;
        for (JsonNode f : r.path("findings")) {
            if (f.path("rule").asText().equals("documents")) {
                documents = f;
            }
        }
        assertThat(documents).isNotNull();
        assertThat(documents.path("severity").asText()).isEqualTo("error");
        assertThat(documents.path("message").asText()).isNotBlank();
        UUID id = UUID.fromString(r.path("id").asText());

        // the scans, each a command; the first in a fresh JVM
        Path ktp = TestFiles.jpeg(dir.resolve("ktp.jpg"), 800, 500, 1);
        CliRun first = CliRun.child(env, "--data-dir", d, "document", "attach", "--nik", nik, "--kind", "ktp", ktp.toString());
        assertThat(first.exit()).as(first.out() + first.err()).isZero();
        assertThat(first.json().path("kind").asText()).isEqualTo("ktp");
        CliRun kk = CliRun.of(env, "--data-dir", d, "document", "attach", "--nik", nik, "--kind", "kk",
                TestFiles.jpeg(dir.resolve("kk.jpg"), 1000, 700, 2).toString());
        assertThat(kk.exit()).as(kk.out() + kk.err()).isZero();
        CliRun faskes = CliRun.of(env, "--data-dir", d, "document", "attach", "--nik", nik, "--kind", "faskes", "--diagnosis",
                "gagal-ginjal", "--faskes", "RSUD Cibinong", TestFiles.pdf(dir.resolve("faskes.pdf"), 1, null).toString());
        assertThat(faskes.exit()).as(faskes.out() + faskes.err()).isZero();
        // the district asks for an SKTM (the default document set): still a draft until it is there
        try (Wiring w = Wiring.unlock(store, Clock.systemDefaultZone(), "Ani", PASSWORD.toCharArray())) {
            w.accounts().signIn("Ani", PASSWORD.toCharArray());
            assertThat(w.requests().find(id).orElseThrow().status()).isEqualTo(RequestStatus.DRAF);
        }
        CliRun sktm = CliRun.of(env, "--data-dir", d, "document", "attach", "--nik", nik, "--kind", "sktm",
                TestFiles.png(dir.resolve("sktm.png"), 600, 800, 3).toString());
        assertThat(sktm.exit()).as(sktm.out() + sktm.err()).isZero();

        try (Wiring w = Wiring.unlock(store, Clock.systemDefaultZone(), "Ani", PASSWORD.toCharArray())) {
            w.accounts().signIn("Ani", PASSWORD.toCharArray());
            assertThat(w.documents().forHousehold(family.id())).hasSize(4);
            assertThat(w.requests().find(id).orElseThrow().status()).isEqualTo(RequestStatus.SIAP_KIRIM);
        }

        // refused: a NIK nobody here has, a date that is no date, a kind that is no kind, a file that is no scan
        CliRun nobody = CliRun.of(env, "--data-dir", d, "request", "new", "--nik", "3201010101010001");
        assertThat(nobody.exit()).isEqualTo(1);
        assertThat(nobody.json().path("error").asText()).isEqualTo("cli.request.unknownPerson");
        assertThat(CliRun.of(env, "--data-dir", d, "request", "new", "--nik", nik, "--deleted-on", "31-02-2026").exit()).isEqualTo(2);
        assertThat(CliRun.of(env, "--data-dir", d, "document", "attach", "--nik", nik, "--kind", "foto", ktp.toString()).exit())
                .isEqualTo(2);
        Path junk = Files.writeString(dir.resolve("catatan.jpg"), "bukan gambar");
        CliRun refused = CliRun.of(env, "--data-dir", d, "document", "attach", "--nik", nik, "--kind", "lainnya", junk.toString());
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.json().path("message").asText()).isNotBlank();
        try (Wiring w = Wiring.unlock(store, Clock.systemDefaultZone(), "Ani", PASSWORD.toCharArray())) {
            w.accounts().signIn("Ani", PASSWORD.toCharArray());
            assertThat(w.documents().forHousehold(family.id())).hasSize(4);
        }
    }
}
