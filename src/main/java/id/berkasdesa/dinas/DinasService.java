package id.berkasdesa.dinas;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.berkasdesa.db.Database;
import id.berkasdesa.exchange.BagReader;
import id.berkasdesa.exchange.BundleException;
import id.berkasdesa.exchange.District;
import id.berkasdesa.exchange.Paket;
import id.berkasdesa.exchange.Progress;
import id.berkasdesa.exchange.SealedBundle;
import id.berkasdesa.files.DocumentStore;
import id.berkasdesa.keys.KeyPair;
import id.berkasdesa.wilayah.Area;
import id.berkasdesa.wilayah.Wilayah;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * The Dinas Sosial's half of the loop, first part: the office, the register of the villages' keys,
 * and the inbox that receives every village's protected bundle — each verified whole and decrypted as
 * a stream with the office's key, then stored as one unit of work (the bundle, its village's audit
 * head, and its requests with their checks), or refused with the reason and nothing stored.
 */
public final class DinasService {

    /** The office this store belongs to. */
    public record Office(String kabupaten, String kabupatenName, String officeName) {
    }

    /** A village's key as the office trusts it; {@code confirmed} once an officer compared the fingerprint. */
    public record VillageKey(String kodeDesa, String villageName, String fingerprint, boolean confirmed, String pinnedBy,
            OffsetDateTime pinnedAt, String replaceReason, String conflictFingerprint, OffsetDateTime conflictAt, String conflictFile) {
    }

    /** What became of one file given to the inbox. */
    public enum Outcome {
        IMPORTED("imported"), ALREADY("already"), REFUSED("refused"), CONFLICT("conflict");

        private final String code;

        Outcome(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /**
     * One file's result: the village (when it could be read), how many requests were stored, and for a
     * refusal or a conflict the message key and arguments of the reason.
     */
    public record InboxResult(Path file, Outcome outcome, String village, int requests, String reasonKey, List<Object> reasonArgs) {
        public String reason(id.berkasdesa.common.Messages m) {
            return reasonKey == null ? null : m.get(reasonKey, reasonArgs.toArray());
        }
    }

    /** A request as the district holds it: its latest version. */
    public record ReceivedRequest(String id, String kodeDesa, String nik, String noKk, String name, String status,
            Set<Check> checks, int version, OffsetDateTime receivedAt, String decision, String reasonCode, String decidedBy,
            String endorsedBy) {
    }

    /** Received, not yet decided: the status of every request the inbox stores. */
    public static final String RECEIVED = "diterima";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Database db;
    private final Clock clock;
    private final Wilayah wilayah;
    private final Supplier<KeyPair> officeKeys;
    private volatile DocumentStore documents;

    /**
     * @param officeKeys the office's key pair (sealed in the store), asked for only when a bundle is
     *     opened or the public key written
     */
    public DinasService(Database db, Clock clock, Wilayah wilayah, Supplier<KeyPair> officeKeys) {
        this.db = db;
        this.clock = clock;
        this.wilayah = wilayah;
        this.officeKeys = officeKeys;
    }

    /**
     * The office's settings: an SKTM required of every request; the window from deactivation to
     * receipt; whether plain bundles are received (marked unsigned); the annex's columns (their codes,
     * in order: {@link #ANNEX_COLUMNS}).
     */
    public record Settings(boolean requireSktm, int windowMonths, boolean allowPlain, List<String> annexColumns) {
        public Settings {
            annexColumns = annexColumns == null || annexColumns.isEmpty() ? ANNEX_COLUMNS : List.copyOf(annexColumns);
        }

        public Settings(boolean requireSktm, int windowMonths) {
            this(requireSktm, windowMonths, false, null);
        }
    }

    /**
     * Every column the collective recommendation's annex can have, by code, in the default order: the
     * official upload columns of SIKS-NG and the BPJS branches are not public and differ, so an office
     * chooses and orders them.
     */
    public static final List<String> ANNEX_COLUMNS = List.copyOf(ReactivationLetterService.ANNEX.keySet());

    /** The longest window an office may set (months). */
    public static final int MAX_WINDOW_MONTHS = 24;

    public Settings settings() {
        return db.read(h -> h.createQuery("SELECT require_sktm, window_months, allow_plain, annex_columns FROM dinas_office WHERE id = 1")
                .map((rs, ctx) -> new Settings(rs.getBoolean(1), rs.getInt(2), rs.getBoolean(3),
                        rs.getString(4) == null ? null : List.of(rs.getString(4).split(","))))
                .findFirst()).orElse(new Settings(false, 6));
    }

    /**
     * Changes the settings (Administrator); requests received afterwards are checked by them.
     *
     * @throws DinasException "dinas.error.window" for a window outside 1..{@link #MAX_WINDOW_MONTHS}
     */
    public Settings saveSettings(Settings s) {
        Office o = requireOffice();
        db.require("dinas.settings");
        if (s.windowMonths() < 1 || s.windowMonths() > MAX_WINDOW_MONTHS) {
            throw new DinasException("dinas.error.window", MAX_WINDOW_MONTHS);
        }
        for (String c : s.annexColumns()) {
            if (!ANNEX_COLUMNS.contains(c)) {
                throw new DinasException("dinas.error.annexColumn", c, String.join(", ", ANNEX_COLUMNS));
            }
        }
        if (new java.util.HashSet<>(s.annexColumns()).size() != s.annexColumns().size() || !s.annexColumns().contains("nik")) {
            throw new DinasException("dinas.error.annexColumns");
        }
        db.write("dinas.settings", h -> {
            h.createUpdate("""
                    UPDATE dinas_office SET require_sktm = :sktm, window_months = :months, allow_plain = :plain,
                    annex_columns = :annex WHERE id = 1""")
                    .bind("sktm", s.requireSktm()).bind("months", s.windowMonths()).bind("plain", s.allowPlain())
                    .bind("annex", s.annexColumns().equals(ANNEX_COLUMNS) ? null : String.join(",", s.annexColumns())).execute();
            db.about("dinasOffice", o.kabupaten(), List.of("requireSktm", "windowMonths", "allowPlain", "annexColumns"));
            return null;
        });
        return s;
    }

    /** Empty on a village's store. */
    public Optional<Office> office() {
        return db.read(h -> h.createQuery("SELECT kabupaten, kabupaten_name, office_name FROM dinas_office WHERE id = 1")
                .map((rs, ctx) -> new Office(rs.getString(1), rs.getString(2), rs.getString(3))).findFirst());
    }

    /**
     * Makes this store a Dinas Sosial's: the kabupaten/kota from the area codes and the office's name.
     *
     * @throws DinasException "dinas.error.kabupaten" for a code that is no kabupaten/kota,
     *     "dinas.error.already" when the store already belongs to an office, "dinas.error.villageStore"
     *     when it is a village's
     */
    public Office setUp(String kabupatenCode, String officeName) {
        String code = kabupatenCode == null ? "" : kabupatenCode.strip();
        Area area = wilayah.find(code).filter(a -> a.level() == Area.Level.KABUPATEN_KOTA)
                .orElseThrow(() -> new DinasException("dinas.error.kabupaten", code));
        String name = officeName == null ? "" : officeName.strip();
        if (name.isEmpty()) {
            throw new DinasException("dinas.error.officeName");
        }
        if (office().isPresent()) {
            throw new DinasException("dinas.error.already");
        }
        if (db.read(h -> h.createQuery("SELECT COUNT(*) FROM village_profile").mapTo(Integer.class).one()) > 0) {
            // a village's store stays a village's: its own key pair and the office's share one place in the key file
            throw new DinasException("dinas.error.villageStore");
        }
        Office o = new Office(area.code(), area.name(), name);
        db.write("dinas.setup", h -> {
            h.createUpdate("""
                    INSERT INTO dinas_office (id, kabupaten, kabupaten_name, office_name, created_by, created_at)
                    VALUES (1, :kab, :kabName, :office, :by, :at)""")
                    .bind("kab", o.kabupaten()).bind("kabName", o.kabupatenName()).bind("office", o.officeName())
                    .bind("by", db.session().operator()).bind("at", OffsetDateTime.now(clock)).execute();
            db.about("dinasOffice", o.kabupaten(), List.of("kabupaten", "officeName"));
            return null;
        });
        return o;
    }

    /** The office's key pair (made in the store at its first use). */
    public KeyPair keys() {
        requireOffice();
        return officeKeys.get();
    }

    /**
     * Writes the office's public key for the villages, {@code <kode>.kunci-publik}, whole or not at
     * all; its fingerprint is {@code keys().publicKeys().fingerprint()}.
     */
    public Path writePublicKey(Path folder) throws java.io.IOException {
        KeyPair k = keys();
        Path pub = folder.resolve(k.publicKeys().code() + ".kunci-publik");
        java.nio.file.Files.createDirectories(folder);
        byte[] bytes = k.publicKeys().toBytes();
        id.berkasdesa.common.AtomicFile.write(pub, out -> out.write(bytes));
        return pub;
    }

    public List<VillageKey> villageKeys() {
        return db.read(h -> h.createQuery(KEY_SELECT + " ORDER BY kode_desa").map(DinasService::villageKey).list());
    }

    public Optional<VillageKey> villageKey(String kodeDesa) {
        return db.read(h -> villageKey(h, kodeDesa));
    }

    private static final String KEY_SELECT = """
            SELECT kode_desa, village_name, fingerprint, confirmed, pinned_by, pinned_at, replace_reason, conflict_fingerprint,
            conflict_at, conflict_file FROM dinas_village_key""";

    private static Optional<VillageKey> villageKey(Handle h, String kodeDesa) {
        return h.createQuery(KEY_SELECT + " WHERE kode_desa = :kode").bind("kode", kodeDesa).map(DinasService::villageKey)
                .findFirst();
    }

    private static VillageKey villageKey(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx)
            throws java.sql.SQLException {
        return new VillageKey(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getString(5),
                rs.getObject(6, OffsetDateTime.class), rs.getString(7), rs.getString(8), rs.getObject(9, OffsetDateTime.class),
                rs.getString(10));
    }

    /**
     * Registers a village's key ahead of its first bundle, from a fingerprint given by letter or phone
     * (confirmed: an officer had it from the village). Pinning the same fingerprint again changes nothing.
     *
     * @throws DinasException "dinas.error.village" for a code that is no village of this kabupaten,
     *     "dinas.error.fingerprint" for a malformed fingerprint, "dinas.error.pinned" when another key is pinned
     */
    public VillageKey pin(String kodeDesa, String fingerprint) {
        Office o = requireOffice();
        String kode = kodeDesa == null ? "" : kodeDesa.strip();
        Area desa = wilayah.find(kode).filter(a -> a.level() == Area.Level.DESA_KELURAHAN && a.code().startsWith(o.kabupaten() + "."))
                .orElseThrow(() -> new DinasException("dinas.error.village", kode, o.kabupatenName()));
        String fp = fingerprint == null ? "" : fingerprint.strip().toUpperCase(java.util.Locale.ROOT);
        if (!fp.matches("[0-9A-Z]{4}(-[0-9A-Z]{4}){3}")) {
            throw new DinasException("dinas.error.fingerprint", fp);
        }
        Optional<VillageKey> now = villageKey(kode);
        if (now.isPresent() && !now.get().fingerprint().isEmpty()) {
            if (now.get().fingerprint().equals(fp)) {
                return now.get();
            }
            throw new DinasException("dinas.error.pinned", kode, now.get().fingerprint());
        }
        db.write("dinas.villageKey", h -> {
            h.createUpdate("DELETE FROM dinas_village_key WHERE kode_desa = :kode").bind("kode", kode).execute();
            insertKey(h, kode, desa.name(), fp, true);
            db.about("villageKey", kode, List.of("fingerprint", "confirmed"));
            return null;
        });
        return villageKey(kode).orElseThrow();
    }

    /** An officer compared the fingerprint of a key pinned by a first bundle with the village's: it is confirmed. */
    public VillageKey confirm(String kodeDesa) {
        requireOffice();
        VillageKey k = villageKey(kodeDesa).filter(v -> !v.fingerprint().isEmpty())
                .orElseThrow(() -> new DinasException("dinas.error.noKey", kodeDesa));
        if (!k.confirmed()) {
            db.write("dinas.villageKey", h -> {
                h.createUpdate("UPDATE dinas_village_key SET confirmed = TRUE WHERE kode_desa = :kode").bind("kode", k.kodeDesa())
                        .execute();
                db.about("villageKey", k.kodeDesa(), List.of("confirmed"));
                return null;
            });
        }
        return villageKey(kodeDesa).orElseThrow();
    }

    /**
     * Lets a village's next bundle pin a new key (the village's PC was replaced, its folder restored
     * elsewhere): the old key stops counting; the reason is kept and the new key is to be confirmed.
     *
     * @throws DinasException "dinas.error.reason" without a reason, "dinas.error.noKey" without a key
     */
    public VillageKey replace(String kodeDesa, String reason) {
        requireOffice();
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new DinasException("dinas.error.reason");
        }
        VillageKey k = villageKey(kodeDesa).orElseThrow(() -> new DinasException("dinas.error.noKey", kodeDesa));
        db.write("dinas.villageKey", h -> {
            h.createUpdate("""
                    UPDATE dinas_village_key SET fingerprint = '', confirmed = FALSE, replace_reason = :why,
                    pinned_by = :by, pinned_at = :at, conflict_fingerprint = NULL, conflict_at = NULL, conflict_file = NULL
                    WHERE kode_desa = :kode""")
                    .bind("why", why).bind("by", db.session().operator()).bind("at", OffsetDateTime.now(clock))
                    .bind("kode", k.kodeDesa()).execute();
            db.about("villageKey", k.kodeDesa(), List.of("fingerprint", "replaceReason"));
            return null;
        });
        return villageKey(kodeDesa).orElseThrow();
    }

    /**
     * The bundles in a folder (a stick's root, or where they were copied): every {@code .zip} but the
     * office's own answers ({@code balasan_…}), in the order a village made them: by name without
     * the extension, so that {@code X.zip} comes before {@code X-2.zip} (a later bundle read first
     * would make the earlier one look like a trail rolled back).
     *
     * @throws java.io.IOException when the folder cannot be listed (the stick was pulled)
     */
    public static List<Path> bundlesIn(Path folder) throws java.io.IOException {
        try (java.util.stream.Stream<Path> in = java.nio.file.Files.list(folder)) {
            return in.filter(f -> f.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".zip"))
                    .filter(f -> !f.getFileName().toString().startsWith("balasan_"))
                    .filter(java.nio.file.Files::isRegularFile)
                    .sorted(java.util.Comparator.comparing((Path f) -> {
                        String n = f.getFileName().toString();
                        return n.substring(0, n.length() - 4);
                    })).toList();
        }
    }

    /**
     * Receives one file: verified whole with the office's key and stored as one unit of work, or
     * refused with the reason and nothing stored. The same bundle again changes nothing; a request
     * sent again replaces its earlier version, which is kept.
     */
    public InboxResult receive(Path file, Progress progress) {
        Office o = requireOffice();
        db.require("dinas.inbox");
        if (!java.nio.file.Files.isRegularFile(file) || !java.nio.file.Files.isReadable(file)) {
            // the stick was pulled, or the file moved: what came before stays, this one comes again
            return new InboxResult(file, Outcome.REFUSED, null, 0, "dinas.inbox.unreadable", List.of(String.valueOf(file)));
        }
        boolean sealed = SealedBundle.isSealed(file);
        Settings settings = settings();
        if (!sealed && !settings.allowPlain()) {
            try (BagReader bag = BagReader.open(file)) {
                return new InboxResult(file, Outcome.REFUSED, null, 0, bag.has(Paket.PATH) ? "dinas.inbox.plain"
                        : "sealed.error.notBundle", List.of(file.getFileName()));
            } catch (BundleException e) {
                return new InboxResult(file, Outcome.REFUSED, null, 0, e.key(), List.of(e.args()));
            }
        }
        try (ScanKeeper scans = new ScanKeeper(documents())) {
            District.Received r;
            try {
                id.berkasdesa.common.Trace.mark("inbox-file");
                r = sealed ? District.receive(file, officeKeys.get(), progress, scans)
                        : District.receivePlain(file, progress, scans);
                id.berkasdesa.common.Trace.mark("inbox-checked");
            } catch (BundleException e) {
                return new InboxResult(file, Outcome.REFUSED, null, 0, e.key(), List.of(e.args()));
            }
            return store(file, o, settings, r, scans);
        }
    }

    private InboxResult store(Path file, Office o, Settings settings, District.Received r, ScanKeeper scans) {
        Paket p = r.paket();
        String kode = p.desa() == null ? "" : String.valueOf(p.desa().kode());
        if (!kode.startsWith(o.kabupaten() + ".")) {
            return new InboxResult(file, Outcome.REFUSED, kode, 0, "dinas.inbox.otherKabupaten",
                    List.of(kode, o.kabupatenName()));
        }
        String bundleId = p.paket() == null || p.paket().id() == null ? r.verified().name() : p.paket().id();
        String fingerprint = r.verified().villageFingerprint() == null ? "" : r.verified().villageFingerprint();
        OffsetDateTime now = OffsetDateTime.now(clock);
        LocalDate today = LocalDate.now(clock);
        return db.write("dinas.inbox", h -> {
            Optional<Boolean> scansKept = h.createQuery("SELECT scans_kept FROM dinas_bundle WHERE bundle_id = :id")
                    .bind("id", bundleId).mapTo(Boolean.class).findOne();
            if (scansKept.isPresent()) {
                if (!scansKept.get() && scans.any()) {
                    // received before this version kept scans: the same bundle again adds them, nothing else
                    keepScans(h, bundleId, scans);
                    h.createUpdate("UPDATE dinas_bundle SET scans_kept = TRUE WHERE bundle_id = :id").bind("id", bundleId).execute();
                    db.about("dinasBundle", bundleId, List.of("scans"));
                    return new InboxResult(file, Outcome.ALREADY, kode, 0, null, List.of());
                }
                db.nothingDone();
                return new InboxResult(file, Outcome.ALREADY, kode, 0, null, List.of());
            }
            boolean signed = r.village() != null;
            Optional<VillageKey> pinned = villageKey(h, kode);
            if (signed && pinned.isPresent() && !pinned.get().fingerprint().isEmpty()
                    && !pinned.get().fingerprint().equals(fingerprint)) {
                // nothing of the bundle is stored; the conflict is kept on the village's key until an Administrator replaces it
                h.createUpdate("""
                        UPDATE dinas_village_key SET conflict_fingerprint = :fp, conflict_at = :at, conflict_file = :file
                        WHERE kode_desa = :kode""").bind("fp", fingerprint).bind("at", now)
                        .bind("file", String.valueOf(file.getFileName())).bind("kode", kode).execute();
                db.about("villageKey", kode, List.of("conflict"));
                return new InboxResult(file, Outcome.CONFLICT, kode, 0, "dinas.inbox.conflict",
                        List.of(kode, pinned.get().fingerprint(), fingerprint));
            }
            boolean newKey;
            if (!signed) {
                newKey = false; // no key to pin: the register stays as it is, the requests are marked unsigned
            } else if (pinned.isEmpty() || pinned.get().fingerprint().isEmpty()) {
                h.createUpdate("DELETE FROM dinas_village_key WHERE kode_desa = :kode").bind("kode", kode).execute();
                insertKey(h, kode, p.desa().nama(), fingerprint, false);
                newKey = true;
            } else {
                newKey = !pinned.get().confirmed();
            }
            Set<Check> bundleFlags = EnumSet.noneOf(Check.class);
            if (newKey) {
                bundleFlags.add(Check.KUNCI_BARU);
            }
            if (!signed) {
                bundleFlags.add(Check.TANPA_TANDA_TANGAN);
            }
            Paket.RekamJejak head = r.auditHead();
            if (head != null && headWentBack(h, kode, head)) {
                bundleFlags.add(Check.REKAM_JEJAK_MUNDUR);
            }
            h.createUpdate("""
                    INSERT INTO dinas_bundle (bundle_id, kode_desa, file_name, fingerprint, audit_seq, audit_hash,
                    request_count, received_by, received_at, village_public_json, bundle_name, unsigned, scans_kept)
                    VALUES (:id, :kode, :file, :fp, :seq, :hash, :n, :by, :at, :pub, :name, :unsigned, TRUE)""")
                    .bind("pub", signed ? new String(r.village().toBytes(), java.nio.charset.StandardCharsets.UTF_8) : null)
                    .bind("unsigned", !signed)
                    .bind("name", r.verified().name())
                    .bind("id", bundleId).bind("kode", kode).bind("file", String.valueOf(file.getFileName()))
                    .bind("fp", fingerprint).bind("seq", head == null ? null : head.seq())
                    .bind("hash", head == null ? null : head.hash()).bind("n", p.usulan().size())
                    .bind("by", db.session().operator()).bind("at", now).execute();
            keepScans(h, bundleId, scans);
            int stored = 0;
            for (Paket.Usulan u : p.usulan()) {
                Set<Check> flags = EnumSet.copyOf(bundleFlags);
                if (signed && RequestChecks.sktmDoesNotHold(u, RequestChecks.sktmPath(u).flatMap(scans::letter),
                        r.village().signingKeyText(), today)) {
                    flags.add(Check.SKTM);
                }
                stored += store(h, u, kode, bundleId, head, flags, o, settings, today, now) ? 1 : 0;
            }
            db.about("dinasBundle", bundleId, List.of("requests"));
            id.berkasdesa.common.Trace.mark("inbox-rows");
            return new InboxResult(file, Outcome.IMPORTED, kode, stored, null, List.of());
        });
    }

    /** The bundle's scans named (in the store's folder, or in the database on a server) and listed, in its unit of work. */
    private void keepScans(Handle h, String bundleId, ScanKeeper scans) {
        Map<String, ScanKeeper.Kept> placed = scans.placeAll(h, db.keepsDocumentBytes());
        id.berkasdesa.common.Trace.mark("inbox-placed");
        for (Map.Entry<String, ScanKeeper.Kept> k : placed.entrySet()) {
            h.createUpdate("INSERT INTO dinas_scan (bundle_id, path, sha256, size_bytes) VALUES (:id, :path, :sha, :size)")
                    .bind("id", bundleId).bind("path", k.getKey()).bind("sha", k.getValue().sha256())
                    .bind("size", k.getValue().size()).execute();
        }
    }

    private static final String REQUEST_SELECT = """
            SELECT id, kode_desa, nik, no_kk, person_name, status, checks, version, received_at, decision, reason_code,
            decided_by, endorsed_by FROM dinas_request""";

    /** The office's document store: the scans of the bundles it received, sealed under the store key. */
    private DocumentStore documents() {
        DocumentStore d = documents;
        if (d == null) {
            d = new DocumentStore(db.dataDir(), db.storeKey());
            documents = d;
        }
        return d;
    }

    /**
     * One scan a request came with, as the officer sees it beside the checks: its kind ("FASKES"…), its
     * path in the bundle, and its SHA-256 and size once kept (null and 0 when the bundle did not carry
     * the file its list names, or — {@code beforeScansWereKept} — it was received by a version that kept
     * no scans: the same bundle taken again adds them).
     */
    public record Scan(String kind, String path, Integer pages, String sha256, long size, boolean beforeScansWereKept) {
        public boolean kept() {
            return sha256 != null;
        }
    }

    /** The scans of a request's latest version, in the order the village listed them. */
    public List<Scan> scans(String requestId) {
        return db.read(h -> {
            Map<String, Object> row = h.createQuery("""
                    SELECT r.bundle_id, r.columns_json, b.scans_kept FROM dinas_request r
                    JOIN dinas_bundle b ON b.bundle_id = r.bundle_id WHERE r.id = :id""")
                    .bind("id", requestId).mapToMap().findOne()
                    .orElseThrow(() -> new DinasException("dinas.error.noRequest", requestId));
            boolean before = !Boolean.TRUE.equals(row.get("scans_kept"));
            Map<String, ScanKeeper.Kept> kept = new LinkedHashMap<>();
            h.createQuery("SELECT path, sha256, size_bytes FROM dinas_scan WHERE bundle_id = :b").bind("b", row.get("bundle_id"))
                    .map((rs, ctx) -> Map.entry(rs.getString(1), new ScanKeeper.Kept(rs.getString(2), rs.getLong(3))))
                    .forEach(e -> kept.put(e.getKey(), e.getValue()));
            List<Scan> out = new ArrayList<>();
            try {
                for (com.fasterxml.jackson.databind.JsonNode d : JSON.readTree((String) row.get("columns_json")).path("dokumen")) {
                    String path = d.path("berkas").asText("");
                    ScanKeeper.Kept k = kept.get(path);
                    out.add(new Scan(d.path("jenis").asText(""), path, d.hasNonNull("halaman") ? d.get("halaman").asInt() : null,
                            k == null ? null : k.sha256(), k == null ? 0 : k.size(), k == null && before));
                }
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            return out;
        });
    }

    /** A kept scan's bytes, decrypted (an upload copy: about a megabyte). */
    public byte[] scanBytes(Scan scan) {
        if (!scan.kept()) {
            throw new DinasException(scan.beforeScansWereKept() ? "dinas.scan.notYet" : "dinas.scan.missing", scan.path());
        }
        try {
            if (db.keepsDocumentBytes()) {
                byte[] sealed = db.read(h -> h.createQuery("SELECT sealed FROM dinas_scan_bytes WHERE sha256 = :sha")
                        .bind("sha", scan.sha256()).mapTo(byte[].class).findOne())
                        .orElseThrow(() -> new id.berkasdesa.files.DocumentException("document.error.missingFile"));
                return documents().unseal(sealed);
            }
            return documents().read(scan.sha256());
        } catch (id.berkasdesa.files.DocumentException e) {
            throw new DinasException("dinas.scan.damaged", scan.path());
        }
    }

    /** Every request held, latest version, filtered; by village, then received. */
    public List<ReceivedRequest> requests(String status, String kodeDesa, Check check) {
        StringBuilder sql = new StringBuilder(REQUEST_SELECT + " WHERE 1 = 1");
        Map<String, Object> args = new LinkedHashMap<>();
        if (status != null) {
            sql.append(" AND status = :status");
            args.put("status", status);
        }
        if (kodeDesa != null) {
            sql.append(" AND kode_desa = :kode");
            args.put("kode", kodeDesa);
        }
        if (check != null) {
            sql.append(" AND (',' || checks || ',') LIKE :check");
            args.put("check", "%," + check.code() + ",%");
        }
        sql.append(" ORDER BY kode_desa, received_at, id");
        return db.read(h -> h.createQuery(sql.toString()).bindMap(args).map(DinasService::receivedRequest).list());
    }

    /** One request, latest version. */
    public Optional<ReceivedRequest> request(String id) {
        return db.read(h -> h.createQuery(REQUEST_SELECT + " WHERE id = :id").bind("id", id).map(DinasService::receivedRequest)
                .findFirst());
    }

    private static ReceivedRequest receivedRequest(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx)
            throws java.sql.SQLException {
        return new ReceivedRequest(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), checks(rs.getString(7)), rs.getInt(8), rs.getObject(9, OffsetDateTime.class), rs.getString(10),
                rs.getString(11), rs.getString(12), rs.getString(13));
    }

    /**
     * What the village sent for a request, as the officer reads it beside the checks: the columns of
     * its row in the order the village wrote them, then one line per document ("jenis — berkas").
     */
    public List<Map.Entry<String, String>> detail(String requestId) {
        String json = db.read(h -> h.createQuery("SELECT columns_json FROM dinas_request WHERE id = :id").bind("id", requestId)
                .mapTo(String.class).findOne()).orElseThrow(() -> new DinasException("dinas.error.noRequest", requestId));
        List<Map.Entry<String, String>> out = new ArrayList<>();
        try {
            com.fasterxml.jackson.databind.JsonNode all = JSON.readTree(json);
            all.fields().forEachRemaining(f -> {
                if (f.getKey().equals("dokumen")) {
                    for (com.fasterxml.jackson.databind.JsonNode d : f.getValue()) {
                        String what = String.join(" — ", java.util.stream.Stream.of("jenis", "berkas", "tanggal", "faskes", "diagnosis")
                                .map(k -> d.path(k).asText("")).filter(t -> !t.isBlank() && !t.equals("null")).toList());
                        out.add(Map.entry("dokumen", what));
                    }
                } else if (!f.getValue().isNull() && !f.getValue().asText().isBlank()) {
                    out.add(Map.entry(f.getKey(), f.getValue().asText()));
                }
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /** What a ledger import did: NIKs added, already there, and the rows (as numbered in the file) whose NIK is no NIK. */
    public record LedgerImport(int added, int already, List<Integer> invalidRows) {
    }

    /**
     * Adds a list of people reactivated before (from BPJS, SIKS-NG or an earlier register) to the
     * ledger the "pernah-reaktivasi" check reads, as one unit of work. The NIK column is found by its
     * header in the first 20 rows, as the PBI list's is; a row whose NIK is not a NIK by Dukcapil's
     * structure is listed, not stored.
     *
     * @param rows the first sheet's rows, each its cells' text, in file order (row 1 first)
     * @throws DinasException "dinas.ledger.noNik" when no header names a NIK column
     */
    public LedgerImport importLedger(String fileName, List<List<String>> rows) {
        requireOffice();
        db.require("dinas.ledger");
        int header = -1;
        int column = -1;
        for (int i = 0; i < Math.min(rows.size(), 20) && header < 0; i++) {
            for (int c = 0; c < rows.get(i).size(); c++) {
                String folded = rows.get(i).get(c).toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "");
                if (id.berkasdesa.adminduk.Nik.COLUMN_NAMES.contains(folded)) {
                    header = i;
                    column = c;
                    break;
                }
            }
        }
        if (header < 0) {
            throw new DinasException("dinas.ledger.noNik", fileName);
        }
        List<Integer> invalid = new ArrayList<>();
        Set<String> niks = new java.util.LinkedHashSet<>();
        for (int i = header + 1; i < rows.size(); i++) {
            List<String> row = rows.get(i);
            String cell = column < row.size() ? row.get(column).strip() : "";
            if (cell.isEmpty()) {
                continue;
            }
            id.berkasdesa.adminduk.Nik.Check c = id.berkasdesa.adminduk.Nik.check(cell, wilayah);
            if (c.isValid()) {
                niks.add(c.cleaned());
            } else {
                invalid.add(i + 1);
            }
        }
        String source = ("daftar:" + fileName).substring(0, Math.min(40, ("daftar:" + fileName).length()));
        OffsetDateTime now = OffsetDateTime.now(clock);
        int added = db.write("dinas.ledger", h -> {
            int n = 0;
            for (String nik : niks) {
                n += addToLedger(h, nik, source, null, now) ? 1 : 0;
            }
            if (n == 0) {
                db.nothingDone();
            } else {
                db.about("dinasLedger", source, List.of("count"));
            }
            return n;
        });
        return new LedgerImport(added, niks.size() - added, invalid);
    }

    /**
     * Puts {@code nik} in the ledger of people reactivated before, inside the caller's unit of work,
     * unless it is there already (the first source is kept). @return whether it was added
     */
    static boolean addToLedger(Handle h, String nik, String source, String requestId, OffsetDateTime at) {
        if (h.createQuery("SELECT COUNT(*) FROM dinas_ledger WHERE nik = :nik").bind("nik", nik).mapTo(Integer.class).one() > 0) {
            return false;
        }
        h.createUpdate("INSERT INTO dinas_ledger (nik, source, request_id, added_at) VALUES (:nik, :src, :id, :at)")
                .bind("nik", nik).bind("src", source).bind("id", requestId).bind("at", at).execute();
        return true;
    }

    /** Earlier versions of a request sent again, oldest first (their bundle ids). */
    public List<String> history(String requestId) {
        return db.read(h -> h.createQuery("SELECT bundle_id FROM dinas_request_version WHERE request_id = :id ORDER BY version")
                .bind("id", requestId).mapTo(String.class).list());
    }

    private boolean store(Handle h, Paket.Usulan u, String kode, String bundleId, Paket.RekamJejak head, Set<Check> bundleFlags,
            Office o, Settings settings, LocalDate today, OffsetDateTime now) {
        String id = RequestChecks.text(u, RequestChecks.ID);
        if (id.isEmpty()) {
            return false;
        }
        String nik = RequestChecks.text(u, RequestChecks.NIK);
        Set<Check> checks = EnumSet.copyOf(RequestChecks.of(u, o.kabupaten(), today, wilayah, settings.windowMonths(),
                settings.requireSktm()));
        checks.addAll(bundleFlags);
        List<Map<String, Object>> earlier = h.createQuery("SELECT kode_desa, version, bundle_id, columns_json, received_at, "
                + "decision, reason_code, endorsed_by FROM dinas_request WHERE id = :id").bind("id", id).mapToMap().list();
        if (!earlier.isEmpty() && !kode.equals(earlier.get(0).get("kode_desa"))) {
            return false; // another village's request id: never overwritten by this one
        }
        if (!earlier.isEmpty() && head != null && olderThanHeld(h, head, String.valueOf(earlier.get(0).get("bundle_id")))) {
            // a copy from before the one held (the village's folder rolled back, or an old stick): the
            // newer stays; the held request shows that its village's trail went backwards
            addCheck(h, id, Check.REKAM_JEJAK_MUNDUR);
            return false;
        }
        List<String> others = h.createQuery("""
                SELECT id FROM dinas_request WHERE nik = :nik AND id <> :id AND status IN (:open, :decided)""")
                .bind("nik", nik).bind("id", id).bind("open", RECEIVED).bind("decided", DecisionService.DECIDED)
                .mapTo(String.class).list();
        if (h.createQuery("SELECT COUNT(*) FROM dinas_ledger WHERE nik = :nik AND (request_id IS NULL OR request_id <> :id)")
                .bind("nik", nik).bind("id", id).mapTo(Integer.class).one() > 0) {
            checks.add(Check.PERNAH_REAKTIVASI);
        }
        if (!others.isEmpty()) {
            checks.add(Check.GANDA);
            // the other side of the pair is a duplicate too, from now on
            for (String other : others) {
                addCheck(h, other, Check.GANDA);
            }
        }
        String columns = columnsJson(u);
        int version = 1;
        if (!earlier.isEmpty()) {
            Map<String, Object> e = earlier.get(0);
            version = ((Number) e.get("version")).intValue() + 1;
            h.createUpdate("""
                    INSERT INTO dinas_request_version (request_id, version, bundle_id, columns_json, received_at, decision,
                    reason_code, endorsed_by) VALUES (:id, :v, :bundle, :json, :at, :decision, :reason, :endorsed)""")
                    .bind("id", id).bind("v", version - 1).bind("bundle", e.get("bundle_id")).bind("json", e.get("columns_json"))
                    .bind("at", e.get("received_at")).bind("decision", e.get("decision")).bind("reason", e.get("reason_code"))
                    .bind("endorsed", e.get("endorsed_by")).execute();
            h.createUpdate("DELETE FROM dinas_request WHERE id = :id").bind("id", id).execute();
        }
        h.createUpdate("""
                INSERT INTO dinas_request (id, kode_desa, bundle_id, version, nik, no_kk, person_name, status, checks, urgent,
                deleted_on, columns_json, received_at) VALUES (:id, :kode, :bundle, :v, :nik, :kk, :name, :status, :checks,
                :urgent, :deleted, :json, :at)""")
                .bind("id", id).bind("kode", kode).bind("bundle", bundleId).bind("v", version).bind("nik", nik)
                .bind("kk", RequestChecks.text(u, RequestChecks.NO_KK)).bind("name", RequestChecks.text(u, RequestChecks.NAMA))
                .bind("status", RECEIVED).bind("checks", codes(checks))
                .bind("urgent", RequestChecks.text(u, RequestChecks.URGENT).isEmpty() ? null : RequestChecks.text(u, RequestChecks.URGENT))
                .bind("deleted", RequestChecks.deactivated(u).orElse(null)).bind("json", columns).bind("at", now).execute();
        return true;
    }

    private static void addCheck(Handle h, String requestId, Check check) {
        h.createUpdate("""
                UPDATE dinas_request SET checks = CASE WHEN checks = '' THEN :code ELSE checks || ',' || :code END
                WHERE id = :id AND (',' || checks || ',') NOT LIKE :like""")
                .bind("code", check.code()).bind("id", requestId).bind("like", "%," + check.code() + ",%").execute();
    }

    /** Whether {@code head} is before the head of the bundle that brought the version held. */
    private static boolean olderThanHeld(Handle h, Paket.RekamJejak head, String heldBundle) {
        Long held = h.createQuery("SELECT audit_seq FROM dinas_bundle WHERE bundle_id = :id").bind("id", heldBundle)
                .mapTo(Long.class).findOne().orElse(null);
        return held != null && head.seq() < held;
    }

    /** A head with a lower sequence number than one already received, or the same number and another hash. */
    private static boolean headWentBack(Handle h, String kode, Paket.RekamJejak head) {
        List<Map<String, Object>> seen = h.createQuery("""
                SELECT audit_seq, audit_hash FROM dinas_bundle WHERE kode_desa = :kode AND audit_seq IS NOT NULL""")
                .bind("kode", kode).mapToMap().list();
        for (Map<String, Object> s : seen) {
            long seq = ((Number) s.get("audit_seq")).longValue();
            if (seq > head.seq() || seq == head.seq() && !String.valueOf(s.get("audit_hash")).equals(head.hash())) {
                return true;
            }
        }
        return false;
    }

    private void insertKey(Handle h, String kode, String name, String fingerprint, boolean confirmed) {
        h.createUpdate("""
                INSERT INTO dinas_village_key (kode_desa, village_name, fingerprint, confirmed, pinned_by, pinned_at)
                VALUES (:kode, :name, :fp, :confirmed, :by, :at)""")
                .bind("kode", kode).bind("name", name).bind("fp", fingerprint).bind("confirmed", confirmed)
                .bind("by", db.session().operator()).bind("at", OffsetDateTime.now(clock)).execute();
    }

    /** This store's office. @throws DinasException "dinas.error.notDinas" on a village's store */
    Office requireOffice() {
        return office().orElseThrow(() -> new DinasException("dinas.error.notDinas"));
    }

    private static String codes(Set<Check> checks) {
        return checks.stream().map(Check::code).collect(Collectors.joining(","));
    }

    private static Set<Check> checks(String codes) {
        Set<Check> out = new TreeSet<>();
        if (codes != null && !codes.isEmpty()) {
            for (String c : codes.split(",")) {
                Check.of(c).ifPresent(out::add);
            }
        }
        return out;
    }

    private static String columnsJson(Paket.Usulan u) {
        try {
            Map<String, Object> all = new LinkedHashMap<>(u.kolom());
            List<Map<String, Object>> docs = new ArrayList<>();
            for (Paket.Dokumen d : u.getDokumen()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("jenis", d.jenis());
                m.put("berkas", d.berkas());
                m.put("tanggal", d.tanggal());
                m.put("faskes", d.faskes());
                m.put("diagnosis", d.diagnosis());
                docs.add(m);
            }
            all.put("dokumen", docs);
            return JSON.writeValueAsString(all);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
