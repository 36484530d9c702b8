package id.berkasdesa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.berkasdesa.household.Household;
import id.berkasdesa.household.Households;
import id.berkasdesa.village.VillageProfile;
import id.berkasdesa.wiring.Wiring;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code letter issue|list|cancel|verify} as a person runs them; the keyless verify in a fresh JVM. */
class LetterCliTest {

    @TempDir
    Path dir;
    private static final String PASSWORD = "kuda lari pagi hijau";

    @Test
    void aLetterIsIssuedListedCheckedAnywhereAndCancelled() throws Exception {
        Path store = dir.resolve("desa");
        Household family = Households.family(23);
        Map<String, String> env = RequestCliTest.village(store, family, PASSWORD);
        String nik = family.members().get(0).nik();
        Path pdf = dir.resolve("sktm.pdf");

        CliRun issued = CliRun.of(env, "--data-dir", store.toString(), "letter", "issue", "--type", "sktm", "--nik", nik,
                "--to", pdf.toString());
        assertThat(issued.exit()).as(issued.out() + issued.err()).isZero();
        String number = issued.json().path("number").asText();
        assertThat(number).startsWith("401/001/3201011001/");
        assertThat(issued.err()).contains("data pribadi"); // a PDF in clear: said on the command line too
        assertThat(CliRun.of(env, "--data-dir", store.toString(), "letter", "list").lines()).singleElement()
                .satisfies(l -> assertThat(l).contains(number, "\"status\":\"TERBIT\""));

        // anyone with the app, no data folder, a fresh JVM: the signature holds, the key is named
        CliRun anywhere = CliRun.child(Map.of(), "letter", "verify", pdf.toString());
        assertThat(anywhere.exit()).as(anywhere.out() + anywhere.err()).isZero();
        assertThat(anywhere.json().path("valid").asBoolean()).isTrue();
        assertThat(anywhere.json().path("signer").asText()).matches("[0-9A-Z]{4}(-[0-9A-Z]{4}){3}");

        // with the data folder: genuine; a character changed: forged
        CliRun here = CliRun.of(env, "--data-dir", store.toString(), "letter", "verify", pdf.toString());
        assertThat(here.exit()).isZero();
        assertThat(here.json().path("reason").asText()).startsWith("ASLI");
        String qr = id.berkasdesa.letter.LetterService.readPdf(Files.readAllBytes(pdf)).orElseThrow().text();
        CliRun forged = CliRun.of(env, "--data-dir", store.toString(), "letter", "verify", "--qr", qr.replace("|SKTM|", "|SKTM_KELUARGA|"));
        assertThat(forged.exit()).isEqualTo(1);
        assertThat(forged.json().path("reason").asText()).startsWith("PALSU");

        // cancelled: its number stays, the check says so
        CliRun cancel = CliRun.of(env, "--data-dir", store.toString(), "letter", "cancel", number, "--reason", "Salah nama");
        assertThat(cancel.exit()).isZero();
        JsonNode after = CliRun.of(env, "--data-dir", store.toString(), "letter", "verify", pdf.toString()).json();
        assertThat(after.path("valid").asBoolean()).isFalse();
        assertThat(after.path("reason").asText()).startsWith("DIBATALKAN");

        // bad input: an unknown type (usage, exit 2), a file that is no letter, a person not in the register
        assertThat(CliRun.of(env, "--data-dir", store.toString(), "letter", "issue", "--type", "surat", "--nik", nik).exit())
                .isEqualTo(2);
        Path notLetter = Files.writeString(dir.resolve("bukan.pdf"), "%PDF-1.4 bukan surat");
        CliRun junk = CliRun.of(Map.of(), "letter", "verify", notLetter.toString());
        assertThat(junk.exit()).isEqualTo(1);
        assertThat(junk.json().path("error").asText()).isEqualTo("letter.error.notLetter");
        CliRun nobody = CliRun.of(env, "--data-dir", store.toString(), "letter", "issue", "--type", "sktm", "--nik", "3201010101010001");
        assertThat(nobody.exit()).isEqualTo(1);
        assertThat(nobody.json().path("error").asText()).isEqualTo("letter.error.unknownPerson");
        assertThat(CliRun.of(env, "--data-dir", store.toString(), "letter", "list").lines()).hasSize(1);
    }
}
