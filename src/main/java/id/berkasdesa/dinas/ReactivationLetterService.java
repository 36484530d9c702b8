package id.berkasdesa.dinas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.berkasdesa.common.Sha256;
import id.berkasdesa.common.AtomicFile;
import id.berkasdesa.common.DateText;
import id.berkasdesa.common.Messages;
import id.berkasdesa.db.Database;
import id.berkasdesa.keys.KeyPair;
import id.berkasdesa.surat.LetterNumber;
import id.berkasdesa.surat.LetterPdf;
import id.berkasdesa.surat.LetterQr;
import id.berkasdesa.surat.LetterType;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.jdbi.v3.core.Handle;

/**
 * What the Dinas Sosial issues once a decision is endorsed: a surat keterangan pengaktifan kembali
 * for every approved person (numbered in the office's own series, one a year; its QR signed with the
 * office's key, checkable offline as a village's letters are; a PDF), and the collective
 * recommendation for the BPJS branch or the SIKS-NG entry (a numbered letter and its xlsx annex, the
 * NIK and No. KK as text) covering every letter not yet in one. Each letter is one unit of work: its
 * number taken, its file written, its row recorded, or none of it.
 */
public final class ReactivationLetterService {

    /** A person's letter. */
    public static final String PERSON = "pengaktifan";
    /** A collective recommendation. */
    public static final String COLLECTIVE = "rekomendasi";
    /** The number's format: the archive code 460 (social affairs), the sequence, the kabupaten, the month, the year. */
    static final String FORMAT = "[kode_surat]/[nomor_surat, 3]/[kode_desa]/[bulan_romawi]/[tahun]";
    /**
     * Every column the annex can have: its code (the office's setting names them, {@link
     * DinasService#ANNEX_COLUMNS}) and its heading, in the default order. The official upload columns
     * are not published.
     */
    static final Map<String, String> ANNEX = annexColumns();

    private static Map<String, String> annexColumns() {
        Map<String, String> a = new java.util.LinkedHashMap<>();
        a.put("nik", "NIK");
        a.put("no-kk", "No KK");
        a.put("nama", "Nama");
        a.put("tanggal-lahir", "Tanggal Lahir");
        a.put("kode-desa", "Kode Desa");
        a.put("no-kartu", "No Kartu KIS/BPJS");
        a.put("tanggal-nonaktif", "Tanggal Penonaktifan");
        a.put("kategori", "Kategori Mendesak");
        a.put("faskes", "Faskes");
        a.put("surat-faskes", "Tanggal Surat Faskes");
        a.put("keputusan", "Keputusan");
        a.put("nomor-surat", "Nomor Surat Dinas");
        return java.util.Collections.unmodifiableMap(a);
    }

    /** A letter written. */
    public record Issued(String number, String requestId, String name, Path file) {
    }

    /** A collective recommendation written: its letter, its annex, how many people it covers. */
    public record Collective(String number, Path letter, Path annex, int people) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Database db;
    private final Clock clock;
    private final Supplier<KeyPair> officeKeys;
    private final DinasService dinas;

    public ReactivationLetterService(Database db, Clock clock, Supplier<KeyPair> officeKeys, DinasService dinas) {
        this.db = db;
        this.clock = clock;
        this.officeKeys = officeKeys;
        this.dinas = dinas;
    }

    /** The endorsed approvals that have no letter yet. */
    public int waiting() {
        return db.read(h -> h.createQuery("SELECT COUNT(*) FROM dinas_request WHERE " + WAITING).bind("kind", PERSON)
                .bind("endorsed", DecisionService.ENDORSED).bind("approved", "disetujui").mapTo(Integer.class).one());
    }

    private static final String WAITING = """
            status = :endorsed AND decision = :approved
            AND id NOT IN (SELECT request_id FROM dinas_letter WHERE kind = :kind AND request_id IS NOT NULL)""";

    /**
     * A letter for every endorsed approval that has none, each written into {@code folder} as
     * {@code pengaktifan_<number>.pdf}; a letter whose writing fails leaves nothing and stops the rest.
     */
    public List<Issued> issue(Path folder, Messages m) throws IOException {
        DinasService.Office o = dinas.requireOffice();
        db.require("dinas.letter");
        Files.createDirectories(folder);
        List<Map<String, Object>> waiting = db.read(h -> h.createQuery("SELECT id, nik, no_kk, person_name, kode_desa, endorsed_by, "
                + "columns_json FROM dinas_request WHERE " + WAITING + " ORDER BY kode_desa, id").bind("kind", PERSON).bind("endorsed", DecisionService.ENDORSED)
                .bind("approved", "disetujui").mapToMap().list());
        KeyPair keys = officeKeys.get();
        LocalDate today = LocalDate.now(clock);
        List<Issued> out = new ArrayList<>();
        for (Map<String, Object> r : waiting) {
            String requestId = (String) r.get("id");
            String name = (String) r.get("person_name");
            String nik = (String) r.get("nik");
            JsonNode cols = JSON.readTree((String) r.get("columns_json"));
            out.add(db.write("dinas.letter", h -> {
                int seq = next(h, PERSON, today.getYear());
                String number = LetterNumber.format(FORMAT, LetterType.PENGAKTIFAN_KEMBALI.defaultCode(), seq,
                        o.kabupaten().replace(".", ""), today);
                LetterQr qr = LetterQr.sign(LetterType.PENGAKTIFAN_KEMBALI, number, today, null, o.kabupaten(), name, nik, keys);
                String body = m.get("dinas.letter.body", name == null ? "-" : name, nik, text(r.get("no_kk")),
                        cols.path("Tempat Lahir").asText("-") + ", " + cols.path("Tanggal Lahir").asText("-"),
                        cols.path("Alamat").asText("-"), cols.path("Desa/Kelurahan").asText(text(r.get("kode_desa"))),
                        cols.path("Kecamatan").asText("-"), o.kabupatenName(), cols.path("No Kartu KIS/BPJS").asText("-"),
                        cols.path("Tanggal Penonaktifan").asText("-"));
                byte[] pdf = LetterPdf.render(new LetterPdf.Content(new LetterPdf.Kop(m.get("letter.kop.district", o.kabupatenName()),
                        "", o.officeName(), m.get("dinas.letter.kop", o.kabupaten())), m.get("dinas.letter.title"), number, body,
                        o.kabupatenName() + ", " + DateText.spelled(today), m.get("dinas.letter.signatory", o.officeName()),
                        text(r.get("endorsed_by")), "", qr.text(), m.get("letter.qr.caption"), m.get("letter.page")));
                Path file = folder.resolve("pengaktifan_" + number.replace('/', '-') + ".pdf");
                AtomicFile.write(file, os -> os.write(pdf));
                h.createUpdate("""
                        INSERT INTO dinas_letter (id, kind, number, letter_year, seq, request_id, nik, person_name, kode_desa,
                        issued_on, issued_by, qr_text, pdf_sha256) VALUES (:id, :kind, :number, :year, :seq, :request, :nik, :name,
                        :kode, :on, :by, :qr, :sha)""").bind("id", UUID.randomUUID().toString()).bind("kind", PERSON)
                        .bind("number", number).bind("year", today.getYear()).bind("seq", seq).bind("request", requestId)
                        .bind("nik", nik).bind("name", name).bind("kode", r.get("kode_desa")).bind("on", today)
                        .bind("by", db.session().operator()).bind("qr", qr.text()).bind("sha", Sha256.hex(pdf)).execute();
                db.about("dinasLetter", requestId, List.of("number"));
                return new Issued(number, requestId, name, file);
            }));
        }
        return out;
    }

    /**
     * The collective recommendation: one numbered letter and its xlsx annex (a row per person, the
     * columns of {@link #ANNEX}) for every person's letter not yet in one; empty when there is none.
     */
    public java.util.Optional<Collective> collective(Path folder, Messages m) throws IOException {
        DinasService.Office o = dinas.requireOffice();
        db.require("dinas.letter");
        Files.createDirectories(folder);
        List<Map<String, Object>> rows = db.read(h -> h.createQuery("""
                SELECT l.id AS letter_id, l.number, r.nik, r.no_kk, r.person_name, r.kode_desa, r.decision, r.endorsed_by, r.columns_json
                FROM dinas_letter l JOIN dinas_request r ON r.id = l.request_id
                WHERE l.kind = :kind AND l.collective_id IS NULL ORDER BY r.kode_desa, l.seq""").bind("kind", PERSON).mapToMap().list());
        if (rows.isEmpty()) {
            return java.util.Optional.empty();
        }
        KeyPair keys = officeKeys.get();
        LocalDate today = LocalDate.now(clock);
        List<String> columns = dinas.settings().annexColumns();
        return java.util.Optional.of(db.write("dinas.letter", h -> {
            int seq = next(h, COLLECTIVE, today.getYear());
            String number = LetterNumber.format(FORMAT, LetterType.PENGAKTIFAN_KEMBALI.defaultCode(), seq,
                    o.kabupaten().replace(".", "") + "-R", today);
            String id = UUID.randomUUID().toString();
            LetterQr qr = LetterQr.sign(LetterType.PENGAKTIFAN_KEMBALI, number, today, null, o.kabupaten(), o.officeName(), null, keys);
            StringBuilder people = new StringBuilder();
            int i = 1;
            for (Map<String, Object> r : rows) {
                people.append("  ").append(i++).append(". ").append(text(r.get("person_name"))).append(" (NIK ").append(text(r.get("nik")))
                        .append("), ").append(text(r.get("number"))).append('\n');
            }
            byte[] pdf = LetterPdf.render(new LetterPdf.Content(new LetterPdf.Kop(m.get("letter.kop.district", o.kabupatenName()), "",
                    o.officeName(), m.get("dinas.letter.kop", o.kabupaten())), m.get("dinas.letter.collectiveTitle"), number,
                    m.get("dinas.letter.collectiveBody", rows.size(), o.kabupatenName(), people.toString().stripTrailing()),
                    o.kabupatenName() + ", " + DateText.spelled(today), m.get("dinas.letter.signatory", o.officeName()),
                    signatory(rows), "", qr.text(), m.get("letter.qr.caption"), m.get("letter.page")));
            String base = "rekomendasi_" + number.replace('/', '-');
            Path letter = folder.resolve(base + ".pdf");
            Path annex = folder.resolve(base + "_lampiran.xlsx");
            AtomicFile.write(annex, os -> annex(os, rows, columns, m));
            AtomicFile.write(letter, os -> os.write(pdf));
            h.createUpdate("""
                    INSERT INTO dinas_letter (id, kind, number, letter_year, seq, issued_on, issued_by, qr_text, pdf_sha256)
                    VALUES (:id, :kind, :number, :year, :seq, :on, :by, :qr, :sha)""").bind("id", id).bind("kind", COLLECTIVE)
                    .bind("number", number).bind("year", today.getYear()).bind("seq", seq).bind("on", today)
                    .bind("by", db.session().operator()).bind("qr", qr.text()).bind("sha", Sha256.hex(pdf)).execute();
            for (Map<String, Object> r : rows) {
                h.createUpdate("UPDATE dinas_letter SET collective_id = :c WHERE id = :id").bind("c", id).bind("id", r.get("letter_id"))
                        .execute();
            }
            db.about("dinasLetter", id, List.of("number", "people"));
            return new Collective(number, letter, annex, rows.size());
        }));
    }

    private static void annex(OutputStream os, List<Map<String, Object>> rows, List<String> columns, Messages m) throws IOException {
        Workbook wb = new Workbook(os, "Berkas Desa", "1.0");
        Worksheet ws = wb.newWorksheet(m.get("dinas.letter.annexSheet"));
        for (int c = 0; c < columns.size(); c++) {
            ws.value(0, c, ANNEX.get(columns.get(c)));
            ws.style(0, c).bold().set();
        }
        int row = 1;
        for (Map<String, Object> r : rows) {
            JsonNode cols = JSON.readTree((String) r.get("columns_json"));
            JsonNode faskes = null;
            for (JsonNode d : cols.path("dokumen")) {
                if ("FASKES".equalsIgnoreCase(d.path("jenis").asText())) {
                    faskes = d;
                }
            }
            Map<String, String> values = new java.util.HashMap<>();
            values.put("nik", text(r.get("nik")));
            values.put("no-kk", text(r.get("no_kk")));
            values.put("nama", text(r.get("person_name")));
            values.put("tanggal-lahir", cols.path("Tanggal Lahir").asText(""));
            values.put("kode-desa", text(r.get("kode_desa")));
            values.put("no-kartu", cols.path("No Kartu KIS/BPJS").asText(""));
            values.put("tanggal-nonaktif", cols.path("Tanggal Penonaktifan").asText(""));
            values.put("kategori", cols.path("Kategori Mendesak").asText(""));
            values.put("faskes", faskes == null ? "" : faskes.path("faskes").asText(""));
            values.put("surat-faskes", faskes == null ? "" : faskes.path("tanggal").asText(""));
            values.put("keputusan", m.get("dinas.decision." + text(r.get("decision"))));
            values.put("nomor-surat", text(r.get("number")));
            for (int c = 0; c < columns.size(); c++) {
                ws.value(row, c, values.get(columns.get(c))); // text cells: a NIK stays 16 digits, never 3.2E15
            }
            row++;
        }
        wb.finish();
    }

    /** Who signs a recommendation: the Pengesah who endorsed most of the decisions it covers (the Kabid or Kadis). */
    private static String signatory(List<Map<String, Object>> rows) {
        Map<String, Long> by = rows.stream().collect(java.util.stream.Collectors.groupingBy(r -> text(r.get("endorsed_by")),
                java.util.stream.Collectors.counting()));
        return by.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("");
    }

    /** The next number of {@code kind}'s series in {@code year}, inside the unit of work that takes it. */
    private static int next(Handle h, String kind, int year) {
        return h.createQuery("SELECT COALESCE(MAX(seq), 0) + 1 FROM dinas_letter WHERE kind = :kind AND letter_year = :year")
                .bind("kind", kind).bind("year", year).mapTo(Integer.class).one();
    }

    private static String text(Object v) {
        return v == null ? "" : v.toString();
    }
}
