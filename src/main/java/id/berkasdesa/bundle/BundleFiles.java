package id.berkasdesa.bundle;

import id.berkasdesa.exchange.ExchangeJson;
import id.berkasdesa.exchange.Paket;
import id.berkasdesa.exchange.AuditHead;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import id.berkasdesa.common.Messages;
import id.berkasdesa.common.DateText;
import id.berkasdesa.document.DocumentKind;
import id.berkasdesa.household.CodeList;
import id.berkasdesa.household.Household;
import id.berkasdesa.household.Member;
import id.berkasdesa.request.ReactivationRequest;
import id.berkasdesa.request.RequestForm;
import id.berkasdesa.request.RequestListPdf;
import id.berkasdesa.request.RequestStatus;
import id.berkasdesa.request.RequestSummary;
import id.berkasdesa.village.VillageProfile;
import id.berkasdesa.wilayah.Area;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * The files of a bundle's payload made from its requests: usulan.csv and usulan.xlsx (one row per
 * request, "Keputusan" and "Alasan" left for the Dinas Sosial), keluarga.csv and anggota.csv (the
 * Adminduk data of the households concerned), paket.json (all of it for machines) and
 * surat-pengantar.pdf. Column names and values are fixed Indonesian: they are a file format (see
 * docs/paket.md), not screen text.
 */
final class BundleFiles {

    static final String COL_ID = "ID Usulan";
    static final String COL_KODE_DESA = "Kode Desa";
    static final String COL_NIK = "NIK";
    static final String COL_NAMA = "Nama";
    static final String COL_DECISION = "Keputusan";
    static final String COL_REASON = "Alasan";
    static final List<String> REQUEST_COLUMNS = List.of(COL_ID, "Paket", "Kirim Ulang", COL_KODE_DESA, "Desa/Kelurahan",
            "Kecamatan", "Kabupaten/Kota", "Provinsi", "No KK", COL_NIK, COL_NAMA, "Tempat Lahir", "Tanggal Lahir",
            "Jenis Kelamin", "Hubungan Keluarga", "Alamat", "RT", "RW", "Dusun", "Kode Pos", "No Kartu KIS/BPJS",
            "Tanggal Cek Kepesertaan", "Cara Cek", "Tanggal Penonaktifan", "Batas Reaktivasi", "Sisa Hari", "Jalur",
            "Alasan Usulan", "Prioritas", "Kategori Mendesak", "Terdaftar DTSEN", "Padan Adminduk", "Dokumen KTP",
            "Dokumen KK", "Dokumen SKTM", "Dokumen Faskes", COL_DECISION, COL_REASON);
    static final List<String> HOUSEHOLD_COLUMNS = List.of("No KK", COL_KODE_DESA, "Alamat", "RT", "RW", "Dusun",
            "Kode Pos", "Jumlah Anggota");
    static final List<String> MEMBER_COLUMNS = List.of("No KK", COL_NIK, COL_NAMA, "Jenis Kelamin", "Tempat Lahir",
            "Tanggal Lahir", "Agama", "Pendidikan", "Pekerjaan", "Status Perkawinan", "Hubungan Keluarga",
            "Kewarganegaraan", "Nama Ayah", "Nama Ibu", "Status");

    /**
     * Where the bundle comes from, when, and who made it ({@code operator}: the session's, not the
     * profile's); {@code auditHead} is the audit trail's newest entry when it was made, so that a
     * later truncation or rewrite of the trail shows against what the Dinas Sosial received.
     */
    record Header(UUID id, String name, VillageProfile village, List<Area> path, OffsetDateTime created,
            String appVersion, String operator, AuditHead auditHead) {

        String area(Area.Level level) {
            return path.stream().filter(a -> a.level() == level).map(Area::name).findFirst().orElse("");
        }
    }

    private final Messages messages;
    private final Header header;
    private final List<BundleItem> items;
    private final LocalDate today;

    BundleFiles(Messages messages, Header header, List<BundleItem> items) {
        this.messages = messages;
        this.header = header;
        this.items = items;
        this.today = header.created().toLocalDate();
    }

    /** The rows of usulan.csv and usulan.xlsx, in bundle order (urgent first). */
    List<List<String>> requestRows() {
        List<List<String>> rows = new ArrayList<>();
        for (BundleItem item : items) {
            ReactivationRequest r = item.request();
            RequestForm f = r.form();
            Household h = item.household();
            Member m = item.member();
            rows.add(List.of(r.id().toString(), header.name(), item.resend() ? "Ya" : "Tidak", header.village().kodeDesa(),
                    header.area(Area.Level.DESA_KELURAHAN), header.area(Area.Level.KECAMATAN),
                    header.area(Area.Level.KABUPATEN_KOTA), header.area(Area.Level.PROVINSI), h.noKk(), text(m.nik()),
                    m.nama(), text(m.tempatLahir()), day(m.tanggalLahir()), m.sex() == null ? "" : sex(m),
                    CodeList.SHDK.label(m.shdk()), text(h.alamat()), text(h.rt()), text(h.rw()), text(h.dusun()),
                    text(h.kodePos()), text(f.bpjsNumber()), day(f.checkDate()),
                    f.checkChannel() == null ? "" : messages.get(f.checkChannel().key()), day(f.deletionDate()),
                    day(r.deadline()), r.deadline() == null ? "" : String.valueOf(ChronoUnit.DAYS.between(today, r.deadline())),
                    messages.get(f.route().key()), text(f.reason()), r.urgent() ? "MENDESAK" : "BIASA",
                    f.urgentCategory() == null ? "" : messages.get(f.urgentCategory().key()), yesNo(f.dtsenRegistered()),
                    yesNo(f.adminduksPadan()), item.path(DocumentKind.KTP), item.path(DocumentKind.KK),
                    item.path(DocumentKind.SKTM), item.path(DocumentKind.FASKES), "", ""));
        }
        return rows;
    }

    List<List<String>> householdRows() {
        List<List<String>> rows = new ArrayList<>();
        for (Household h : households()) {
            rows.add(List.of(h.noKk(), header.village().kodeDesa(), text(h.alamat()), text(h.rt()), text(h.rw()),
                    text(h.dusun()), text(h.kodePos()), String.valueOf(h.members().size())));
        }
        return rows;
    }

    List<List<String>> memberRows() {
        List<List<String>> rows = new ArrayList<>();
        for (Household h : households()) {
            for (Member m : h.members()) {
                rows.add(List.of(h.noKk(), text(m.nik()), m.nama(), m.sex() == null ? "" : sex(m), text(m.tempatLahir()),
                        day(m.tanggalLahir()), CodeList.AGAMA.label(m.agama()), CodeList.PENDIDIKAN.label(m.pendidikan()),
                        CodeList.PEKERJAAN.label(m.pekerjaan()), CodeList.STATUS_PERKAWINAN.label(m.statusPerkawinan()),
                        CodeList.SHDK.label(m.shdk()), CodeList.KEWARGANEGARAAN.label(m.kewarganegaraan()),
                        text(m.namaAyah()), text(m.namaIbu()), m.status().name()));
            }
        }
        return rows;
    }

    /** The households of the requests, each once, in bundle order. */
    private Collection<Household> households() {
        Map<UUID, Household> all = new LinkedHashMap<>();
        items.forEach(item -> all.putIfAbsent(item.household().id(), item.household()));
        return all.values();
    }

    /** CSV with a header row, UTF-8 with a byte-order mark so that Excel on Windows shows the names right. */
    static byte[] csv(List<String> columns, List<List<String>> rows) {
        CsvSchema.Builder schema = CsvSchema.builder();
        columns.forEach(schema::addColumn);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        try {
            new CsvMapper().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).writerFor(List.class).with(schema.build().withHeader().withLineSeparator("\r\n"))
                    .writeValues(out).writeAll(rows).close();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    /** Columns that hold numbers with meaning in every digit or leading zero: text in a spreadsheet. */
    static final java.util.Set<String> TEXT_COLUMNS = java.util.Set.of("No KK", COL_NIK, "RT", "RW", "Kode Pos",
            "No Kartu KIS/BPJS", COL_ID, COL_KODE_DESA);

    /**
     * usulan.xlsx, the workbook the officer opens: sheet "Usulan" (the request rows, "Keputusan"
     * offering the three answers), "Keluarga" and "Anggota" (the twins of keluarga.csv and
     * anggota.csv). NIK, No. KK, RT, RW and card numbers are text cells with the text format, so
     * Excel and LibreOffice keep every digit and leading zero, also when the officer edits them.
     */
    byte[] xlsx(List<List<String>> rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "Berkas Desa", null);
        Worksheet ws = sheet(wb, "Usulan", REQUEST_COLUMNS, rows);
        Worksheet families = sheet(wb, "Keluarga", HOUSEHOLD_COLUMNS, householdRows());
        Worksheet members = sheet(wb, "Anggota", MEMBER_COLUMNS, memberRows());
        int decision = REQUEST_COLUMNS.indexOf(COL_DECISION);
        Worksheet lists = wb.newWorksheet("Pilihan");
        List<String> answers = Decision.labels();
        for (int i = 0; i < answers.size(); i++) {
            lists.value(i, 0, answers.get(i));
        }
        ws.range(1, decision, Math.max(1, rows.size()) + 200, decision)
                .validateWithList(lists.range(0, 0, answers.size() - 1, 0));
        ws.width(COL_INDEX_NAMA, 28);
        ws.width(decision, 18);
        ws.width(decision + 1, 40);
        members.width(MEMBER_COLUMNS.indexOf(COL_NAMA), 28);
        families.width(HOUSEHOLD_COLUMNS.indexOf("Alamat"), 30);
        wb.finish();
        return out.toByteArray();
    }

    /** One sheet: a bold frozen header, every value a text cell, identifier columns formatted as text. */
    private static Worksheet sheet(Workbook wb, String name, List<String> columns, List<List<String>> rows) {
        Worksheet ws = wb.newWorksheet(name);
        for (int c = 0; c < columns.size(); c++) {
            ws.value(0, c, columns.get(c));
            ws.style(0, c).bold().fillColor("DDEBF7").set();
        }
        for (int r = 0; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            for (int c = 0; c < row.size(); c++) {
                ws.value(r + 1, c, row.get(c));
                if (TEXT_COLUMNS.contains(columns.get(c))) {
                    ws.style(r + 1, c).format("@").set();
                }
            }
        }
        for (int c = 0; c < columns.size(); c++) {
            if (TEXT_COLUMNS.contains(columns.get(c))) {
                ws.width(c, columns.get(c).equals(COL_ID) ? 38 : 20);
            }
        }
        ws.freezePane(0, 1);
        return ws;
    }

    /** BACA-SAYA.txt: what each file of the bundle is, in Bahasa Indonesia, and which one to open. */
    byte[] readMe() {
        String text = messages.get("bundle.readme", header.village().namaDesa(), header.village().kodeDesa(),
                header.name(), items.size(), DateText.format(today));
        if (header.village().sample()) {
            text = messages.get("bundle.readme.sample") + "\r\n\r\n" + text;
        }
        return text.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static final int COL_INDEX_NAMA = REQUEST_COLUMNS.indexOf(COL_NAMA);

    /** paket.json: the same content for machines, with its schema and version. */
    byte[] json(List<List<String>> requestRows) {
        Paket.Info info = new Paket.Info(header.id().toString(), header.name(), header.created().toString(),
                "Berkas Desa " + header.appVersion(), new Paket.RekamJejak(header.auditHead().seq(), header.auditHead().hash()));
        Paket.Desa desa = new Paket.Desa(header.village().kodeDesa(), header.village().namaDesa(), header.village().namaKantor(),
                header.operator(), header.area(Area.Level.KECAMATAN), header.area(Area.Level.KABUPATEN_KOTA),
                header.area(Area.Level.PROVINSI));
        List<Paket.Usulan> usulan = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            BundleItem item = items.get(i);
            Map<String, String> columns = new LinkedHashMap<>();
            List<String> row = requestRows.get(i);
            for (int c = 0; c < REQUEST_COLUMNS.size(); c++) {
                String col = REQUEST_COLUMNS.get(c);
                if (!col.startsWith("Dokumen ") && !col.equals(COL_DECISION) && !col.equals(COL_REASON)) {
                    columns.put(col, row.get(c));
                }
            }
            List<Paket.Dokumen> docs = new ArrayList<>();
            for (BundleItem.Doc d : item.documents()) {
                docs.add(new Paket.Dokumen(d.document().kind().name(), d.path(),
                        d.document().tanggal() == null ? null : d.document().tanggal().toString(), d.document().faskes(),
                        d.document().diagnosis() == null ? null : d.document().diagnosis().name(), d.document().copyPages(),
                        d.document().copySize()));
            }
            usulan.add(new Paket.Usulan(columns, docs));
        }
        return ExchangeJson.write(new Paket(Paket.SCHEMA, Paket.VERSION, info, header.village().sample() ? Boolean.TRUE : null,
                desa, usulan, rowsAsObjects(HOUSEHOLD_COLUMNS, householdRows()), rowsAsObjects(MEMBER_COLUMNS, memberRows())));
    }

    private static List<Map<String, String>> rowsAsObjects(List<String> columns, List<List<String>> rows) {
        List<Map<String, String>> all = new ArrayList<>();
        for (List<String> row : rows) {
            Map<String, String> o = new LinkedHashMap<>();
            for (int c = 0; c < columns.size(); c++) {
                o.put(columns.get(c), row.get(c));
            }
            all.add(o);
        }
        return all;
    }

    /** surat-pengantar.pdf: the requests, urgent first, and the village head's signature block. */
    byte[] coverLetter() throws IOException {
        List<RequestSummary> rows = new ArrayList<>();
        for (BundleItem item : items) {
            ReactivationRequest r = item.request();
            Household h = item.household();
            rows.add(new RequestSummary(r.id(), h.id(), item.member().nama(), item.member().nik(), h.noKk(), h.rt(), h.rw(),
                    r.form().route(), RequestStatus.TERKIRIM, r.urgent(), r.form().urgentCategory(), r.form().deletionDate(),
                    r.deadline(), 0, header.name(), null, null, null, r.createdAt()));
        }
        VillageProfile v = header.village();
        String kabupaten = header.area(Area.Level.KABUPATEN_KOTA);
        List<String> kop = List.of(messages.get("bundle.letter.kop.government", kabupaten.toUpperCase(java.util.Locale.ROOT)),
                messages.get("bundle.letter.kop.kecamatan", header.area(Area.Level.KECAMATAN).toUpperCase(java.util.Locale.ROOT)),
                v.namaKantor().toUpperCase(java.util.Locale.ROOT),
                messages.get("bundle.letter.kop.code", v.namaDesa(), v.kodeDesa()));
        RequestListPdf.Heading heading = new RequestListPdf.Heading(v.namaDesa(), v.namaKantor(), header.operator(),
                v.namaKepalaDesa(), messages.get("bundle.letter.filter", header.name()), today, messages.get("bundle.letter.title"),
                List.of(messages.get("bundle.letter.number", today.getYear()),
                        messages.get("bundle.letter.attachment", header.name()),
                        messages.get("bundle.letter.subject"), "",
                        messages.get("bundle.letter.to", kabupaten), messages.get("bundle.letter.place"), "",
                        messages.get("bundle.letter.body", items.size(), header.name())),
                kop, v.sample() ? messages.get("bundle.letter.sample") : null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new RequestListPdf(messages).write(rows, heading, out);
        return out.toByteArray();
    }

    private static String sex(Member m) {
        return m.sex().code() == 1 ? "LAKI-LAKI" : "PEREMPUAN";
    }

    private static String day(LocalDate d) {
        return d == null ? "" : Messages.date(d);
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    private static String yesNo(Boolean b) {
        return b == null ? "Tidak diketahui" : b ? "Ya" : "Tidak";
    }
}
