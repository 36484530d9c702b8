package id.berkasdesa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.berkasdesa.db.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {

    @TempDir
    Path dir;

    /** Who signs in, as an operator's script would say it: demo makes this Administrator on a new folder. */
    private static CliRun run(String... args) {
        return CliRun.of(java.util.Map.of("BERKAS_DESA_USER", "admin", "BERKAS_DESA_PASSWORD", "kata sandi uji baris perintah"),
                args);
    }

    @Test
    void nikPrintsOneJsonObjectPerInputAndExitsOneWhenAnyIsInvalid() throws Exception {
        CliRun r = run("nik", "3201015708850003", "3201 9957 0885 0003", "32010157088");
        assertThat(r.exit()).isEqualTo(1);
        List<String> lines = r.lines();
        assertThat(lines).hasSize(3);
        ObjectMapper json = new ObjectMapper();
        JsonNode valid = json.readTree(lines.get(0));
        assertThat(valid.get("verdict").asText()).isEqualTo("valid");
        assertThat(valid.get("sex").asText()).isEqualTo("P");
        assertThat(valid.get("birthDate").asText()).isEqualTo("17-08-85");
        assertThat(valid.get("kecamatan").asText()).isEqualTo("32.01.01");
        assertThat(valid.get("kecamatanName").asText()).isEqualTo("Cibinong");
        assertThat(valid.get("messages")).isEmpty();
        JsonNode warn = json.readTree(lines.get(1));
        assertThat(warn.get("verdict").asText()).isEqualTo("warn");
        assertThat(warn.get("input").asText()).isEqualTo("3201 9957 0885 0003");
        assertThat(warn.get("kecamatanName").isNull()).isTrue();
        JsonNode invalid = json.readTree(lines.get(2));
        assertThat(invalid.get("verdict").asText()).isEqualTo("invalid");
        assertThat(invalid.get("sex").isNull()).isTrue();
        assertThat(invalid.get("messages").get(0).asText()).contains("16 digit");
        assertThat(run("nik", "3201015708850003").exit()).isZero();
    }

    /** A word that is no command is a usage mistake naming it, with or without --help (it printed help and exited 0). */
    @Test
    void anUnknownCommandIsExitTwoWithItsName() throws Exception {
        for (String[] args : new String[][] {{"EKSPOR", "--help"}, {"EKSPOR"}}) {
            CliRun r = run(args);
            assertThat(r.exit()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.out() + r.err()).contains("EKSPOR").doesNotContain("Pemakaian");
        }
        assertThat(run("--help").exit()).isZero();
    }

    /**
     * Only the command asked for is built (picocli reads every option of every command otherwise): the
     * word after a root option's value is the command, and the help still lists every command.
     */
    @Test
    void theCommandAskedComesAfterTheRootOptionsAndTheHelpStillListsEveryCommand() throws Exception {
        assertThat(BerkasDesaCommand.commandAsked("--data-dir", "nik", "verify", "x.zip")).contains("verify");
        assertThat(BerkasDesaCommand.commandAsked("--lang", "en", "--user", "Rina", "operator", "list")).contains("operator");
        assertThat(BerkasDesaCommand.commandAsked("--data-dir=/data", "--exit-after-shown", "kk", "1")).contains("kk");
        assertThat(BerkasDesaCommand.commandAsked("EKSPOR", "nik")).isEmpty();
        assertThat(BerkasDesaCommand.commandAsked("--help")).isEmpty();
        assertThat(BerkasDesaCommand.commandAsked()).isEmpty();
        BerkasDesaCommand.COMMANDS.forEach((name, command) ->
                assertThat(command.getAnnotation(picocli.CommandLine.Command.class).name()).as(name).isEqualTo(name));

        String help = run("--help").out();
        for (String name : BerkasDesaCommand.COMMANDS.keySet()) {
            assertThat(help).as(name).containsPattern("(?m)^\\s+" + java.util.regex.Pattern.quote(name) + "\\s");
        }
        assertThat(run("--lang", "en", "nik", "3201015708850003").exit()).isZero();
    }

    @Test
    void kkNeverReportsSexOrBirthDate() throws Exception {
        CliRun r = run("kk", "3201011203000001");
        assertThat(r.exit()).isZero();
        JsonNode n = new ObjectMapper().readTree(r.lines().get(0));
        assertThat(n.get("sex").isNull()).isTrue();
        assertThat(n.get("birthDate").isNull()).isTrue();
        assertThat(n.get("verdict").asText()).isEqualTo("valid");
    }

    @Test
    void aKkWhoseDatePartIsNoDateOrWhoseSerialIsZeroIsAWarning() throws Exception {
        CliRun r = run("kk", "5203159999999999", "5203151203800000", "5203151203800001");
        assertThat(r.exit()).as("warnings are not invalid").isZero();
        ObjectMapper json = new ObjectMapper();
        JsonNode noDate = json.readTree(r.lines().get(0));
        assertThat(noDate.get("verdict").asText()).isEqualTo("warn");
        assertThat(noDate.get("messages").get(0).asText()).contains("999999", "bukan tanggal yang ada");
        JsonNode zero = json.readTree(r.lines().get(1));
        assertThat(zero.get("verdict").asText()).isEqualTo("warn");
        assertThat(zero.get("messages").get(0).asText()).contains("0000");
        assertThat(json.readTree(r.lines().get(2)).get("verdict").asText()).isEqualTo("valid");
    }

    @Test
    void everyFailureOfAStoreCommandPrintsAJsonLineWithTheReason() throws Exception {
        assertThat(run("--data-dir", dir.toString(), "demo", "--households", "5").exit()).isZero();
        Path stick = Files.createDirectories(dir.resolveSibling(dir.getFileName() + "-stick"));

        CliRun nothing = run("--data-dir", dir.toString(), "export", "--to", stick.toString(), "--all-ready");
        assertThat(nothing.exit()).isEqualTo(1);
        JsonNode line = new ObjectMapper().readTree(nothing.lines().get(0));
        assertThat(line.get("ok").asBoolean()).isFalse();
        assertThat(line.get("error").asText()).isEqualTo("cli.export.nothingReady");
        assertThat(line.get("message").asText()).startsWith("Tidak ada usulan berstatus Siap kirim")
                .doesNotContain("Centang");
        assertThat(nothing.err()).contains("--request ID");
        try (var files = Files.list(stick)) {
            assertThat(files).isEmpty();
        }

        CliRun unchosen = run("--data-dir", dir.toString(), "export", "--to", stick.toString());
        assertThat(unchosen.exit()).isEqualTo(2);
        assertThat(new ObjectMapper().readTree(unchosen.lines().get(0)).get("error").asText()).isEqualTo("cli.export.choose");

        CliRun full = run("--data-dir", dir.toString(), "demo", "--households", "5");
        assertThat(full.exit()).isEqualTo(2);
        assertThat(new ObjectMapper().readTree(full.lines().get(0)).get("message").asText()).contains("sudah berisi 5 KK");
    }

    @Test
    void demoSaysHowManyOfItsRequestsAreReallyReady() {
        CliRun r = run("--data-dir", dir.toString(), "demo", "--households", "6", "--ready-requests", "2",
                "--documents-per-request", "2");
        assertThat(r.exit()).isZero();
        // two documents (the SKTM and the faskes letter): the sample village takes the central guidance, and says so
        assertThat(r.out()).contains("Pedoman pusat 2026").contains("2 usulan dengan 4 dokumen contoh ditambahkan: 2 Siap kirim, 0 masih Draf");
    }

    @Test
    void demoFillsAnEmptyFolderReproduciblyAndRefusesAFolderWithData() {
        assertThat(run("--data-dir", dir.toString(), "demo", "--households", "25", "--seed", "4").exit()).isZero();
        CliRun again = run("--data-dir", dir.toString(), "demo", "--households", "5");
        assertThat(again.exit()).isEqualTo(2);
        assertThat(again.err()).contains("sudah berisi 25 KK");
    }

    @Test
    void aFolderInUseByTheAppGetsAClearMessage() {
        try (Database open = Database.open(dir)) {
            CliRun r = run("--data-dir", dir.toString(), "demo", "--households", "5");
            assertThat(r.exit()).isEqualTo(2);
            assertThat(r.err()).contains("sudah terbuka di jendela lain");
        }
    }
}
