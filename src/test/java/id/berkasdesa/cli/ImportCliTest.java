package id.berkasdesa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.berkasdesa.imports.ImportStore;
import id.berkasdesa.imports.Sheets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * import-population, import-pbi-list and export-register as a shell runs them: the preview's JSON
 * line and problem lines, nothing written without --yes, the export of one village imported by another.
 */
class ImportCliTest {

    private static final String PASSWORD = "lemari arsip hijau tua";

    @TempDir
    Path dir;

    private static CliRun in(Path dataDir, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--data-dir";
        all[1] = dataDir.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return CliRun.of(Map.of("BERKAS_DESA_USER", "admin", "BERKAS_DESA_PASSWORD", PASSWORD), all);
    }

    private static JsonNode json(String line) throws Exception {
        return new ObjectMapper().readTree(line);
    }

    private Path village(String name) {
        Path d = dir.resolve(name);
        CliRun init = in(d, "init", "--village", "32.01.01.1001", "--office", "Kantor Desa Pondok Rajeg", "--admin", "admin");
        assertThat(init.exit()).as(init.out() + init.err()).isZero();
        return d;
    }

    @Test
    void thePreviewIsPrintedAndOnlyYesWritesItAndTheExportMovesTheRegisterToAnotherStore() throws Exception {
        Path desa = village("desa");
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            rows.addAll(ImportStore.family(i));
        }
        rows.get(4).set(5, "30-02-1990");
        Path file = Sheets.xlsx(dir.resolve("opensid.xlsx"), "Data Penduduk", ImportStore.withHeader(rows));

        CliRun preview = in(desa, "import-population", file.toString());
        assertThat(preview.exit()).as(preview.err()).isZero();
        JsonNode counts = preview.json();
        assertThat(counts.get("households").get("new").asInt()).isEqualTo(3);
        assertThat(counts.get("members").get("new").asInt()).isEqualTo(8);
        assertThat(counts.get("errors").asInt()).isEqualTo(1);
        assertThat(preview.lines()).contains("Data Penduduk!6 tanggallahir: tanggal \"30-02-1990\" tidak bisa dibaca atau tidak ada"
                + " di kalender. Tulis sebagai hh-bb-tttt, misalnya 17-08-1980.");
        assertThat(preview.out()).contains("--yes");
        assertThat(in(desa, "import-population", file.toString()).json().get("households").get("new").asInt())
                .as("nothing written without --yes").isEqualTo(3);

        CliRun applied = in(desa, "import-population", file.toString(), "--yes");
        assertThat(applied.exit()).isZero();
        assertThat(applied.out()).contains("Tersimpan: 3 KK");
        assertThat(in(desa, "import-population", file.toString()).json().get("households").get("unchanged").asInt()).isEqualTo(3);

        Path export = dir.resolve("ekspor.xlsx");
        CliRun exported = in(desa, "export-register", "--to", export.toString());
        assertThat(exported.exit()).as(exported.err()).isZero();
        assertThat(exported.json().get("members").asInt()).isEqualTo(8);
        assertThat(exported.err()).contains("PERINGATAN", "TANPA enkripsi"); // the command line says it, as the window does
        Path lain = village("lain");
        assertThat(in(lain, "import-population", export.toString(), "--yes").exit()).isZero();
        JsonNode again = in(lain, "import-population", export.toString()).json();
        assertThat(again.get("members").get("unchanged").asInt()).isEqualTo(8);
        assertThat(again.get("errors").asInt()).isZero();

        assertThat(in(desa, "export-register", "--to", dir.resolve("x.pdf").toString()).exit()).isEqualTo(1);
        CliRun bad = in(desa, "import-population", file.toString(), "--format", "dbf");
        assertThat(bad.exit()).isEqualTo(64);
    }

    @Test
    void thePbiListPrintsItsCountsAndUnmatchedNiksAndMarksWithYes() throws Exception {
        Path desa = village("desa");
        Path file = Sheets.xlsx(dir.resolve("opensid.xlsx"), "Data Penduduk", ImportStore.withHeader(ImportStore.family(1)));
        assertThat(in(desa, "import-population", file.toString(), "--yes").exit()).isZero();
        String nik = (String) ImportStore.family(1).get(0).get(2);
        Path list = Sheets.csv(dir.resolve("bnba.csv"), ";", List.of(Sheets.row("NIK", "NAMA", "KET"),
                Sheets.row(nik, "BUDI 1", ""), Sheets.row("3201010101900001", "ORANG LAIN", "")));

        CliRun noDate = in(desa, "import-pbi-list", list.toString());
        assertThat(noDate.exit()).isEqualTo(1);
        assertThat(noDate.json().get("matched").asInt()).isEqualTo(1);
        assertThat(noDate.json().get("unmatched").asInt()).isEqualTo(1);
        assertThat(noDate.lines()).anySatisfy(l -> assertThat(l).contains("3201010101900001"));
        assertThat(noDate.out()).contains("tanggal nonaktif untuk seluruh daftar");

        CliRun marked = in(desa, "import-pbi-list", list.toString(), "--columns", "nik=NIK,nama=NAMA", "--deleted", "01-10-2026",
                "--yes");
        assertThat(marked.exit()).as(marked.out() + marked.err()).isZero();
        assertThat(marked.out()).contains("1 orang cocok; 1 ditandai");
        assertThat(json(marked.lines().get(0)).get("rows").asInt()).isEqualTo(2);
        assertThat(in(desa, "import-pbi-list", list.toString(), "--deleted", "31-02-2026").exit()).isEqualTo(64);
    }
}
