package id.berkasdesa.imports;

import id.berkasdesa.common.Finding;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * One person as a population file gives them, read but not yet judged by the KK rules. Fields the
 * file has no column for are null and not in {@code present}: importing never blanks what the
 * register holds because a file left a column out.
 *
 * @param present the fields the file has a column for ({@link Field} names)
 * @param problems what could not be read in this row's cells (errors) or is doubtful (warnings)
 */
public record PersonRow(String sheet, int row, Set<Field> present, String noKk, String nik, boolean tanpaNik,
        String nama, Integer sex, String tempatLahir, LocalDate tanggalLahir, Integer agama, Integer pendidikan,
        Integer pekerjaan, Integer statusPerkawinan, Integer shdk, Integer kewarganegaraan, String namaAyah,
        String namaIbu, Integer statusDasar, String alamat, String dusun, String rt, String rw, String desa,
        boolean pbi, List<Finding> problems) {

    /** The fields of the register a file can fill; the column names differ by format. */
    public enum Field {
        NO_KK, NIK, NAMA, SEX, TEMPAT_LAHIR, TANGGAL_LAHIR, AGAMA, PENDIDIKAN, PEKERJAAN, STATUS_PERKAWINAN, SHDK,
        KEWARGANEGARAAN, NAMA_AYAH, NAMA_IBU, STATUS_DASAR, ALAMAT, DUSUN, RT, RW, DESA, ASURANSI
    }

    public PersonRow {
        present = Set.copyOf(present);
        problems = problems.isEmpty() ? List.of() : List.copyOf(problems);
    }

    public boolean has(Field f) {
        return present.contains(f);
    }

    public boolean hasErrors() {
        return problems.stream().anyMatch(Finding::isError);
    }

    public String where() {
        return sheet + "!" + row;
    }
}
