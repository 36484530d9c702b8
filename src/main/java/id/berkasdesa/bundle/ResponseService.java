package id.berkasdesa.bundle;

import id.berkasdesa.common.Sha256;
import id.berkasdesa.exchange.Balasan;
import id.berkasdesa.exchange.ExchangeJson;
import id.berkasdesa.exchange.Paket;
import id.berkasdesa.exchange.BagReader;
import id.berkasdesa.exchange.SealedBundle;
import id.berkasdesa.exchange.BundleException;
import id.berkasdesa.exchange.Progress;

import id.berkasdesa.imports.ImportException;
import id.berkasdesa.imports.TableFile;
import id.berkasdesa.imports.TableRow;
import id.berkasdesa.common.Finding;
import id.berkasdesa.db.Database;
import id.berkasdesa.document.Document;
import id.berkasdesa.document.DocumentKind;
import id.berkasdesa.document.DocumentService;
import id.berkasdesa.files.FileType;
import id.berkasdesa.keys.PublicKeys;
import id.berkasdesa.request.ReactivationRequest;
import id.berkasdesa.request.RequestService;
import id.berkasdesa.request.RequestStatus;
import id.berkasdesa.village.VillageProfile;
import id.berkasdesa.village.VillageService;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Reads the Dinas Sosial's response — the bundle's usulan.xlsx with "Keputusan" and "Alasan" filled
 * in, or a response bag with balasan.json and letters — into a preview of every change, and applies
 * it in one transaction. Importing the same response twice changes nothing the second time: a
 * decision only moves a request that is still Terkirim; one already recorded is counted as such.
 */
public final class ResponseService {

    private static final long MAX_LETTER = 20L << 20;

    /** One request that the response moves. */
    public record Change(UUID id, String nik, String nama, RequestStatus before, RequestStatus after, String reason,
            String letter) {
    }

    /** A row not applied, and why (a message key with its arguments). */
    public record Skipped(String row, String who, Finding finding) {

        Skipped(String row, String who, String key, Object... args) {
            this(row, who, Finding.error("row." + row, key, args));
        }

        public String key() {
            return finding.key();
        }

        public List<Object> args() {
            return finding.args();
        }
    }

    /**
     * Everything a response would do, for the operator to confirm.
     *
     * @param alreadyRecorded decisions the store already has (a response imported before)
     * @param undecided rows whose "Keputusan" is still empty
     */
    /**
     * @param signedBy the Dinas Sosial that signed the answer (its configured key), or null for an
     *     unsigned one (accepted only before any district key is imported, with a warning)
     */
    /**
     * @param answer the signed answer's id and the bundle it answers (null for an unsigned one)
     * @param letterHashes SHA-256 of every letter as the preview read it: apply attaches exactly those bytes
     */
    public record Preview(Path file, String source, List<Change> changes, List<Skipped> skipped, int alreadyRecorded,
            int undecided, String signedBy, Letters letters, Answered answer, Map<String, String> letterHashes) {
    }

    /** A signed answer: its own id and the bundle it answers; whether it was applied before. */
    public record Answered(String id, UUID bundle, boolean appliedBefore) {
    }

    /** Where the letters of a response bag are read from (the plain bag, or the signed answer decrypted again). */
    public interface Letters {
        BagReader open();
    }

    /** What applying did. */
    public record Applied(int changed, int letters) {
    }

    /** One answered row; {@code nama} and {@code nik} as the file gives them (the bundle's own columns), or null. */
    private record Answer(String row, String id, String kodeDesa, String decision, String reason, String letter,
            String nama, String nik) {

        /** Who the row is about, as an operator recognises them: name and NIK, else the request id. */
        String who() {
            boolean named = nama != null && !nama.isBlank();
            boolean numbered = nik != null && !nik.isBlank();
            if (named && numbered) {
                return nama.strip() + ", NIK " + nik.strip();
            }
            return named ? nama.strip() : numbered ? "NIK " + nik.strip() : id;
        }
    }

    private final Database db;
    private final RequestService requests;
    private final DocumentService documents;
    private final VillageService villages;
    private final Clock clock;

    private final DistrictKeyService districtKeys;
    private final java.util.function.Supplier<id.berkasdesa.keys.KeyPair> villageKeys;

    public ResponseService(Database db, RequestService requests, DocumentService documents, VillageService villages,
            Clock clock, DistrictKeyService districtKeys, java.util.function.Supplier<id.berkasdesa.keys.KeyPair> villageKeys) {
        this.districtKeys = districtKeys;
        this.villageKeys = villageKeys;
        this.db = db;
        this.requests = requests;
        this.documents = documents;
        this.villages = villages;
        this.clock = clock;
    }

    /**
     * Reads a response file (.xlsx or a response bag .zip) and says what it would change. Reads only.
     *
     * @throws BundleException the file is not a response, is damaged, lacks columns, is of an
     *         unknown schema, or is for another village
     */
    public Preview read(Path file) {
        VillageProfile village = villages.profile().orElseThrow(() -> new BundleException("bundle.error.noVillage"));
        String name = String.valueOf(file.getFileName());
        java.util.Optional<DistrictKeyService.DistrictKey> district = districtKeys.current();
        if (Files.isRegularFile(file) && SealedBundle.isSealed(file)) {
            return sealed(file, name, village, district);
        }
        if (!Files.isRegularFile(file)) {
            throw new BundleException("bundle.error.noFile", file.getFileName());
        }
        if (district.isPresent()) {
            // a truncated or empty file is damaged, not "unsigned": it says so first
            BagReader.checkZip(file);
            // anyone can make a well-formed spreadsheet: once the key is known, only its signature counts
            throw new BundleException("response.error.unsigned", district.get().keys().name());
        }
        List<Answer> answers;
        Map<String, String> letterHashes = new HashMap<>();
        if (name.toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
            answers = xlsx(file);
        } else {
            try (BagReader reader = BagReader.open(file)) {
                answers = bag(reader, village, letterHashes);
            }
        }
        return preview(file, name, answers, village, null, () -> BagReader.open(file), null, null, letterHashes);
    }

    /** A signed answer: by the configured Dinas Sosial, to a bundle this village sent, encrypted to this village. */
    private Preview sealed(Path file, String name, VillageProfile village,
            java.util.Optional<DistrictKeyService.DistrictKey> district) {
        if (district.isEmpty()) {
            throw new BundleException("response.error.noKey");
        }
        id.berkasdesa.keys.KeyPair mine = villageKeys.get();
        try (SealedBundle.Opened sealed = SealedBundle.open(file, Progress.none())) {
            SealedBundle.Outside o = sealed.outside();
            if (!o.kind().equals("balasan")) {
                throw new BundleException("bundle.error.notResponse");
            }
            if (!o.signer().equals(district.get().keys())) {
                throw new BundleException("response.error.otherSigner", o.signer().name(), o.signer().fingerprint(),
                        district.get().keys().name(), district.get().fingerprint());
            }
            UUID bundle = uuid(o.forBundle());
            if (bundle == null || db.read(h -> h.attach(BundleDao.class).exists(bundle)) == 0) {
                throw new BundleException("response.error.otherBundle");
            }
            Set<UUID> carried = new HashSet<>(db.read(h -> h.attach(BundleDao.class).requestsOf(bundle)));
            Set<UUID> latest = new HashSet<>(db.read(h -> h.attach(BundleDao.class).latestOf(bundle)));
            boolean before = o.id() != null && db.read(h -> h.attach(BundleDao.class).applied(o.id())) > 0;
            byte[] key = sealed.contentKey(mine);
            List<Answer> answers;
            Map<String, String> letterHashes = new HashMap<>();
            if (o.format().equals("xlsx")) {
                if (o.payloadBytes() > BagReader.MAX_SMALL_FILE) {
                    throw new BundleException("bundle.error.bomb", file.getFileName());
                }
                try (InputStream in = sealed.plainStream(key)) {
                    answers = xlsx(in.readNBytes((int) BagReader.MAX_SMALL_FILE), file);
                }
            } else {
                try (BagReader reader = sealed.bag(key)) {
                    answers = bag(reader, village, letterHashes);
                }
            }
            // the letters are read again when applied: the signature is checked again, and each letter must
            // be the very bytes this preview read (a file swapped on the stick since then is refused)
            PublicKeys signer = district.get().keys();
            Letters letters = () -> {
                SealedBundle.Opened again = SealedBundle.open(file, Progress.none());
                try (again) {
                    if (!again.outside().signer().equals(signer) || !String.valueOf(again.outside().id()).equals(
                            String.valueOf(o.id()))) {
                        throw new BundleException("response.error.changedFile", file.getFileName());
                    }
                    return again.bag(again.contentKey(mine));
                } catch (IOException e) {
                    throw new BundleException("sealed.error.damaged", e, file.getFileName());
                }
            };
            return preview(file, name, answers, village, signer.name(), letters, new Carried(carried, latest),
                    new Answered(o.id(), bundle, before), letterHashes);
        } catch (IOException e) {
            throw new BundleException("sealed.error.damaged", e, file.getFileName());
        }
    }

    private static UUID uuid(String s) {
        try {
            return s == null ? null : UUID.fromString(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The requests a bundle carried, and those of them no later bundle carried again. */
    private record Carried(Set<UUID> all, Set<UUID> latest) {
    }

    private Preview preview(Path file, String source, List<Answer> answers, VillageProfile village, String signedBy,
            Letters letters, Carried carried, Answered answered, Map<String, String> letterHashes) {
        List<Change> changes = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        int recorded = 0;
        int undecided = 0;
        int otherVillage = 0;
        String otherCode = null;
        Set<UUID> seen = new HashSet<>();
        for (Answer a : answers) {
            String who = a.who();
            if (a.kodeDesa() != null && !a.kodeDesa().isBlank() && !a.kodeDesa().strip().equals(village.kodeDesa())) {
                otherVillage++;
                otherCode = a.kodeDesa().strip();
                skipped.add(new Skipped(a.row(), who, "response.skip.otherVillage", a.kodeDesa().strip()));
                continue;
            }
            if (a.decision() == null || a.decision().isBlank()) {
                undecided++;
                continue;
            }
            Optional<Decision> decision = Decision.parse(a.decision());
            if (decision.isEmpty()) {
                skipped.add(new Skipped(a.row(), who, "response.skip.decision", a.decision().strip()));
                continue;
            }
            UUID id;
            try {
                id = UUID.fromString(a.id().strip());
            } catch (RuntimeException e) {
                skipped.add(new Skipped(a.row(), who, "response.skip.unknown"));
                continue;
            }
            Optional<ReactivationRequest> found = requests.find(id);
            if (found.isEmpty()) {
                skipped.add(new Skipped(a.row(), who, "response.skip.unknown"));
                continue;
            }
            if (!seen.add(id)) {
                skipped.add(new Skipped(a.row(), who, "response.skip.twice"));
                continue;
            }
            if (carried != null && !carried.all().contains(id)) {
                // signed for one bundle, about a request another bundle carried: not this answer's to decide
                skipped.add(new Skipped(a.row(), who, "response.skip.otherBundle"));
                continue;
            }
            if (carried != null && !carried.latest().contains(id)) {
                // sent again in a newer bundle (after Perbaiki): only the answer to that bundle decides it now
                skipped.add(new Skipped(a.row(), who, "response.skip.newerBundle"));
                continue;
            }
            ReactivationRequest r = found.get();
            RequestService.Start person = requests.start(r.householdId(), r.memberId());
            RequestStatus to = decision.get().status();
            if (r.status() == to) {
                recorded++;
            } else if (r.status() == RequestStatus.TERKIRIM) {
                String reason = a.reason() == null || a.reason().isBlank() ? null : a.reason().strip();
                changes.add(new Change(id, person.nik(), person.nama(), r.status(), to, reason, a.letter()));
            } else {
                skipped.add(new Skipped(a.row(), person.nik() == null ? person.nama() : person.nama() + ", NIK " + person.nik(),
                        "response.skip.status", r.status(), to));
            }
        }
        if (otherVillage > 0 && changes.isEmpty() && recorded == 0 && otherVillage == answers.size() - undecided) {
            throw new BundleException("bundle.error.otherVillage", otherCode, village.kodeDesa());
        }
        return new Preview(file, source, changes, skipped, recorded, undecided, signedBy, letters, answered,
                Map.copyOf(letterHashes));
    }

    /**
     * Applies a preview in one transaction, then attaches the letters that came with it.
     *
     * @throws BundleException a request changed since the preview was made (nothing is applied)
     */
    public Applied apply(Preview preview) {
        db.require("response.import"); // before any file is copied or written: a role that may not, changes nothing
        OffsetDateTime now = OffsetDateTime.now(clock);
        String source = preview.source().length() > 100 ? preview.source().substring(0, 100) : preview.source();
        Map<String, byte[]> letterBytes = letters(preview);
        db.unit("response.import", tx -> {
            db.about("response", source, "status", "reason");
            for (Change c : preview.changes()) {
                if (!requests.applyDecision(tx, c.id(), c.after(), c.reason(), source, now)) {
                    throw new BundleException("bundle.error.changedMeanwhile", c.nama());
                }
            }
            if (preview.answer() != null && preview.answer().id() != null) {
                tx.dao(BundleDao.class).recordApplied(preview.answer().id(), preview.answer().bundle(), now,
                        preview.changes().size());
            }
            return null;
        });
        int letters = 0;
        for (Change c : preview.changes()) {
            if (c.letter() != null && attachLetter(preview, c, letterBytes.get(c.letter()))) {
                letters++;
            }
        }
        return new Applied(preview.changes().size(), letters);
    }

    /**
     * The letters the changes attach, read again and each compared with what the preview read: the
     * file may have been swapped, or the stick may return other bytes. Nothing is applied unless all match.
     */
    private Map<String, byte[]> letters(Preview preview) {
        Map<String, byte[]> out = new HashMap<>();
        List<String> wanted = preview.changes().stream().map(Change::letter).filter(java.util.Objects::nonNull).distinct()
                .toList();
        if (wanted.isEmpty()) {
            return out;
        }
        try (BagReader reader = preview.letters().open()) {
            for (String letter : wanted) {
                byte[] bytes = reader.bytes("data/" + letter, MAX_LETTER);
                if (!Sha256.hex(bytes).equals(preview.letterHashes().get(letter))) {
                    throw new BundleException("response.error.changedFile", preview.file().getFileName());
                }
                out.put(letter, bytes);
            }
        } catch (BundleException e) {
            throw e.key().equals("response.error.changedFile") ? e
                    : new BundleException("response.error.changedFile", e, preview.file().getFileName());
        }
        return out;
    }

    private boolean attachLetter(Preview preview, Change c, byte[] bytes) {
        ReactivationRequest r = requests.find(c.id()).orElse(null);
        if (r == null) {
            return false;
        }
        String label = "Surat Dinas Sosial " + preview.source();
        label = label.length() > 100 ? label.substring(0, 100) : label;
        String finalLabel = label;
        if (documents.forHousehold(r.householdId()).stream().map(Document::label).anyMatch(finalLabel::equals)) {
            return false;
        }
        documents.attachInputs(new DocumentService.Attach(r.householdId(), r.memberId(), DocumentKind.LAINNYA, finalLabel,
                LocalDate.now(clock), null, null), List.of(new DocumentService.Input(c.letter(),
                        () -> new ByteArrayInputStream(bytes))));
        return true;
    }

    // ----- the usulan.xlsx the Dinas Sosial filled in

    private List<Answer> xlsx(Path file) {
        try {
            if (Files.size(file) > BagReader.MAX_SMALL_FILE) {
                throw new BundleException("bundle.error.bomb", file.getFileName());
            }
            BagReader.checkZip(file); // "not a zip" in the answer's words, before the sheet is read
            return xlsx(Files.readAllBytes(file), file);
        } catch (IOException e) {
            throw new BundleException("bundle.error.noFile", e, file.getFileName());
        }
    }

    /** The sheet's rows through the app's one xlsx reader (the same zip checks as every import). */
    private List<Answer> xlsx(byte[] bytes, Path file) {
        List<Answer> answers = new ArrayList<>();
        Map<String, Integer>[] columns = new Map[1];
        try {
            TableFile.readXlsx(bytes, file.getFileName().toString(), row -> {
                if (columns[0] == null) {
                    columns[0] = columns(row);
                    return true;
                }
                String id = cell(row, columns[0].get(BundleFiles.COL_ID));
                String decision = cell(row, columns[0].get(BundleFiles.COL_DECISION));
                if (id.isBlank() && decision.isBlank()) {
                    return true;
                }
                if (answers.size() >= BundleService.MAX_REQUESTS * 5) {
                    throw new BundleException("bundle.error.tooMany", answers.size(), BundleService.MAX_REQUESTS * 5);
                }
                String nama = cell(row, columns[0].get(BundleFiles.COL_NAMA));
                String nik = cell(row, columns[0].get(BundleFiles.COL_NIK));
                answers.add(new Answer(String.valueOf(row.row()), id.isBlank() ? nama : id,
                        columns[0].containsKey(BundleFiles.COL_KODE_DESA) ? cell(row, columns[0].get(BundleFiles.COL_KODE_DESA)) : null,
                        decision, cell(row, columns[0].get(BundleFiles.COL_REASON)), null, nama, nik));
                return true;
            });
        } catch (ImportException e) {
            throw new BundleException("import.error.bomb".equals(e.key()) ? "bundle.error.bomb" : "bundle.error.xlsx", e, file.getFileName());
        }
        if (columns[0] == null) {
            throw new BundleException("bundle.error.columns", String.join(", ", List.of(BundleFiles.COL_ID,
                    BundleFiles.COL_DECISION, BundleFiles.COL_REASON)));
        }
        return answers;
    }

    private static Map<String, Integer> columns(TableRow header) {
        Map<String, Integer> columns = new HashMap<>();
        for (int c = 0; c < header.cells().size(); c++) {
            String name = cell(header, c).strip();
            for (String known : BundleFiles.REQUEST_COLUMNS) {
                if (known.equalsIgnoreCase(name)) {
                    columns.putIfAbsent(known, c);
                }
            }
        }
        List<String> missing = Stream.of(BundleFiles.COL_ID, BundleFiles.COL_DECISION, BundleFiles.COL_REASON)
                .filter(c -> !columns.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw new BundleException("bundle.error.columns", String.join(", ", missing));
        }
        return columns;
    }

    private static String cell(TableRow row, Integer column) {
        if (column == null || column >= row.cells().size()) {
            return "";
        }
        return row.cells().get(column).text();
    }

    // ----- a response bag: data/balasan.json and letters under data/surat/

    /** The answers of a response bag; each letter's SHA-256 goes into {@code letterHashes} by its path. */
    private List<Answer> bag(BagReader reader, VillageProfile village, Map<String, String> letterHashes) {
        reader.verify(Progress.none());
        if (!reader.has(Balasan.PATH)) {
            throw new BundleException(reader.has(Paket.PATH) ? "bundle.error.notResponse" : "bundle.error.noPaket");
        }
        Balasan root = ExchangeJson.balasan(reader);
        String kode = root.kodeDesa() == null ? "" : root.kodeDesa().strip();
        if (!kode.equals(village.kodeDesa())) {
            throw new BundleException("bundle.error.otherVillage", kode, village.kodeDesa());
        }
        if (root.keputusan() == null) {
            throw new BundleException("bundle.error.json", Balasan.PATH);
        }
        List<Answer> answers = new ArrayList<>();
        int i = 0;
        for (Balasan.Keputusan m : root.keputusan()) {
            i++;
            if (m == null) {
                throw new BundleException("bundle.error.json", Balasan.PATH);
            }
            String letter = m.surat() != null && !m.surat().isBlank() ? m.surat().strip() : null;
            if (letter != null) {
                byte[] bytes = letter.startsWith("surat/") && reader.has("data/" + letter)
                        ? reader.bytes("data/" + letter, MAX_LETTER) : null;
                if (bytes == null || !pdf(bytes)) {
                    throw new BundleException("bundle.error.letter", letter);
                }
                letterHashes.put(letter, Sha256.hex(bytes));
            }
            answers.add(new Answer(String.valueOf(i), text(m.idUsulan()), kode, text(m.keputusan()),
                    text(m.alasan()), letter, text(m.nama()), text(m.nik())));
        }
        return answers;
    }

    private static boolean pdf(byte[] bytes) {
        return FileType.sniff(bytes, Math.min(bytes.length, 16)).filter(t -> t == FileType.PDF).isPresent();
    }

    private static String text(Object o) {
        return o == null ? "" : String.valueOf(o);
    }
}
