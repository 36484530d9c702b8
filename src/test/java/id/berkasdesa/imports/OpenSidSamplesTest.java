package id.berkasdesa.imports;

import static org.assertj.core.api.Assertions.assertThat;

import id.berkasdesa.household.Household;
import id.berkasdesa.household.HouseholdRules;
import id.berkasdesa.household.HouseholdSearch;
import id.berkasdesa.imports.PopulationPlan.Confirm;
import id.berkasdesa.village.VillageProfile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files nobody here made: OpenSID's own samples (v2410.0.0, GPL-3.0, see the README beside them),
 * each imported into a store of the village it belongs to, with what a right import reports.
 */
class OpenSidSamplesTest {

    static final VillageProfile SENGGIGI = new VillageProfile("52.01.14.2006", "Senggigi", "Kantor Desa Senggigi",
            "Operator Senggigi", false);

    @TempDir
    Path dir;

    private Path fixture(String name) throws IOException {
        Path out = dir.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("opensid/" + name)) {
            Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
        }
        return out;
    }

    private static ImportStore store(Path dir, VillageProfile village) {
        return new ImportStore(dir, Clock.fixed(ImportStore.TODAY.atTime(10, 0).atZone(ImportStore.JAKARTA).toInstant(),
                ImportStore.JAKARTA), village);
    }

    private static ImportService.Preview preview(ImportStore store, Path file) {
        return store.imports().preview(file, Optional.empty(), Optional.empty(), p -> { });
    }

    private static Map<String, Long> byKey(ImportService.Preview p) {
        return p.problems().stream().collect(Collectors.groupingBy(x -> x.finding().key(), Collectors.counting()));
    }

    /**
     * Desa Senggigi has dusun and RT but no RW ('-' in every row): the whole file comes in, 37 KK and
     * 97 people, with no error; its 97 warnings are real (the sample's birth dates disagree with the
     * NIKs). The register export writes '-' back as OpenSID does, NIK and No. KK as text cells, and
     * that export imported again changes nothing.
     */
    @Test
    void openSidsSampleVillageWithoutRwImportsWhole() throws Exception {
        Path file = fixture("contoh_penduduk.xlsx");
        try (ImportStore store = store(dir.resolve("senggigi"), SENGGIGI)) {
            ImportService.Preview p = preview(store, file);
            assertThat(p.format()).isEqualTo(PopulationFile.Format.OPENSID);
            assertThat(p.plan().households()).isEqualTo(new PopulationPlan.Counts(37, 0, 0));
            assertThat(p.plan().members()).isEqualTo(new PopulationPlan.Counts(97, 0, 0));
            assertThat(p.plan().errors()).isZero();
            assertThat(byKey(p)).isEqualTo(Map.of("nik.birthMismatch", 97L));
            assertThat(p.plan().pending()).isEmpty();

            store.imports().apply(p, Set.of(), x -> { });
            Map<String, Household> register = store.register();
            assertThat(register).hasSize(37);
            assertThat(register.values().stream().mapToInt(h -> h.members().size()).sum()).isEqualTo(97);
            assertThat(register.values()).allSatisfy(h -> assertThat(h.rw()).isEqualTo(HouseholdRules.NO_RW));
            // the list shows them, and the filter "tanpa RW" finds them all
            assertThat(store.wiring.households().search(new HouseholdSearch("", null, HouseholdRules.NO_RW, null, 100)))
                    .hasSize(37);
            assertThat(store.wiring.households().filters().rw()).containsExactly(HouseholdRules.NO_RW);

            Path export = dir.resolve("ekspor-senggigi.xlsx");
            assertThat(store.imports().exportRegister(export, x -> { })).isEqualTo(97);
            Sheet sheet = Sheet.of(export);
            assertThat(sheet.column("rw")).hasSize(97).containsOnly("-");
            for (String column : List.of("nik", "no_kk", "rt", "rw")) {
                assertThat(sheet.textFormatted(column)).as(column + " as text cells (format @)").isTrue();
            }
            assertThat(sheet.textFormatted("nama")).isFalse();

            ImportService.Preview again = preview(store, export);
            assertThat(again.plan().households()).isEqualTo(new PopulationPlan.Counts(0, 0, 37));
            assertThat(again.plan().members()).isEqualTo(new PopulationPlan.Counts(0, 0, 97));
            assertThat(again.plan().nothingToWrite()).isTrue();
        }
    }

    /**
     * SIAK's sample (anonymised: its NIKs start with 10, no province, and end in 0000) is read by
     * position; its statuses are SIAK's own words, "Pindah Dalam Negeri" among them, and every one is
     * recognised — the movers and the dead are not created as new residents, the invalid ones are not
     * imported, and every refusal names its real reason, never "tidak dikenal".
     */
    @Test
    void siaksSampleIsReadAndItsMoversAreRecognised() throws Exception {
        Path file = fixture("format_siak.xls");
        try (ImportStore store = store(dir.resolve("siak"), SENGGIGI)) {
            ImportService.Preview p = store.imports().reconsider(preview(store, file), Set.of(Confirm.OTHER_VILLAGE));
            assertThat(p.format()).isEqualTo(PopulationFile.Format.SIAK);
            assertThat(p.problems()).noneMatch(x -> x.finding().key().equals("import.cell.code"));
            Map<String, Long> keys = byKey(p);
            assertThat(keys).containsEntry("import.row.notLiving", 2L) // row 17 Pindah Dalam Negeri, row 18 Mati
                    .containsEntry("import.row.invalidStatus", 2L)      // rows 4 and 7 Tidak Valid
                    .containsEntry("import.nik.twiceInFile", 2L);       // rows 9 and 11 share a NIK
            assertThat(p.problems()).filteredOn(x -> x.row() == 17).singleElement()
                    .satisfies(x -> assertThat(x.finding().key()).isEqualTo("import.row.notLiving"));
            assertThat(keys).containsEntry("number.province", 12L).containsEntry("nik.serial", 12L);
            assertThat(p.plan().households().created()).isZero(); // no valid NIK in an anonymised file
        }
    }

    /** OpenSID's template: its one example row has an invented NIK, refused with the reason; its macros never run. */
    @Test
    void openSidsTemplateIsReadAndItsInventedNikRefused() throws Exception {
        Path file = fixture("FormatImporExcel.xlsm");
        try (ImportStore store = store(dir.resolve("template"), SENGGIGI)) {
            ImportService.Preview p = store.imports().reconsider(preview(store, file), Set.of(Confirm.OTHER_VILLAGE));
            assertThat(p.format()).isEqualTo(PopulationFile.Format.OPENSID);
            assertThat(p.plan().errors()).isEqualTo(1);
            assertThat(byKey(p)).containsOnlyKeys("number.province", "nik.date");
            assertThat(p.problems()).allSatisfy(x -> assertThat(x.line(id.berkasdesa.common.Messages.indonesian()))
                    .startsWith("Data Penduduk!2 nik:"));
        }
    }

    /** The first sheet of an xlsx the app wrote: each column's values and whether its cells carry the text format. */
    record Sheet(List<String> header, List<Map<String, String>> values, List<Map<String, Boolean>> text) {

        private static final Pattern CELL = Pattern.compile("<c r=\"([A-Z]+)(\\d+)\"(?: s=\"(\\d+)\")?(?: t=\"(\\w+)\")?[^>]*?(?:/>|>(.*?)</c>)");
        private static final Pattern XF = Pattern.compile("<xf [^>]*numFmtId=\"(\\d+)\"");

        static Sheet of(Path xlsx) throws IOException {
            try (ZipFile zip = new ZipFile(xlsx.toFile())) {
                String sheet = read(zip, "xl/worksheets/sheet1.xml");
                String styles = read(zip, "xl/styles.xml");
                String strings = zip.getEntry("xl/sharedStrings.xml") == null ? "" : read(zip, "xl/sharedStrings.xml");
                List<String> shared = new java.util.ArrayList<>();
                Matcher sm = Pattern.compile("<si>.*?<t[^>]*>(.*?)</t>.*?</si>").matcher(strings);
                while (sm.find()) {
                    shared.add(sm.group(1));
                }
                String xfs = styles.substring(styles.indexOf("<cellXfs"));
                List<Integer> formats = new java.util.ArrayList<>();
                Matcher xm = XF.matcher(xfs);
                while (xm.find()) {
                    formats.add(Integer.parseInt(xm.group(1)));
                }
                Map<Integer, String> customText = new java.util.HashMap<>();
                Matcher nf = Pattern.compile("<numFmt numFmtId=\"(\\d+)\" formatCode=\"([^\"]*)\"").matcher(styles);
                while (nf.find()) {
                    customText.put(Integer.parseInt(nf.group(1)), nf.group(2));
                }
                Map<String, String> headerByCol = new java.util.HashMap<>();
                Map<Integer, Map<String, String>> rows = new java.util.TreeMap<>();
                Map<Integer, Map<String, Boolean>> textRows = new java.util.TreeMap<>();
                Matcher m = CELL.matcher(sheet);
                while (m.find()) {
                    int row = Integer.parseInt(m.group(2));
                    String raw = m.group(5) == null ? "" : m.group(5).replaceAll("<[^>]+>", "");
                    String value = "s".equals(m.group(4)) ? shared.get(Integer.parseInt(raw)) : raw;
                    if (row == 1) {
                        headerByCol.put(m.group(1), value);
                        continue;
                    }
                    String name = headerByCol.get(m.group(1));
                    rows.computeIfAbsent(row, r -> new java.util.HashMap<>()).put(name, value);
                    int fmt = m.group(3) == null ? 0 : formats.get(Integer.parseInt(m.group(3)));
                    textRows.computeIfAbsent(row, r -> new java.util.HashMap<>())
                            .put(name, fmt == 49 || "@".equals(customText.get(fmt)));
                }
                return new Sheet(List.copyOf(headerByCol.values()), List.copyOf(rows.values()), List.copyOf(textRows.values()));
            }
        }

        private static String read(ZipFile zip, String name) throws IOException {
            try (InputStream in = zip.getInputStream(zip.getEntry(name))) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }

        List<String> column(String name) {
            return values.stream().map(r -> r.get(name)).filter(java.util.Objects::nonNull).toList();
        }

        /** Whether every data cell of the column is formatted as text. */
        boolean textFormatted(String name) {
            return !text.isEmpty() && text.stream().allMatch(r -> Boolean.TRUE.equals(r.get(name)));
        }
    }
}
