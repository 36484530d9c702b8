package id.berkasdesa.pbi;

import id.berkasdesa.imports.Cell;
import id.berkasdesa.imports.Cells;
import id.berkasdesa.imports.ImportException;
import id.berkasdesa.imports.TableFile;
import id.berkasdesa.imports.TableRow;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The Dinas Sosial's list of deactivated PBI-JK (BNBA from SIKS-NG/DTSEN) as read: its header row
 * and its data rows. Its headers are not published and differ by kabupaten: the NIK, name, No. KK
 * and date columns are found by the names such lists use, or chosen by the operator.
 */
public final class PbiList {

    /** What each column is, by the list's own header text; null when the list has no such column. */
    public record Columns(String nik, String nama, String noKk, String tanggal) {
        public static final Columns NONE = new Columns(null, null, null, null);

        /** Each of {@code preferred}'s columns that the list has, else this one's. */
        public Columns over(Columns preferred, List<String> headers) {
            return new Columns(pick(preferred.nik, nik, headers), pick(preferred.nama, nama, headers),
                    pick(preferred.noKk, noKk, headers), pick(preferred.tanggal, tanggal, headers));
        }

        private static String pick(String preferred, String found, List<String> headers) {
            return preferred != null && headers.contains(preferred) ? preferred : found;
        }
    }

    static final Set<String> NIK = id.berkasdesa.adminduk.Nik.COLUMN_NAMES;
    static final Set<String> NAMA = Set.of("nama", "namalengkap", "namaart", "namapeserta", "namapenerima", "namaanggota");
    static final Set<String> NO_KK = Set.of("nokk", "nomorkk", "nomorkartukeluarga", "kk", "nomorkartukeluarga(kk)");
    private static final int HEADER_SEARCH_ROWS = 20;

    private final List<String> headers;
    private final int headerRow;
    private final List<TableRow> rows;
    private final String sheet;

    private PbiList(String sheet, List<String> headers, int headerRow, List<TableRow> rows) {
        this.sheet = sheet;
        this.headers = headers;
        this.headerRow = headerRow;
        this.rows = rows;
    }

    public List<String> headers() {
        return headers;
    }

    public List<TableRow> rows() {
        return rows;
    }

    public String sheet() {
        return sheet;
    }

    public int headerRow() {
        return headerRow;
    }

    /**
     * Reads the first sheet (or {@code sheet}). The header is the first row, among the first 20, with a
     * NIK column (or a column of {@code remembered}); titles above it are skipped.
     */
    public static PbiList read(Path file, Optional<String> sheet, Columns remembered) {
        List<TableRow> all = new ArrayList<>();
        String[] first = {null};
        TableFile.read(file, names -> {
            if (sheet.isPresent()) {
                if (!names.contains(sheet.get())) {
                    throw new ImportException("import.error.noSheet", sheet.get(), String.join(", ", names));
                }
                return List.of(sheet.get());
            }
            return names.isEmpty() ? names : List.of(names.get(0));
        }, r -> {
            if (first[0] == null) {
                first[0] = r.sheet();
            }
            all.add(r);
            return true;
        });
        int header = -1;
        for (int i = 0; i < Math.min(all.size(), HEADER_SEARCH_ROWS) && header < 0; i++) {
            for (Cell c : all.get(i).cells()) {
                String f = key(c.text());
                if (NIK.contains(f) || remembered.nik() != null && c.stripped().equals(remembered.nik())) {
                    header = i;
                    break;
                }
            }
        }
        if (header < 0) {
            // no NIK column by name: the first filled row is the header, the operator chooses the column
            for (int i = 0; i < all.size() && header < 0; i++) {
                if (!all.get(i).blank()) {
                    header = i;
                }
            }
        }
        if (header < 0) {
            throw new ImportException("import.error.empty", TableFile.name(file));
        }
        List<String> headers = new ArrayList<>();
        for (Cell c : all.get(header).cells()) {
            headers.add(c.stripped());
        }
        List<TableRow> data = new ArrayList<>(all.subList(header + 1, all.size()));
        data.removeIf(TableRow::blank);
        return new PbiList(first[0], List.copyOf(headers), all.get(header).row(), data);
    }

    /** The columns found by the names such lists use. */
    public Columns recognised() {
        String nik = null;
        String nama = null;
        String noKk = null;
        String tanggal = null;
        for (String h : headers) {
            String f = key(h);
            if (nik == null && NIK.contains(f)) {
                nik = h;
            } else if (nama == null && NAMA.contains(f)) {
                nama = h;
            } else if (noKk == null && NO_KK.contains(f)) {
                noKk = h;
            } else if (tanggal == null && (f.contains("tanggal") || f.startsWith("tgl"))
                    && (f.contains("nonaktif") || f.contains("penonaktifan") || f.contains("hapus") || f.contains("keluar"))) {
                tanggal = h;
            }
        }
        return new Columns(nik, nama, noKk, tanggal);
    }

    public int column(String header) {
        return header == null ? -1 : headers.indexOf(header);
    }

    /** A header compared: letters and digits only, lower case ("NOMOR_INDUK KEPENDUDUKAN" = "nomorindukkependudukan"). */
    static String key(String header) {
        return Cells.fold(header).replace("_", "").replace(".", "").replace("-", "");
    }
}
