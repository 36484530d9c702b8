package id.berkasdesa.imports;

import id.berkasdesa.common.AtomicFile;
import id.berkasdesa.household.Household;
import id.berkasdesa.household.Member;
import id.berkasdesa.household.MemberStatus;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleConsumer;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * The register as OpenSID's "Format Impor Excel" (sheet {@code Data Penduduk}, its 43 columns), so a
 * village can take its data to OpenSID, or as a CSV with the same columns. One row per member (the
 * KK's address on each, as OpenSID wants it). NIK and No. KK are written as text, never as numbers.
 * Written whole or not at all.
 */
public final class RegisterExport {

    public enum Kind { XLSX, CSV }

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy", Locale.ROOT);
    private static final int FLUSH_EVERY = 2_000;

    private RegisterExport() {
    }

    public static Kind kindOf(Path target) {
        String name = TableFile.name(target).toLowerCase(Locale.ROOT);
        if (name.endsWith(".xlsx")) {
            return Kind.XLSX;
        }
        if (name.endsWith(".csv")) {
            return Kind.CSV;
        }
        throw new ImportException("export.error.kind", TableFile.name(target));
    }

    /** Columns written with Excel's text format "@", so that no digit or leading zero is lost when edited. */
    static final java.util.Set<String> TEXT_COLUMNS = java.util.Set.of("nik", "no_kk", "rt", "rw");

    /** @return the number of member rows written */
    public static int write(Map<String, Household> register, Path target, DoubleConsumer progress) {
        Kind kind = kindOf(target);
        List<Household> ordered = new ArrayList<>(register.values());
        ordered.sort(Comparator.comparing(Household::rw).thenComparing(Household::rt).thenComparing(Household::noKk));
        int total = ordered.stream().mapToInt(h -> h.members().size()).sum();
        int[] written = {0};
        try {
            AtomicFile.write(target, out -> {
                if (kind == Kind.XLSX) {
                    Workbook wb = new Workbook(out, "Berkas Desa", null);
                    Worksheet ws = wb.newWorksheet("Data Penduduk");
                    List<String> columns = PopulationFile.OPENSID_COLUMNS;
                    for (int c = 0; c < columns.size(); c++) {
                        ws.value(0, c, columns.get(c));
                        ws.style(0, c).bold().set();
                    }
                    int r = 1;
                    for (Household h : ordered) {
                        for (Member m : h.members()) {
                            List<String> row = row(h, m);
                            for (int c = 0; c < row.size(); c++) {
                                if (!row.get(c).isEmpty()) {
                                    ws.value(r, c, row.get(c));
                                }
                                if (TEXT_COLUMNS.contains(columns.get(c))) {
                                    // the text format: a corrected NIK typed into the cell keeps its 16 digits (OpenSID #10324)
                                    ws.style(r, c).format("@").set();
                                }
                            }
                            r++;
                            if (++written[0] % FLUSH_EVERY == 0) {
                                ws.flush();
                                progress.accept((double) written[0] / Math.max(1, total));
                            }
                        }
                    }
                    wb.finish();
                } else {
                    Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
                    // the byte order mark makes Excel read the file as UTF-8
                    w.write('\uFEFF');
                    CsvMapper mapper = new CsvMapper();
                    mapper.disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                    try (SequenceWriter csv = mapper.writerFor(String[].class)
                            .with(CsvSchema.emptySchema().withLineSeparator("\r\n")).writeValues(w)) {
                        csv.write(PopulationFile.OPENSID_COLUMNS.toArray(String[]::new));
                        for (Household h : ordered) {
                            for (Member m : h.members()) {
                                csv.write(row(h, m).toArray(String[]::new));
                                written[0]++;
                            }
                        }
                    }
                    w.flush();
                }
            });
        } catch (IOException e) {
            throw new ImportException("export.error.write", e, TableFile.name(target));
        }
        progress.accept(1);
        return written[0];
    }

    /** One member's row, in {@link PopulationFile#OPENSID_COLUMNS} order; "" where the register has nothing. */
    static List<String> row(Household h, Member m) {
        List<String> v = new ArrayList<>(PopulationFile.OPENSID_COLUMNS.size());
        for (String column : PopulationFile.OPENSID_COLUMNS) {
            v.add(switch (column) {
                case "alamat" -> h.alamat();
                case "dusun" -> nz(h.dusun());
                case "rw" -> h.rw();
                case "rt" -> h.rt();
                case "nama" -> m.nama();
                case "no_kk" -> h.noKk();
                case "nik" -> m.tanpaNik() ? "0" : m.nik();
                case "sex" -> String.valueOf(m.sex().code());
                case "tempatlahir" -> m.tempatLahir();
                case "tanggallahir" -> DATE.format(m.tanggalLahir());
                case "agama_id" -> code(m.agama());
                case "pendidikan_kk_id" -> code(m.pendidikan());
                case "pekerjaan_id" -> code(m.pekerjaan());
                case "status_kawin" -> code(m.statusPerkawinan());
                case "kk_level" -> code(m.shdk());
                case "warganegara_id" -> code(m.kewarganegaraan());
                case "nama_ayah" -> nz(m.namaAyah());
                case "nama_ibu" -> nz(m.namaIbu());
                case "status_dasar" -> m.status() == MemberStatus.AKTIF ? "1" : m.status() == MemberStatus.MENINGGAL ? "2" : "3";
                default -> "";
            });
        }
        return v;
    }

    private static String code(Integer code) {
        return code == null ? "" : String.valueOf(code);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

}
