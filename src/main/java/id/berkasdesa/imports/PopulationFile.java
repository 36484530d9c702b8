package id.berkasdesa.imports;

import id.berkasdesa.common.Finding;
import id.berkasdesa.household.CodeList;
import id.berkasdesa.imports.PersonRow.Field;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a population file into {@link PersonRow}s: OpenSID's "Format Impor Excel" (columns by
 * header name, any order, not all present, {@code ###} in column B ends a sheet, every sheet but
 * {@code Kode Data}), a SIAK export (columns by position, values as labels) or a CSV with OpenSID's
 * headers. The header is looked for in the first rows, so a title or a blank row above it is fine.
 */
public final class PopulationFile {

    public enum Format {
        OPENSID, SIAK, CSV;

        public static Optional<Format> parse(String text) {
            for (Format f : values()) {
                if (f.name().equalsIgnoreCase(text.strip())) {
                    return Optional.of(f);
                }
            }
            return Optional.empty();
        }
    }

    /** OpenSID's 43 column names, in its template's order. */
    public static final List<String> OPENSID_COLUMNS = List.of("alamat", "dusun", "rw", "rt", "nama", "no_kk", "nik",
            "sex", "tempatlahir", "tanggallahir", "agama_id", "pendidikan_kk_id", "pendidikan_sedang_id",
            "pekerjaan_id", "status_kawin", "kk_level", "warganegara_id", "ayah_nik", "nama_ayah", "ibu_nik", "nama_ibu",
            "golongan_darah_id", "akta_lahir", "dokumen_pasport", "tanggal_akhir_paspor", "dokumen_kitas",
            "akta_perkawinan", "tanggalperkawinan", "akta_perceraian", "tanggalperceraian", "cacat_id", "cara_kb_id",
            "hamil", "ktp_el", "status_rekam", "alamat_sekarang", "status_dasar", "suku", "tag_id_card", "id_asuransi",
            "no_asuransi", "lat", "lng");

    /** The OpenSID columns the register keeps, and what they fill. */
    public static final Map<String, Field> OPENSID_FIELDS;

    static {
        Map<String, Field> m = new LinkedHashMap<>();
        m.put("no_kk", Field.NO_KK);
        m.put("nik", Field.NIK);
        m.put("nama", Field.NAMA);
        m.put("sex", Field.SEX);
        m.put("tempatlahir", Field.TEMPAT_LAHIR);
        m.put("tanggallahir", Field.TANGGAL_LAHIR);
        m.put("agama_id", Field.AGAMA);
        m.put("pendidikan_kk_id", Field.PENDIDIKAN);
        m.put("pekerjaan_id", Field.PEKERJAAN);
        m.put("status_kawin", Field.STATUS_PERKAWINAN);
        m.put("kk_level", Field.SHDK);
        m.put("warganegara_id", Field.KEWARGANEGARAAN);
        m.put("nama_ayah", Field.NAMA_AYAH);
        m.put("nama_ibu", Field.NAMA_IBU);
        m.put("status_dasar", Field.STATUS_DASAR);
        m.put("alamat", Field.ALAMAT);
        m.put("dusun", Field.DUSUN);
        m.put("rt", Field.RT);
        m.put("rw", Field.RW);
        m.put("id_asuransi", Field.ASURANSI);
        OPENSID_FIELDS = Map.copyOf(m);
    }

    /** SIAK's columns by position (0 = column A) and their headers in its template. */
    private static final Map<Integer, Field> SIAK_FIELDS = Map.ofEntries(Map.entry(0, Field.NO_KK),
            Map.entry(1, Field.NIK), Map.entry(2, Field.NAMA), Map.entry(3, Field.STATUS_DASAR),
            Map.entry(4, Field.TEMPAT_LAHIR), Map.entry(5, Field.TANGGAL_LAHIR), Map.entry(6, Field.SEX),
            Map.entry(8, Field.NAMA_AYAH), Map.entry(10, Field.NAMA_IBU), Map.entry(11, Field.STATUS_PERKAWINAN),
            Map.entry(12, Field.SHDK), Map.entry(13, Field.AGAMA), Map.entry(15, Field.DESA), Map.entry(16, Field.ALAMAT),
            Map.entry(17, Field.RW), Map.entry(18, Field.RT), Map.entry(19, Field.PENDIDIKAN), Map.entry(20, Field.PEKERJAAN));
    public static final List<String> SIAK_HEADERS = List.of("Nomor KK", "NIK", "Nama", "Status", "Tempat Lahir",
            "Tanggal Lahir", "Kelamin", "NIK Ayah", "Ayah", "NIK Ibu", "Ibu", "Status Kawin", "SHDK", "Agama",
            "Kecamatan", "Desa/Kel", "Alamat", "RW", "RT", "Pendidikan", "Pekerjaan");

    private static final int HEADER_SEARCH_ROWS = 10;
    private static final Pattern DUSUN = Pattern.compile("(?i)(?:^|\\s)(?:DUSUN|DSN\\.?|DS\\.?)\\s+(.+?)(?=\\s+(?:RT|RW)\\b|,|$)");

    /**
     * What was read.
     *
     * @param columns the file's own name for each field it has, for the problem lines
     * @param ignored the columns read and not kept (OpenSID columns the register has no place for, unknown headers)
     * @param problems about the file as a whole (a sheet without a header, skipped)
     */
    public record Read(Format format, List<PersonRow> rows, Map<Field, String> columns, List<String> ignored,
            List<Problem> problems) {
    }

    private PopulationFile() {
    }

    /**
     * @param format empty: told from the header
     * @param sheet empty: every sheet but {@code Kode Data} (OpenSID) or the first (SIAK)
     * @throws ImportException a file that is not a spreadsheet, or whose header cannot be read
     */
    public static Read read(Path file, Optional<Format> format, Optional<String> sheet) {
        Reading reading = new Reading(format.orElse(null));
        TableFile.Kind kind = TableFile.read(file, names -> {
            if (sheet.isPresent()) {
                if (!names.contains(sheet.get())) {
                    throw new ImportException("import.error.noSheet", sheet.get(), String.join(", ", names));
                }
                return List.of(sheet.get());
            }
            return names.stream().filter(n -> !n.strip().equalsIgnoreCase("Kode Data")).toList();
        }, reading::row);
        if (reading.format == null || reading.columns.isEmpty()) {
            throw new ImportException("import.error.header", TableFile.name(file));
        }
        Format f = reading.format == Format.OPENSID && kind == TableFile.Kind.CSV ? Format.CSV : reading.format;
        return new Read(f, reading.rows, reading.columnNames(), List.copyOf(reading.ignored), reading.problems);
    }

    private static final class Reading {
        Format format;
        final List<PersonRow> rows = new ArrayList<>();
        final List<Problem> problems = new ArrayList<>();
        final Set<String> ignored = new LinkedHashSet<>();
        /** The current sheet's header: column index → field. */
        Map<Integer, Field> columns = new HashMap<>();
        final Map<Field, String> names = new EnumMap<>(Field.class);
        /** One set per distinct set of columns: 80,000 rows share a handful. */
        final Map<Set<Field>, Set<Field>> shared = new HashMap<>();
        String sheet;
        boolean headerFound;
        boolean ended;
        int searched;

        Reading(Format format) {
            this.format = format;
        }

        Map<Field, String> columnNames() {
            return Map.copyOf(names);
        }

        boolean row(TableRow r) {
            if (!r.sheet().equals(sheet)) {
                if (sheet != null && !headerFound) {
                    problems.add(new Problem(sheet, 0, "", Finding.warning("", "import.sheet.noHeader")));
                }
                sheet = r.sheet();
                headerFound = false;
                ended = false;
                searched = 0;
                if (format == Format.SIAK && !rows.isEmpty()) {
                    return false; // SIAK: the first sheet only
                }
            }
            if (ended) {
                return false;
            }
            if (!headerFound) {
                if (r.blank()) {
                    return true;
                }
                if (header(r)) {
                    headerFound = true;
                    return true;
                }
                return ++searched < HEADER_SEARCH_ROWS;
            }
            if (format != Format.SIAK && r.cell(1).stripped().equals("###")) {
                ended = true;
                return false;
            }
            if (r.blank()) {
                return true;
            }
            rows.add(person(r));
            return true;
        }

        /** Whether this row is a header, and which format's. */
        private boolean header(TableRow r) {
            List<String> folded = r.cells().stream().map(c -> c.stripped().toLowerCase(Locale.ROOT)).toList();
            long opensid = folded.stream().filter(OPENSID_COLUMNS::contains).count();
            // SIAK: Nomor KK, NIK, Nama in the first three columns (OpenSID's own names are no_kk, nik, nama, anywhere)
            boolean siak = folded.size() >= 3 && Set.of("nomorkk", "nokk", "no.kk", "nomor_kk")
                    .contains(Cells.fold(folded.get(0))) && Cells.fold(folded.get(1)).equals("nik")
                    && Cells.fold(folded.get(2)).startsWith("nama") && !folded.contains("no_kk");
            if ((format == null || format == Format.OPENSID || format == Format.CSV) && !siak && opensid >= 2
                    && folded.contains("nik") | folded.contains("no_kk")) {
                format = format == null ? Format.OPENSID : format;
                columns = new HashMap<>();
                for (int c = 0; c < folded.size(); c++) {
                    String name = folded.get(c);
                    if (name.isEmpty()) {
                        continue;
                    }
                    Field f = OPENSID_FIELDS.get(name);
                    if (f != null && !columns.containsValue(f)) {
                        columns.put(c, f);
                        names.putIfAbsent(f, name);
                    } else {
                        ignored.add(r.cell(c).stripped());
                    }
                }
                return true;
            }
            if ((format == null || format == Format.SIAK) && (siak || format == Format.SIAK && opensid < 3
                    && folded.stream().anyMatch(s -> Cells.fold(s).equals("nik")))) {
                format = Format.SIAK;
                columns = new HashMap<>(SIAK_FIELDS);
                for (int c = 0; c < folded.size(); c++) {
                    String text = r.cell(c).stripped();
                    Field f = columns.get(c);
                    if (f != null) {
                        names.putIfAbsent(f, text.isEmpty() ? SIAK_HEADERS.get(c) : text);
                    } else if (!text.isEmpty()) {
                        ignored.add(text);
                    }
                }
                return true;
            }
            return false;
        }

        private PersonRow person(TableRow r) {
            List<Finding> problems = new ArrayList<>();
            Map<Field, Cell> cells = new EnumMap<>(Field.class);
            columns.forEach((c, f) -> cells.put(f, r.cell(c)));
            Set<Field> present = EnumSet.noneOf(Field.class);
            present.addAll(cells.keySet());
            String noKk = null;
            if (cells.containsKey(Field.NO_KK)) {
                Cells.Read<Cells.NikValue> k = Cells.nik(cells.get(Field.NO_KK));
                noKk = k.ok() ? (k.value().tanpaNik() ? "0" : k.value().nik()) : null;
                problem(problems, Field.NO_KK, k);
            }
            String nik = null;
            boolean tanpaNik = false;
            if (cells.containsKey(Field.NIK)) {
                Cells.Read<Cells.NikValue> n = Cells.nik(cells.get(Field.NIK));
                if (n.ok()) {
                    nik = n.value().nik();
                    tanpaNik = n.value().tanpaNik();
                }
                problem(problems, Field.NIK, n);
            }
            Integer sex = cells.containsKey(Field.SEX) ? read(problems, Field.SEX, Cells.sex(cells.get(Field.SEX))) : null;
            LocalDate lahir = cells.containsKey(Field.TANGGAL_LAHIR)
                    ? read(problems, Field.TANGGAL_LAHIR, Cells.date(cells.get(Field.TANGGAL_LAHIR))) : null;
            Integer status = cells.containsKey(Field.STATUS_DASAR) && !cells.get(Field.STATUS_DASAR).blank()
                    ? read(problems, Field.STATUS_DASAR, Cells.statusDasar(cells.get(Field.STATUS_DASAR))) : null;
            if (status == null) {
                present.remove(Field.STATUS_DASAR);
            }
            String alamat = text(cells.get(Field.ALAMAT));
            String dusun = text(cells.get(Field.DUSUN));
            if (format == Format.SIAK && alamat != null) {
                Matcher m = DUSUN.matcher(alamat);
                if (m.find()) {
                    dusun = m.group(1).strip();
                    present.add(Field.DUSUN);
                }
            }
            return new PersonRow(r.sheet(), r.row(), shared.computeIfAbsent(present, k -> Set.copyOf(k)), noKk, nik, tanpaNik, text(cells.get(Field.NAMA)), sex,
                    text(cells.get(Field.TEMPAT_LAHIR)), lahir, code(problems, cells, Field.AGAMA, CodeList.AGAMA),
                    code(problems, cells, Field.PENDIDIKAN, CodeList.PENDIDIKAN),
                    code(problems, cells, Field.PEKERJAAN, CodeList.PEKERJAAN),
                    code(problems, cells, Field.STATUS_PERKAWINAN, CodeList.STATUS_PERKAWINAN),
                    code(problems, cells, Field.SHDK, CodeList.SHDK),
                    code(problems, cells, Field.KEWARGANEGARAAN, CodeList.KEWARGANEGARAAN),
                    text(cells.get(Field.NAMA_AYAH)), text(cells.get(Field.NAMA_IBU)), status, alamat, dusun,
                    text(cells.get(Field.RT)), text(cells.get(Field.RW)), text(cells.get(Field.DESA)),
                    cells.containsKey(Field.ASURANSI) && Cells.pbi(cells.get(Field.ASURANSI)), problems);
        }

        private Integer code(List<Finding> problems, Map<Field, Cell> cells, Field f, CodeList list) {
            Cell c = cells.get(f);
            return c == null ? null : read(problems, f, Cells.code(list, c));
        }

        private <T> T read(List<Finding> problems, Field f, Cells.Read<T> read) {
            problem(problems, f, read);
            return read.value();
        }

        private static void problem(List<Finding> problems, Field f, Cells.Read<?> read) {
            if (!read.ok()) {
                problems.add(Finding.error(f.name(), read.problem(), read.args()));
            }
        }

        private static String text(Cell c) {
            if (c == null || c.blank()) {
                return null;
            }
            return c.stripped();
        }
    }
}
