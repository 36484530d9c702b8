package id.berkasdesa.dinas;

import id.berkasdesa.db.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Decisions in two steps: a Verifikator takes a request ("sedang diperiksa oleh …"), proposes
 * Disetujui, Ditolak or Perlu perbaikan with a reason from the list and a note; a Pengesah endorses one
 * or many, after which the decision is locked (it can be withdrawn only before). Every change checks
 * the request's row version inside its unit of work: of two officers deciding the same request at the
 * same moment, one wins and the other is told who, on one PC or on an office's PostgreSQL.
 */
public final class DecisionService {

    /** What the Verifikator proposes, by its stable code. */
    public enum Decision {
        DISETUJUI("disetujui"), DITOLAK("ditolak"), PERLU_PERBAIKAN("perlu-perbaikan");

        private final String code;

        Decision(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        public static Optional<Decision> of(String code) {
            return Arrays.stream(values()).filter(d -> d.code.equals(code)).findFirst();
        }
    }

    /** A reason: built in (its words in the messages, {@code dinas.reason.<code>}) or added by an Administrator. */
    public record Reason(String code, String text, boolean builtIn) {
    }

    /** The reasons every district has (Permensos 3/2026 and the district SOPs). */
    public static final List<String> BUILT_IN = List.of("lengkap", "dokumen-kurang", "dokumen-tidak-terbaca", "ganda",
            "pernah-reaktivasi", "batas-waktu", "bukan-wilayah", "belum-rekam-ktp-el", "lain");

    /** Proposed by a Verifikator, not yet endorsed. */
    public static final String DECIDED = "diputuskan";
    /** Endorsed by a Pengesah: locked. */
    public static final String ENDORSED = "disahkan";
    /** How long a Verifikator's hold on a request keeps others away. */
    static final Duration HOLD = Duration.ofMinutes(30);

    private final Database db;
    private final Clock clock;

    public DecisionService(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public List<Reason> reasons() {
        List<Reason> all = new ArrayList<>();
        BUILT_IN.forEach(c -> all.add(new Reason(c, null, true)));
        all.addAll(db.read(h -> h.createQuery("SELECT code, reason_text FROM dinas_reason ORDER BY code")
                .map((rs, ctx) -> new Reason(rs.getString(1), rs.getString(2), false)).list()));
        return all;
    }

    /** The words of a reason code: a built-in one's from the messages, an office's own as it was added. */
    public java.util.function.Function<String, String> words(id.berkasdesa.common.Messages m) {
        Map<String, String> own = new java.util.HashMap<>();
        reasons().stream().filter(r -> !r.builtIn()).forEach(r -> own.put(r.code(), r.text()));
        return code -> own.getOrDefault(code, m.get("dinas.reason." + code));
    }

    /**
     * A reason of the district's own (Administrator).
     *
     * @throws DinasException "dinas.error.reasonCode" for a code that is not lower-case words with
     *     hyphens or is taken, "dinas.error.reasonText" without words
     */
    public Reason addReason(String code, String text) {
        db.require("dinas.reason");
        String c = code == null ? "" : code.strip();
        String t = text == null ? "" : text.strip();
        if (!c.matches("[a-z0-9]+(-[a-z0-9]+)*") || c.length() > 40 || reasons().stream().anyMatch(r -> r.code().equals(c))) {
            throw new DinasException("dinas.error.reasonCode", c);
        }
        if (t.isEmpty() || t.length() > 300) {
            throw new DinasException("dinas.error.reasonText");
        }
        db.write("dinas.reason", h -> {
            h.createUpdate("INSERT INTO dinas_reason (code, reason_text, added_by, added_at) VALUES (:c, :t, :by, :at)")
                    .bind("c", c).bind("t", t).bind("by", db.session().operator()).bind("at", OffsetDateTime.now(clock)).execute();
            db.about("dinasReason", c, List.of("reasonText"));
            return null;
        });
        return new Reason(c, t, false);
    }

    /**
     * The Verifikator opens a request: it is theirs for {@link #HOLD} unless another officer holds it.
     *
     * @return empty when it is now this officer's; otherwise who holds it
     */
    public Optional<String> take(String requestId) {
        db.require("dinas.claim");
        String me = db.session().operator();
        OffsetDateTime now = OffsetDateTime.now(clock);
        return db.write("dinas.claim", h -> {
            Map<String, Object> r = row(h, requestId);
            String by = (String) r.get("claimed_by");
            OffsetDateTime at = timestamp(r.get("claimed_at"));
            if (by != null && !by.equals(me) && at != null && at.plus(HOLD).isAfter(now)) {
                db.nothingDone();
                return Optional.of(by);
            }
            h.createUpdate("""
                    UPDATE dinas_request SET claimed_by = :me, claimed_at = :at, row_version = row_version + 1 WHERE id = :id""")
                    .bind("me", me).bind("at", now).bind("id", requestId).execute();
            db.about("dinasRequest", requestId, List.of("claimedBy"));
            return Optional.empty();
        });
    }

    /**
     * Proposes {@code decision} for every request of {@code ids}, in one unit of work: all or none.
     *
     * @throws DinasException "dinas.error.noRequest", "dinas.error.endorsed" (locked),
     *     "dinas.error.decidedBy" (another officer's proposal: withdrawn first by them),
     *     "dinas.error.changed" (another officer changed it meanwhile), "dinas.error.reasonUnknown"
     */
    public int decide(List<String> ids, Decision decision, String reasonCode, String note) {
        db.require("dinas.decide");
        String reason = reasonCode == null ? "" : reasonCode.strip();
        if (reasons().stream().noneMatch(r -> r.code().equals(reason))) {
            throw new DinasException("dinas.error.reasonUnknown", reason);
        }
        String text = note == null || note.isBlank() ? null : note.strip();
        if (text != null && text.length() > 1000) {
            throw new DinasException("dinas.error.noteLong", 1000);
        }
        String me = db.session().operator();
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<String> unique = new ArrayList<>(new LinkedHashSet<>(ids));
        return db.write("dinas.decide", h -> {
            for (String id : unique) {
                Map<String, Object> r = row(h, id);
                String status = (String) r.get("status");
                if (ENDORSED.equals(status)) {
                    throw new DinasException("dinas.error.endorsed", id, r.get("endorsed_by"));
                }
                if (DECIDED.equals(status) && !me.equals(r.get("decided_by"))) {
                    throw new DinasException("dinas.error.decidedBy", id, r.get("decided_by"));
                }
                int changed = h.createUpdate("""
                        UPDATE dinas_request SET status = :decided, decision = :d, reason_code = :r, decision_note = :n,
                        decided_by = :me, decided_at = :at, row_version = row_version + 1
                        WHERE id = :id AND row_version = :v""")
                        .bind("decided", DECIDED).bind("d", decision.code()).bind("r", reason).bind("n", text).bind("me", me)
                        .bind("at", now).bind("id", id).bind("v", ((Number) r.get("row_version")).intValue()).execute();
                if (changed == 0) {
                    throw new DinasException("dinas.error.changed", id);
                }
            }
            db.about("dinasRequest", unique.size() == 1 ? unique.get(0) : unique.size() + " usulan",
                    List.of("decision", "reasonCode", "note"));
            return unique.size();
        });
    }

    /** Withdraws this officer's own proposal before it is endorsed: the request is open again. */
    public void withdraw(String requestId) {
        db.require("dinas.withdraw");
        String me = db.session().operator();
        db.write("dinas.withdraw", h -> {
            Map<String, Object> r = row(h, requestId);
            if (ENDORSED.equals(r.get("status"))) {
                throw new DinasException("dinas.error.endorsed", requestId, r.get("endorsed_by"));
            }
            if (!DECIDED.equals(r.get("status")) || !me.equals(r.get("decided_by"))) {
                throw new DinasException("dinas.error.notYours", requestId);
            }
            h.createUpdate("""
                    UPDATE dinas_request SET status = :open, decision = NULL, reason_code = NULL, decision_note = NULL,
                    decided_by = NULL, decided_at = NULL, row_version = row_version + 1 WHERE id = :id AND row_version = :v""")
                    .bind("open", DinasService.RECEIVED).bind("id", requestId)
                    .bind("v", ((Number) r.get("row_version")).intValue()).execute();
            db.about("dinasRequest", requestId, List.of("decision"));
            return null;
        });
    }

    /**
     * The Pengesah endorses proposed decisions, in one unit of work: all or none; each is then locked.
     *
     * @throws DinasException "dinas.error.notDecided" for a request with no proposal (or already endorsed)
     */
    public int endorse(List<String> ids) {
        db.require("dinas.endorse");
        String me = db.session().operator();
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<String> unique = new ArrayList<>(new LinkedHashSet<>(ids));
        if (unique.isEmpty()) {
            return 0;
        }
        return db.write("dinas.endorse", h -> {
            for (String id : unique) {
                Map<String, Object> r = row(h, id);
                if (!DECIDED.equals(r.get("status"))) {
                    throw new DinasException("dinas.error.notDecided", id);
                }
                int changed = h.createUpdate("""
                        UPDATE dinas_request SET status = :endorsed, endorsed_by = :me, endorsed_at = :at,
                        row_version = row_version + 1 WHERE id = :id AND row_version = :v""")
                        .bind("endorsed", ENDORSED).bind("me", me).bind("at", now).bind("id", id)
                        .bind("v", ((Number) r.get("row_version")).intValue()).execute();
                if (changed == 0) {
                    throw new DinasException("dinas.error.changed", id);
                }
                if (Decision.DISETUJUI.code().equals(r.get("decision"))) {
                    // reactivated now: a later request for the same person is marked (possible once)
                    String nik = h.createQuery("SELECT nik FROM dinas_request WHERE id = :id").bind("id", id).mapTo(String.class).one();
                    DinasService.addToLedger(h, nik, "disetujui", id, now);
                }
            }
            db.about("dinasRequest", unique.size() == 1 ? unique.get(0) : unique.size() + " usulan", List.of("endorsedBy"));
            return unique.size();
        });
    }

    /** A NIK in more than one open request: the requests, their villages, and where the queue stands. */
    public record Duplicate(String nik, List<String> requests, List<String> villages, String state) {
    }

    /** Not yet looked at. */
    public static final String OPEN = "terbuka";
    /** An officer found they are not the same case (with the reason). */
    public static final String NOT_DUPLICATE = "bukan-ganda";
    /** One kept, the others proposed as Ditolak "ganda". */
    public static final String MERGED = "digabung";

    /** Every NIK in more than one open (undecided or proposed) request, with the queue's state. */
    public List<Duplicate> duplicates() {
        return db.read(h -> {
            List<Map<String, Object>> rows = h.createQuery("""
                    SELECT r.nik, r.id, r.kode_desa, d.state FROM dinas_request r LEFT JOIN dinas_duplicate d ON d.nik = r.nik
                    WHERE r.nik IN (SELECT nik FROM dinas_request WHERE status IN (:open, :decided)
                                    GROUP BY nik HAVING COUNT(*) > 1)
                    AND r.status IN (:open, :decided) ORDER BY r.nik, r.kode_desa, r.id""")
                    .bind("open", DinasService.RECEIVED).bind("decided", DECIDED).mapToMap().list();
            Map<String, Duplicate> out = new java.util.LinkedHashMap<>();
            for (Map<String, Object> r : rows) {
                String nik = (String) r.get("nik");
                Duplicate d = out.computeIfAbsent(nik, n -> new Duplicate(n, new ArrayList<>(), new ArrayList<>(),
                        r.get("state") == null ? OPEN : (String) r.get("state")));
                d.requests().add((String) r.get("id"));
                d.villages().add((String) r.get("kode_desa"));
            }
            return List.copyOf(out.values());
        });
    }

    /**
     * Not the same case after all (two people mistyped into one NIK, a family's two episodes): the
     * queue shows it settled, the requests lose their "ganda" mark.
     *
     * @throws DinasException "dinas.error.reason" without a reason, "dinas.error.noDuplicate"
     */
    public void notDuplicate(String nik, String reason) {
        db.require("dinas.duplicate");
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new DinasException("dinas.error.reason");
        }
        Duplicate d = open(nik);
        db.write("dinas.duplicate", h -> {
            settle(h, d.nik(), NOT_DUPLICATE, why, null);
            for (String id : d.requests()) {
                h.createUpdate("""
                        UPDATE dinas_request SET checks = TRIM(BOTH ',' FROM REPLACE(',' || checks || ',', ',ganda,', ',')),
                        row_version = row_version + 1 WHERE id = :id""").bind("id", id).execute();
            }
            db.about("dinasDuplicate", d.nik(), List.of("state", "reason"));
            return null;
        });
    }

    /**
     * Digabung: {@code keepId} stays; every other open request of the NIK gets this officer's proposal
     * Ditolak, reason "ganda", naming the kept request's village — for a Pengesah to endorse as any
     * other. Nothing merges by itself.
     *
     * @throws DinasException "dinas.error.keep" when {@code keepId} is not one of the NIK's requests
     */
    public void merge(String nik, String keepId, java.util.function.Function<String, String> note) {
        db.require("dinas.decide");
        Duplicate d = open(nik);
        if (!d.requests().contains(keepId)) {
            throw new DinasException("dinas.error.keep", keepId, d.nik());
        }
        String keptVillage = d.villages().get(d.requests().indexOf(keepId));
        List<String> others = d.requests().stream().filter(id -> !id.equals(keepId)).toList();
        decide(others, Decision.DITOLAK, "ganda", note.apply(keptVillage));
        db.write("dinas.duplicate", h -> {
            settle(h, d.nik(), MERGED, null, keepId);
            db.about("dinasDuplicate", d.nik(), List.of("state", "kept"));
            return null;
        });
    }

    private Duplicate open(String nik) {
        return duplicates().stream().filter(d -> d.nik().equals(nik == null ? "" : nik.strip())).findFirst()
                .orElseThrow(() -> new DinasException("dinas.error.noDuplicate", nik));
    }

    private void settle(Handle h, String nik, String state, String reason, String kept) {
        h.createUpdate("DELETE FROM dinas_duplicate WHERE nik = :nik").bind("nik", nik).execute();
        h.createUpdate("""
                INSERT INTO dinas_duplicate (nik, state, reason, kept_id, resolved_by, resolved_at)
                VALUES (:nik, :state, :reason, :kept, :by, :at)""").bind("nik", nik).bind("state", state).bind("reason", reason)
                .bind("kept", kept).bind("by", db.session().operator()).bind("at", OffsetDateTime.now(clock)).execute();
    }

    /** Every proposal not yet endorsed. */
    public List<String> proposed() {
        return db.read(h -> h.createQuery("SELECT id FROM dinas_request WHERE status = :s ORDER BY kode_desa, id")
                .bind("s", DECIDED).mapTo(String.class).list());
    }

    /** A request's decision as it stands: empty when none is proposed. */
    public record State(String status, String decision, String reasonCode, String note, String decidedBy, String endorsedBy,
            String takenBy) {
    }

    public State state(String requestId) {
        return db.read(h -> {
            Map<String, Object> r = row(h, requestId);
            return new State((String) r.get("status"), (String) r.get("decision"), (String) r.get("reason_code"),
                    (String) r.get("decision_note"), (String) r.get("decided_by"), (String) r.get("endorsed_by"),
                    (String) r.get("claimed_by"));
        });
    }

    private static Map<String, Object> row(Handle h, String id) {
        return h.createQuery("""
                SELECT status, decision, reason_code, decision_note, decided_by, endorsed_by, claimed_by, claimed_at, row_version
                FROM dinas_request WHERE id = :id""").bind("id", id).mapToMap().findOne()
                .orElseThrow(() -> new DinasException("dinas.error.noRequest", id));
    }

    /** A TIMESTAMP WITH TIME ZONE as each engine gives it in a row map (H2 an OffsetDateTime, PostgreSQL a Timestamp). */
    static OffsetDateTime timestamp(Object value) {
        if (value instanceof OffsetDateTime t) {
            return t;
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant().atOffset(java.time.ZoneOffset.UTC);
        }
        return null;
    }
}
