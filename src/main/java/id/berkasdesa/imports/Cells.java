package id.berkasdesa.imports;

import id.berkasdesa.household.CodeList;
import id.berkasdesa.common.DateText;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the cells of a village's spreadsheet mean, whatever program last saved them: a NIK Excel
 * turned into a number, dates as Excel's day count or as {@code dd-mm-yyyy} text, codes as numbers or
 * as their labels ("SLTA / SEDERAJAT"). Plain Java, no file access: the property tests drive it.
 */
public final class Cells {

    /** How a cell was read: the value, or the message key of what is wrong with it (and its arguments). */
    public record Read<T>(T value, String problem, Object... args) {
        static <T> Read<T> of(T value) {
            return new Read<>(value, null);
        }

        static <T> Read<T> bad(String problem, Object... args) {
            return new Read<>(null, problem, args);
        }

        public boolean ok() {
            return problem == null;
        }
    }

    /** A NIK cell: {@code nik} null with {@code tanpaNik} for OpenSID's {@code 0} ("no NIK yet"). */
    public record NikValue(String nik, boolean tanpaNik) {
    }

    private static final Pattern EXPONENT = Pattern.compile("\\d+([.,]\\d+)?[eE]\\+?\\d+");
    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);
    /** 31-12-9999, Excel's last day. */
    private static final long MAX_SERIAL = 2_958_465;

    private Cells() {
    }

    /**
     * A NIK (or No. KK) cell. A number with 16 digits ending in 0, or written with an exponent
     * ({@code 3.20101E+15}), is what Excel leaves of a NIK typed into a number cell: it keeps 15
     * significant digits, so the last is lost. Those are refused with the way to fix them.
     */
    public static Read<NikValue> nik(Cell cell) {
        String t = cell.stripped();
        if (t.isEmpty()) {
            return Read.of(new NikValue("", false));
        }
        if (cell.number()) {
            if (t.equals("0")) {
                return Read.of(new NikValue(null, true));
            }
            if (t.contains(".") || t.length() > 16 || t.length() == 16 && t.endsWith("0")) {
                return Read.bad("import.cell.nikNumber", t);
            }
            return Read.of(new NikValue(t, false));
        }
        if (EXPONENT.matcher(t).matches()) {
            return Read.bad("import.cell.nikNumber", t);
        }
        String cleaned = cleanNumber(t);
        if (cleaned.equals("0")) {
            return Read.of(new NikValue(null, true));
        }
        return Read.of(new NikValue(cleaned, false));
    }

    /**
     * Drops what Disdukcapil data and pasting leave around a number: spaces (also non-breaking),
     * invisible characters, dots, dashes and Excel's leading apostrophe. Letters stay, for the
     * rules to name.
     */
    public static String cleanNumber(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)
                    || Character.getType(c) == Character.FORMAT || c == '\'' || c == '.' || c == '-' || c == '`') {
                continue;
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /** A date: Excel's day count, {@code dd-mm-yyyy}/{@code dd/mm/yyyy}/{@code dd.mm.yyyy}, or {@code yyyy-mm-dd}. */
    public static Read<LocalDate> date(Cell cell) {
        String t = cell.stripped();
        if (t.isEmpty()) {
            return Read.of(null);
        }
        if (cell.number()) {
            if (!t.matches("\\d+(\\.\\d+)?")) {
                return Read.bad("import.cell.date", t);
            }
            long serial = Long.parseLong(t.contains(".") ? t.substring(0, t.indexOf('.')) : t);
            if (serial < 1 || serial > MAX_SERIAL) {
                return Read.bad("import.cell.date", t);
            }
            return Read.of(EXCEL_EPOCH.plusDays(serial));
        }
        // a date and a time ("12-03-1980 00:00:00"): the date is what counts
        String day = t.contains(" ") ? t.substring(0, t.indexOf(' ')) : t;
        var m = ISO.matcher(day);
        if (m.matches()) {
            try {
                return Read.of(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3))));
            } catch (DateTimeException e) {
                return Read.bad("import.cell.date", t);
            }
        }
        Optional<LocalDate> d = day.matches("\\d{1,2}[-/.]\\d{1,2}[-/.]\\d{4}") ? DateText.parse(day) : Optional.empty();
        return d.map(Read::of).orElseGet(() -> Read.bad("import.cell.date", t));
    }

    /**
     * No spaces and no hyphens, lower case: how OpenSID compares a label ("SLTA / SEDERAJAT" =
     * "slta/sederajat"), and SIAK's "Strata-II" = "STRATA II".
     */
    public static String fold(String label) {
        StringBuilder sb = new StringBuilder(label.length());
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c) && c != '-') {
                sb.append(c);
            }
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    /** A code of one of the KK's lists: a number that is in the list, or one of its labels (or a known other spelling). */
    public static Read<Integer> code(CodeList list, Cell cell) {
        return code(CODES.get(list), list, cell);
    }

    private static Read<Integer> code(Map<String, Integer> byLabel, CodeList list, Cell cell) {
        String t = cell.stripped();
        if (t.isEmpty()) {
            return Read.of(null);
        }
        if (t.matches("\\d+(\\.0+)?")) {
            int code = Integer.parseInt(t.replaceAll("\\.0+$", ""));
            return list == null || list.find(code).isPresent() ? Read.of(code) : Read.bad("import.cell.code", t);
        }
        Integer code = byLabel.get(fold(t));
        return code != null ? Read.of(code) : Read.bad("import.cell.code", t);
    }

    /** Jenis kelamin: 1/2, L/LK/P/PR, "Laki-Laki"/"Perempuan". Code 1 laki-laki, 2 perempuan. */
    public static Read<Integer> sex(Cell cell) {
        String t = cell.stripped();
        if (t.matches("\\d+")) {
            return t.equals("1") || t.equals("2") ? Read.of(Integer.parseInt(t)) : Read.bad("import.cell.code", t);
        }
        return code(SEX, null, cell);
    }

    /** status_dasar: 1 hidup, 2 mati, 3 pindah, 4 hilang, 6 pergi, 9 tidak valid (numbers or labels). */
    public static Read<Integer> statusDasar(Cell cell) {
        String t = cell.stripped();
        if (t.matches("\\d+")) {
            int c = Integer.parseInt(t);
            return STATUS.containsValue(c) ? Read.of(c) : Read.bad("import.cell.code", t);
        }
        return code(STATUS, null, cell);
    }

    /** id_asuransi: whether the cell says the person is a PBI (code 2, "BPJS PENERIMA BANTUAN IURAN"). */
    public static boolean pbi(Cell cell) {
        String t = fold(cell.stripped());
        return t.equals("2") || t.contains("penerimabantuaniuran") || t.equals("pbi") || t.equals("bpjspbi");
    }

    public static final int HIDUP = 1;
    public static final int MATI = 2;
    public static final int PINDAH = 3;
    public static final int TIDAK_VALID = 9;

    private static final Map<String, Integer> SEX = folded(Map.of("L", 1, "LK", 1, "Laki-Laki", 1, "Laki", 1,
            "P", 2, "Pr", 2, "Perempuan", 2, "Wanita", 2));
    /** tweb_status_dasar, and SIAK's own words for a person who moved (OpenSID maps both to pindah). */
    private static final Map<String, Integer> STATUS = folded(Map.of("Hidup", 1, "Mati", 2, "Meninggal", 2, "Pindah", 3,
            "Pindah Dalam Negeri", 3, "Pindah Luar Negeri", 3, "Hilang", 4, "Pergi", 6, "Tidak Valid", 9));
    private static final Map<CodeList, Map<String, Integer>> CODES = new HashMap<>();

    private static Map<String, Integer> folded(Map<String, Integer> labels) {
        Map<String, Integer> m = new HashMap<>();
        labels.forEach((label, code) -> m.put(fold(label), code));
        return Map.copyOf(m);
    }

    private static void also(CodeList list, int code, String... labels) {
        for (String label : labels) {
            CODES.get(list).put(fold(label), code);
        }
    }

    static {
        for (CodeList list : CodeList.values()) {
            Map<String, Integer> m = new HashMap<>();
            for (CodeList.Code c : list.codes()) {
                m.put(fold(c.label()), c.code());
            }
            CODES.put(list, m);
        }
        // OpenSID's reference tables and SIAK's exports spell some codes their own way (OpenSID
        // Data_awal_seeder and Impor_model, v2410.0.0)
        also(CodeList.AGAMA, 3, "Katholik");
        also(CodeList.AGAMA, 5, "Budha");
        also(CodeList.AGAMA, 6, "Konghucu", "Kong Hu Cu");
        also(CodeList.AGAMA, 7, "Kepercayaan Terhadap Tuhan YME / Lainnya", "Kepercayaan", "Lainnya");
        also(CodeList.PENDIDIKAN, 1, "Tidak / Belum Sekolah", "Tidak/Blm Sekolah");
        also(CodeList.PENDIDIKAN, 2, "Belum Tamat SD/Sederajat", "Tidak Tamat SD/Sederajat");
        also(CodeList.PENDIDIKAN, 3, "Tamat SD / Sederajat");
        also(CodeList.PENDIDIKAN, 6, "Diploma I / II");
        also(CodeList.PENDIDIKAN, 7, "Akademi/ Diploma III/S. Muda", "Akademi/Diploma III/S.Muda",
                "Akademi/Diploma III/Sarjana Muda");
        also(CodeList.PENDIDIKAN, 8, "Diploma IV/ Strata I", "Strata I", "Strata-I");
        also(CodeList.PENDIDIKAN, 9, "Strata II", "Strata-II");
        also(CodeList.PENDIDIKAN, 10, "Strata III", "Strata-III");
        also(CodeList.STATUS_PERKAWINAN, 1, "BK");
        also(CodeList.STATUS_PERKAWINAN, 2, "K", "Kawin Tercatat", "Kawin Belum Tercatat");
        also(CodeList.STATUS_PERKAWINAN, 3, "CH", "Cerai Hidup Tercatat", "Cerai Hidup Belum Tercatat");
        also(CodeList.STATUS_PERKAWINAN, 4, "CM", "Cerai Mati Tercatat", "Cerai Mati Belum Tercatat");
        also(CodeList.PEKERJAAN, 54, "Anggota Kabinet Kementerian");
        also(CodeList.SHDK, 1, "Kepala", "KK");
        also(CodeList.SHDK, 3, "Isteri");
        also(CodeList.SHDK, 7, "Orangtua");
        also(CodeList.SHDK, 9, "Famili Lain", "Famili");
        also(CodeList.KEWARGANEGARAAN, 1, "Indonesia", "Warga Negara Indonesia");
        also(CodeList.KEWARGANEGARAAN, 2, "Warga Negara Asing");
    }
}
