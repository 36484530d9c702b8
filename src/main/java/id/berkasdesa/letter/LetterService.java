package id.berkasdesa.letter;

import id.berkasdesa.surat.LetterException;
import id.berkasdesa.surat.LetterNumber;
import id.berkasdesa.surat.LetterType;
import id.berkasdesa.surat.LetterPdf;
import id.berkasdesa.surat.LetterQr;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.berkasdesa.common.AtomicFile;
import id.berkasdesa.common.Messages;
import id.berkasdesa.db.Database;
import id.berkasdesa.document.DocumentKind;
import id.berkasdesa.document.DocumentService;
import id.berkasdesa.files.DocumentStore;
import id.berkasdesa.household.CodeList;
import id.berkasdesa.common.DateText;
import id.berkasdesa.household.Household;
import id.berkasdesa.household.HouseholdService;
import id.berkasdesa.household.Member;
import id.berkasdesa.household.MemberStatus;
import id.berkasdesa.keys.KeyPair;
import id.berkasdesa.settings.SettingsStore;
import id.berkasdesa.village.VillageProfile;
import id.berkasdesa.village.VillageService;
import id.berkasdesa.wilayah.Area;
import id.berkasdesa.wilayah.Wilayah;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Letters the village issues: made from the register and a template, numbered by the register of
 * numbers in the same unit of work that archives them (a unique constraint makes a number given twice
 * impossible on either engine), the PDF sealed in the document store, the QR signed with the village
 * key. An SKTM also becomes the person's SKTM document. A cancelled letter keeps its number.
 */
public final class LetterService {

    /** Settings (not texts). */
    static final String FORMAT = "surat.format";
    static final String CODE = "surat.kode.";
    static final String ONE_SEQUENCE = "surat.satuUrutan";
    static final String VALID_MONTHS = "surat.berlakuBulan";
    static final String TEMPLATE = "surat.template.";
    static final String SIGNER_NAME = "surat.an.nama";
    static final String SIGNER_TITLE = "surat.an.jabatan";
    static final String SIGNER_NIP = "surat.an.nip";
    /** Beside the store: the last number given per sequence, so a restored older store never gives one again. */
    static final String HIGH_WATER = "surat-nomor-terakhir.json";
    /** Made when first needed: checking a letter (a static call) does not wait for Jackson. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    private final Database db;
    private final HouseholdService households;
    private final DocumentService documents;
    private final VillageService villages;
    private final SettingsStore settings;
    private final Wilayah wilayah;
    private final Clock clock;
    private final Supplier<KeyPair> villageKeys;
    private final Messages messages;

    public LetterService(Database db, HouseholdService households, DocumentService documents, VillageService villages,
            SettingsStore settings, Wilayah wilayah, Clock clock, Supplier<KeyPair> villageKeys) {
        this.db = db;
        this.households = households;
        this.documents = documents;
        this.villages = villages;
        this.settings = settings;
        this.wilayah = wilayah;
        this.clock = clock;
        this.villageKeys = villageKeys;
        this.messages = Messages.indonesian();
    }

    /** The office's choices for letters; every one has a default. */
    public record Settings(String format, Map<LetterType, String> codes, boolean oneSequence, int validMonths,
            Map<LetterType, String> templates, String signerName, String signerTitle, String signerNip) {

        public String code(LetterType t) {
            return codes.getOrDefault(t, t.defaultCode());
        }

        public String template(LetterType t) {
            return templates.get(t);
        }
    }

    public Settings settings() {
        Map<String, String> s = settings.read("surat.");
        Map<LetterType, String> codes = new LinkedHashMap<>();
        Map<LetterType, String> templates = new LinkedHashMap<>();
        for (LetterType t : LetterType.VILLAGE) {
            codes.put(t, s.getOrDefault(CODE + t.cli(), t.defaultCode()));
            templates.put(t, s.getOrDefault(TEMPLATE + t.cli(), messages.get("letter.template." + t.cli())));
        }
        int months;
        try {
            months = Math.max(1, Math.min(12, Integer.parseInt(s.getOrDefault(VALID_MONTHS, "1"))));
        } catch (NumberFormatException e) {
            months = 1;
        }
        return new Settings(s.getOrDefault(FORMAT, LetterNumber.DEFAULT_FORMAT), codes,
                Boolean.parseBoolean(s.getOrDefault(ONE_SEQUENCE, "false")), months, templates,
                s.getOrDefault(SIGNER_NAME, ""), s.getOrDefault(SIGNER_TITLE, ""), s.getOrDefault(SIGNER_NIP, ""));
    }

    /** What is wrong with {@code s}: the number format or a letter's text; empty when it can be saved. */
    public Optional<LetterException> problem(Settings s) {
        Optional<LetterException> format = LetterNumber.problem(s.format());
        if (format.isPresent()) {
            return format;
        }
        for (LetterType t : LetterType.VILLAGE) {
            if (s.template(t) == null || s.template(t).isBlank() || s.template(t).length() > 7000) {
                return Optional.of(new LetterException("letter.error.templateLength", messages.get(t.key())));
            }
            List<String> unknown = LetterTemplate.unknownFields(s.template(t));
            if (!unknown.isEmpty()) {
                return Optional.of(new LetterException("letter.error.unknownField", "[" + unknown.get(0) + "]"));
            }
        }
        return Optional.empty();
    }

    /** Saves the office's choices (Administrator), refused whole when the format or a template is wrong. */
    public void saveSettings(Settings s) {
        problem(s).ifPresent(e -> {
            throw e;
        });
        Map<String, String> values = new LinkedHashMap<>();
        values.put(FORMAT, s.format());
        values.put(ONE_SEQUENCE, Boolean.toString(s.oneSequence()));
        values.put(VALID_MONTHS, Integer.toString(s.validMonths()));
        values.put(SIGNER_NAME, s.signerName().strip());
        values.put(SIGNER_TITLE, s.signerTitle().strip());
        values.put(SIGNER_NIP, s.signerNip().strip());
        for (LetterType t : LetterType.VILLAGE) {
            values.put(CODE + t.cli(), s.code(t).strip());
            values.put(TEMPLATE + t.cli(), s.template(t));
        }
        settings.write(values);
    }

    /** A letter as the register of numbers keeps it. */
    public record Letter(UUID id, LetterType type, String number, LocalDate issuedOn, LocalDate validUntil,
            String subjectName, String purpose, String status, String cancelReason, String pdfSha256, String qrText,
            String issuedBy, UUID householdId, UUID memberId) {

        public boolean cancelled() {
            return "BATAL".equals(status);
        }
    }

    /** What a letter would print: the filled text and who signs (the preview shows it before anything is numbered). */
    public record Draft(LetterType type, Household household, Member member, String purpose, LocalDate issuedOn,
            LocalDate validUntil, String title, String body, String signatoryTitle, String signatoryName, String signatoryNip,
            Map<String, String> values) {
    }

    /**
     * The letter for {@code memberId} of {@code householdId}, made but not numbered: everything checked
     * that can be checked before a number is given.
     *
     * @throws LetterException with what is wrong and how to fix it
     */
    public Draft draft(LetterType type, UUID householdId, UUID memberId, String purpose) {
        VillageProfile v = villages.profile().orElseThrow(() -> new LetterException("letter.error.noVillage"));
        Household h = households.load(householdId).orElseThrow(() -> new LetterException("letter.error.unknownPerson"));
        Member m = h.members().stream().filter(x -> x.id().equals(memberId)).findFirst()
                .orElseThrow(() -> new LetterException("letter.error.unknownPerson"));
        if (m.status() != MemberStatus.AKTIF) {
            throw new LetterException("letter.error.notActive", m.nama(),
                    messages.get("member.status.short." + m.status().name()).toLowerCase(java.util.Locale.ROOT));
        }
        if (purpose == null || purpose.isBlank()) {
            throw new LetterException("letter.error.purpose");
        }
        if (purpose.length() > 300) {
            throw new LetterException("letter.error.purposeLong");
        }
        Settings s = settings();
        LetterNumber.problem(s.format()).ifPresent(e -> {
            throw e;
        });
        LocalDate today = LocalDate.now(clock);
        LocalDate validUntil = type.countsAsSktm() ? today.plusMonths(s.validMonths()) : null;
        boolean lurah = v.namaKantor().toLowerCase(java.util.Locale.ROOT).contains("kelurahan");
        String headTitle = (lurah ? "Lurah " : "Kepala Desa ") + title(v.namaDesa()).replaceFirst("^(Desa|Kelurahan) ", "");
        String signatoryTitle = s.signerName().isBlank() ? headTitle : "a.n. " + headTitle + "\n" + s.signerTitle();
        String signatoryName = s.signerName().isBlank() ? v.namaKepalaDesa() : s.signerName();
        if (signatoryName.isBlank()) {
            throw new LetterException("letter.error.noSignatory");
        }
        Map<String, String> values = values(v, h, m, purpose.strip(), today, validUntil, headTitle);
        String body = LetterTemplate.fill(s.template(type), values);
        return new Draft(type, h, m, purpose.strip(), today, validUntil, messages.get("letter.title." + type.cli()), body,
                signatoryTitle, signatoryName, s.signerName().isBlank() ? "" : s.signerNip(), values);
    }

    /** The page as it will print, without a number yet (for the preview); the QR is a placeholder. */
    public byte[] preview(Draft d) {
        try {
            return LetterPdf.render(content(d, messages.get("letter.preview.number"), "BD1|PRATINJAU"));
        } catch (IOException e) {
            throw new LetterException("letter.error.pdf");
        }
    }

    /** An issued letter: its number, id, the PDF's SHA-256 and bytes, until when it is valid. */
    public record Issued(UUID id, String number, String sha256, LocalDate validUntil, byte[] pdf) {
    }

    /** Issues {@code d}: numbered, signed, archived, in one unit of work; an SKTM then counts as the person's SKTM. */
    public Issued issue(Draft d) {
        db.require("letter.issue");
        Settings s = settings();
        VillageProfile v = villages.profile().orElseThrow(() -> new LetterException("letter.error.noVillage"));
        KeyPair keys = villageKeys.get();
        // one sequence per kode surat (types that share a code share its numbers), or one for all
        String scope = s.oneSequence() ? "SEMUA" : "KODE " + s.code(d.type());
        int year = d.issuedOn().getYear();
        DocumentStore store = new DocumentStore(db.dataDir(), db.storeKey());
        UUID id = UUID.randomUUID();
        int[] given = {0};
        Issued issued = db.write("letter.issue", h -> {
            int seq = Math.max(h.createQuery("SELECT COALESCE(MAX(seq), 0) FROM letter WHERE seq_scope = :s AND seq_year = :y")
                    .bind("s", scope).bind("y", year).mapTo(Integer.class).one(), highWater(scope, year)) + 1;
            String number = LetterNumber.format(s.format(), s.code(d.type()), seq, v.kodeDesaDigits(), d.issuedOn());
            // a format without the code or the year can print a number another sequence gave: never twice
            while (h.createQuery("SELECT COUNT(*) FROM letter WHERE letter_number = :n").bind("n", number).mapTo(Integer.class).one() > 0) {
                number = LetterNumber.format(s.format(), s.code(d.type()), ++seq, v.kodeDesaDigits(), d.issuedOn());
            }
            given[0] = seq;
            String finalNumber = number;
            LetterQr qr = LetterQr.sign(d.type(), finalNumber, d.issuedOn(), d.validUntil(), v.kodeDesaDigits(), d.member().nama(),
                    d.member().nik(), keys);
            byte[] pdf;
            try {
                pdf = LetterPdf.render(content(d, number, qr.text()));
            } catch (IOException e) {
                throw new LetterException("letter.error.pdf");
            }
            DocumentStore.Staged staged = store.stage(pdf, number);
            store.place(staged);
            h.createUpdate("""
                    INSERT INTO letter (id, letter_type, seq_scope, seq_year, seq, letter_number, issued_on, valid_until,
                        household_id, member_id, subject_name, nik_hash, purpose, data_json, signatory_name, signatory_title,
                        pdf_sha256, qr_text, status, issued_by, issued_at)
                    VALUES (:id, :type, :scope, :year, :seq, :number, :issued, :valid, :household, :member, :name, :nikHash,
                        :purpose, :data, :signer, :signerTitle, :sha, :qr, 'TERBIT', :by, :at)""")
                    .bind("id", id).bind("type", d.type().name()).bind("scope", scope).bind("year", year).bind("seq", seq)
                    .bind("number", number).bind("issued", d.issuedOn()).bind("valid", d.validUntil())
                    .bind("household", d.household().id()).bind("member", d.member().id()).bind("name", d.member().nama())
                    .bind("nikHash", qr.nikHash()).bind("purpose", d.purpose()).bind("data", json(d.values()))
                    .bind("signer", d.signatoryName()).bind("signerTitle", d.signatoryTitle()).bind("sha", staged.sha256())
                    .bind("qr", qr.text()).bind("by", db.session().operator()).bind("at", OffsetDateTime.now(clock))
                    .execute();
            db.about("letter", id, "number", "type", "member");
            return new Issued(id, number, staged.sha256(), d.validUntil(), pdf);
        });
        remember(scope, year, given[0]);
        if (d.type().countsAsSktm()) {
            byte[] pdf = issued.pdf();
            documents.attachInputs(new DocumentService.Attach(d.household().id(), d.member().id(), DocumentKind.SKTM,
                    "SKTM " + issued.number(), d.issuedOn(), null, null),
                    List.of(new DocumentService.Input("SKTM " + issued.number() + ".pdf", () -> new ByteArrayInputStream(pdf))));
        }
        return issued;
    }

    private static final String COLUMNS = """
            SELECT id, letter_type, letter_number, issued_on, valid_until, subject_name, purpose, status, cancel_reason,
                pdf_sha256, qr_text, issued_by, household_id, member_id FROM letter""";

    /** The letters issued, newest first; {@code year} and {@code type} narrow them when given. */
    public List<Letter> list(Integer year, LetterType type) {
        // only the conditions asked for: a null parameter in "? IS NULL" has no type PostgreSQL can infer
        List<String> where = new ArrayList<>();
        if (year != null) {
            where.add("seq_year = :year");
        }
        if (type != null) {
            where.add("letter_type = :type");
        }
        String sql = COLUMNS + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY issued_at DESC, seq DESC";
        return db.read(h -> {
            org.jdbi.v3.core.statement.Query q = h.createQuery(sql);
            if (year != null) {
                q.bind("year", year);
            }
            if (type != null) {
                q.bind("type", type.name());
            }
            return q.map(LetterService::letter).list();
        });
    }

    /** The letter numbered {@code number}, if this store issued one (one indexed lookup, not the whole list). */
    public Optional<Letter> byNumber(String number) {
        String n = number == null ? "" : number.strip();
        return db.read(h -> h.createQuery(COLUMNS + " WHERE letter_number = :n").bind("n", n)
                .map(LetterService::letter).findFirst());
    }

    private static Letter letter(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx)
            throws java.sql.SQLException {
        return new Letter(rs.getObject(1, UUID.class), LetterType.valueOf(rs.getString(2)), rs.getString(3),
                rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class), rs.getString(6), rs.getString(7),
                rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12),
                rs.getObject(13, UUID.class), rs.getObject(14, UUID.class));
    }

    /** Cetak ulang: the bytes archived when it was issued, the same every time. */
    public byte[] pdf(Letter l) {
        return new DocumentStore(db.dataDir(), db.storeKey()).read(l.pdfSha256());
    }

    /**
     * The office's buku agenda: every letter of {@code year} (all when null) as an .xlsx sheet — date,
     * number, type, name, purpose, validity, status, reason for cancelling, who issued it. Holds names.
     *
     * @return how many letters were written
     */
    public int exportAgenda(Integer year, Path target) throws IOException {
        List<Letter> all = new ArrayList<>(list(year, null));
        java.util.Collections.reverse(all); // oldest first, as the book is kept
        AtomicFile.write(target, out -> {
            org.dhatim.fastexcel.Workbook wb = new org.dhatim.fastexcel.Workbook(out, "Berkas Desa", null);
            org.dhatim.fastexcel.Worksheet ws = wb.newWorksheet("Buku agenda surat");
            List<String> columns = List.of("Tanggal", "Nomor", "Jenis", "Nama", "Keperluan", "Berlaku sampai", "Status",
                    "Alasan batal", "Diterbitkan oleh");
            for (int c = 0; c < columns.size(); c++) {
                ws.value(0, c, columns.get(c));
                ws.style(0, c).bold().set();
            }
            int r = 1;
            for (Letter l : all) {
                List<String> row = List.of(DateText.format(l.issuedOn()), l.number(), messages.get(l.type().key()), l.subjectName(),
                        l.purpose(), l.validUntil() == null ? "" : DateText.format(l.validUntil()),
                        l.cancelled() ? "Batal" : "Terbit", l.cancelReason() == null ? "" : l.cancelReason(), l.issuedBy());
                for (int c = 0; c < row.size(); c++) {
                    ws.value(r, c, row.get(c));
                }
                r++;
            }
            wb.finish();
        });
        return all.size();
    }

    /** Marks the letter numbered {@code number} Batal with {@code reason}; its number is never given again. */
    public Letter cancel(String number, String reason) {
        db.require("letter.cancel");
        if (reason == null || reason.isBlank()) {
            throw new LetterException("letter.error.reason");
        }
        Letter l = byNumber(number).orElseThrow(() -> new LetterException("letter.error.unknownNumber", number));
        if (l.cancelled()) {
            throw new LetterException("letter.error.alreadyCancelled", l.number());
        }
        db.write("letter.cancel", h -> {
            h.createUpdate("UPDATE letter SET status = 'BATAL', cancel_reason = :r WHERE id = :id")
                    .bind("r", reason.strip()).bind("id", l.id()).execute();
            db.about("letter", l.id(), "status");
            return null;
        });
        return byNumber(number).orElseThrow();
    }

    /** What checking a letter found: valid or not, the message key saying why, and this store's record of it if any. */
    public record Check(boolean valid, String reason, LetterQr qr, Optional<Letter> here) {
    }

    /** Checks {@code qr} on its own: the signature and the date; whose key it is the caller says (see {@link #check}). */
    public static Check checkAlone(LetterQr qr, LocalDate today) {
        if (!qr.signatureHolds()) {
            return new Check(false, "letter.verify.forged", qr, Optional.empty());
        }
        if (qr.validUntil() != null && today.isAfter(qr.validUntil())) {
            return new Check(false, "letter.verify.expired", qr, Optional.empty());
        }
        return new Check(true, "letter.verify.signedUnknown", qr, Optional.empty());
    }

    /** Checks {@code qr} against this village's key and its register of numbers. */
    public Check check(LetterQr qr) {
        Check alone = checkAlone(qr, LocalDate.now(clock));
        if (!qr.signatureHolds()) {
            return alone;
        }
        String ours = villageKeys.get().publicKeys().signingKeyText();
        boolean ourVillage = villages.profile().map(p -> p.kodeDesaDigits().equals(qr.village())).orElse(false);
        if (!qr.key().equals(ours)) {
            return new Check(false, ourVillage ? "letter.verify.otherKey" : "letter.verify.otherVillage", qr, Optional.empty());
        }
        Optional<Letter> here = byNumber(qr.number());
        if (here.isEmpty()) {
            return new Check(alone.valid(), alone.valid() ? "letter.verify.notHere" : alone.reason(), qr, here);
        }
        Letter l = here.get();
        if (l.type() != qr.type() || !l.issuedOn().equals(qr.issued())) {
            return new Check(false, "letter.verify.forged", qr, here);
        }
        if (l.cancelled()) {
            return new Check(false, "letter.verify.cancelled", qr, here);
        }
        return new Check(alone.valid(), alone.valid() ? "letter.verify.valid" : alone.reason(), qr, here);
    }

    /** The QR text a letter PDF carries, when it is one of ours. */
    public static Optional<LetterQr> readPdf(byte[] pdf) {
        Optional<LetterQr> quick = LetterPdf.qrText(pdf).flatMap(LetterQr::parse);
        if (quick.isPresent()) {
            return quick;
        }
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            return LetterQr.parse(doc.getDocumentInformation().getCustomMetadataValue(LetterPdf.QR_KEY));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private LetterPdf.Content content(Draft d, String number, String qrText) {
        VillageProfile v = villages.profile().orElseThrow();
        String district = area(v, 5).map(n -> messages.get("letter.kop.district", n)).orElse("");
        String kecamatan = area(v, 8).map(n -> messages.get("letter.kop.kecamatan", n)).orElse("");
        return new LetterPdf.Content(new LetterPdf.Kop(district, kecamatan, v.namaKantor(), messages.get("letter.kop.code", v.kodeDesa())),
                d.title(), number, d.body(), title(v.namaDesa()) + ", " + DateText.spelled(d.issuedOn()), d.signatoryTitle(),
                d.signatoryName(), d.signatoryNip(), qrText, messages.get("letter.qr.caption"), messages.get("letter.page"));
    }

    private Map<String, String> values(VillageProfile v, Household h, Member m, String purpose, LocalDate today,
            LocalDate validUntil, String headTitle) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("nama", m.nama());
        values.put("nik", m.nik() == null || m.nik().isBlank() ? "-" : m.nik());
        values.put("no_kk", h.noKk());
        values.put("tempat_lahir", m.tempatLahir());
        values.put("tanggal_lahir", m.tanggalLahir() == null ? "-" : DateText.spelled(m.tanggalLahir()));
        values.put("jenis_kelamin", m.sex() == null ? "-" : messages.get("sex." + m.sex().name()));
        values.put("agama", CodeList.AGAMA.label(m.agama()));
        values.put("pekerjaan", CodeList.PEKERJAAN.label(m.pekerjaan()));
        String rtRw = "RT " + h.rt() + (h.rw() == null || h.rw().isBlank() ? "" : " RW " + h.rw());
        values.put("alamat", String.join(", ", List.of(h.alamat() == null ? "" : h.alamat(), rtRw,
                h.dusun() == null ? "" : h.dusun(), title(v.namaDesa())).stream().filter(x -> !x.isBlank()).toList()));
        values.put("rt", h.rt());
        values.put("rw", h.rw());
        values.put("dusun", h.dusun());
        values.put("kepala_keluarga", h.members().stream().filter(Member::isHead).map(Member::nama).findFirst().orElse("-"));
        List<String> family = new ArrayList<>();
        int i = 1;
        for (Member x : h.members()) {
            if (x.isActive()) {
                family.add("  " + i++ + ". " + x.nama() + " (NIK " + (x.nik() == null || x.nik().isBlank() ? "-" : x.nik()) + "), "
                        + CodeList.SHDK.label(x.shdk()));
            }
        }
        values.put("anggota_keluarga", String.join("\n", family));
        values.put("dtsen", "-");
        values.put("desa", title(v.namaDesa()));
        values.put("kecamatan", area(v, 8).orElse("-"));
        values.put("kabupaten", area(v, 5).orElse("-"));
        values.put("keperluan", purpose);
        values.put("berlaku_sampai", validUntil == null ? "-" : DateText.spelled(validUntil));
        values.put("tanggal_surat", DateText.spelled(today));
        values.put("jabatan", headTitle);
        return values;
    }

    /** The name of the area whose code is the first {@code length} characters of the village's (5: the district, 8: the kecamatan). */
    private Optional<String> area(VillageProfile v, int length) {
        return v.kodeDesa().length() < length ? Optional.empty()
                : wilayah.find(v.kodeDesa().substring(0, length)).map(Area::name).map(LetterService::title);
    }

    /** "PONDOK RAJEG" → "Pondok Rajeg" (area names come in capitals). */
    static String title(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        boolean start = true;
        for (char c : s.toLowerCase(java.util.Locale.ROOT).toCharArray()) {
            b.append(start ? Character.toUpperCase(c) : c);
            start = c == ' ' || c == '-' || c == '(' || c == '.';
        }
        return b.toString();
    }

    private static String json(Map<String, String> values) {
        try {
            String s = Json.MAPPER.writeValueAsString(values);
            return s.length() > 8000 ? s.substring(0, 8000) : s;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    // --- the last number given per sequence, outside the store ---

    private Path highWaterFile() {
        return db.dataDir().resolve(HIGH_WATER);
    }

    private synchronized int highWater(String scope, int year) {
        return readHighWater().getOrDefault(scope + "|" + year, 0);
    }

    private synchronized Map<String, Integer> readHighWater() {
        Path f = highWaterFile();
        if (!Files.exists(f)) {
            return new TreeMap<>();
        }
        try {
            return new TreeMap<>(Json.MAPPER.readValue(Files.readAllBytes(f), new TypeReference<Map<String, Integer>>() { }));
        } catch (IOException e) {
            return new TreeMap<>(); // damaged: the store's own numbers still hold (the unique constraint)
        }
    }

    private synchronized void remember(String scope, int year, int seq) {
        Map<String, Integer> m = readHighWater();
        m.merge(scope + "|" + year, seq, Math::max);
        try {
            AtomicFile.writePrivate(highWaterFile(), out -> out.write(Json.MAPPER.writeValueAsBytes(m)));
        } catch (IOException e) {
            org.slf4j.LoggerFactory.getLogger(LetterService.class).warn("letters: the last number could not be kept beside the store");
        }
    }
}
