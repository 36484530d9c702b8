package id.berkasdesa.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.berkasdesa.db.Database;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The audit trail read back (Administrator): its head, the chain verified, entries filtered by
 * person, operator and date, and exported as JSON lines (everything needed to re-verify the chain
 * from the file alone) or CSV. An export is itself a unit of work, recorded in the trail.
 */
public final class AuditService {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Database db;

    /** What the signed-in person's password opened: the anchor against which accounts and signatures are checked. */
    private final java.util.function.Supplier<Optional<id.berkasdesa.keys.Identity>> anchor;

    public AuditService(Database db, java.util.function.Supplier<Optional<id.berkasdesa.keys.Identity>> anchor) {
        this.db = db;
        this.anchor = anchor;
    }

    /** The newest entry: its sequence number and hash go into every bundle. */
    public Optional<AuditEntry> head() {
        return headOf(db);
    }

    /** The newest entry of a store nobody need be signed in to (a backup's manifest names it). */
    public static Optional<AuditEntry> headOf(Database db) {
        return db.read(AuditDao::head);
    }

    /** Checks the whole chain of the store, streamed. */
    public AuditChain.Verdict verify() {
        db.require("audit.verify");
        return verifyStore(db, anchor.get());
    }

    /**
     * Whether this store's trail still has entry {@code seq} with {@code hash}, as a backup or a bundle
     * recorded it (a later head known outside the store): empty when it does, or when it names none.
     */
    public List<id.berkasdesa.common.Finding> holds(long seq, String hash, String where) {
        db.require("audit.verify");
        if (seq <= 0 || hash == null || hash.isBlank() || hash.equals(AuditChain.GENESIS)) {
            return List.of();
        }
        Optional<String> there = db.read(h -> AuditDao.hashOf(h, seq));
        return there.isPresent() && there.get().equals(hash.strip()) ? List.of()
                : List.of(id.berkasdesa.common.Finding.error("", "trust.cutBackup", seq, where));
    }

    /**
     * Checks the whole chain of a store, streamed, and whether its accounts and signatures are as the
     * certifying key left them ({@link TrailTrust}), against {@code anchor} (what a password opened;
     * empty for a store nobody is signed in to: a backup's trial restore).
     */
    public static AuditChain.Verdict verifyStore(Database db, Optional<id.berkasdesa.keys.Identity> anchor) {
        AuditChain.Verifier v = new AuditChain.Verifier();
        return db.read(h -> {
            AuditDao.each(h, v::accept);
            return v.verdict().with(TrailTrust.check(h, anchor));
        });
    }

    /** Checks the chain of an exported JSON-lines file, from the file alone. */
    public static AuditChain.Verdict verifyFile(Path file) throws IOException {
        AuditChain.Verifier v = new AuditChain.Verifier();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            long n = 0;
            while ((line = in.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                Optional<AuditEntry> e = parse(line);
                if (e.isEmpty()) {
                    v.unreadable(n);
                    break;
                }
                if (!v.accept(e.get())) {
                    break;
                }
            }
        }
        return v.verdict();
    }

    /**
     * Which entries to export. {@code entityIds} are the ids a person's data lives under (their
     * member, household and request ids), resolved from a NIK by the caller; null for everyone.
     */
    public record Filter(Set<String> entityIds, String operator, LocalDate from, LocalDate until, String action) {

        public static final Filter ALL = new Filter(null, null, null, null, null);

        public Filter(Set<String> entityIds, String operator, LocalDate from, LocalDate until) {
            this(entityIds, operator, from, until, null);
        }

        /** @param action a whole action ({@code household.save}) or a feature ({@code household}) */
        Predicate<AuditEntry> predicate() {
            String a = action == null ? "" : action.strip().toLowerCase(Locale.ROOT);
            return e -> (entityIds == null || entityIds.contains(e.entityId()))
                    && (a.isEmpty() || e.action().toLowerCase(Locale.ROOT).equals(a)
                            || e.action().toLowerCase(Locale.ROOT).startsWith(a + "."))
                    && (operator == null || operator.isBlank() || e.operator().equalsIgnoreCase(operator.strip()))
                    && (from == null || e.at().substring(0, 10).compareTo(from.toString()) >= 0)
                    && (until == null || e.at().substring(0, 10).compareTo(until.toString()) <= 0);
        }
    }

    /** The entries that match, in order. */
    public List<AuditEntry> entries(Filter filter) {
        db.require("audit.view");
        List<AuditEntry> out = new ArrayList<>();
        Predicate<AuditEntry> p = filter.predicate();
        db.read(h -> {
            AuditDao.each(h, e -> {
                if (p.test(e)) {
                    out.add(e);
                }
            });
            return null;
        });
        return out;
    }

    /**
     * Writes the matching entries to {@code target} ({@code .jsonl} or {@code .csv}), whole or not at
     * all (a temporary file renamed when complete). @return how many
     */
    public int export(Filter filter, Path target) throws IOException {
        db.require("audit.export");
        String name = target.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean csv = name.endsWith(".csv");
        if (!csv && !name.endsWith(".jsonl")) {
            throw new IllegalArgumentException("jsonl or csv: " + name);
        }
        // recorded first, so that the export names itself; then read, so the file holds that entry too
        recordExport(filter);
        List<AuditEntry> entries = entries(filter);
        // whole or not at all, forced, and no .tmp left behind when the disk is full (AtomicFile)
        id.berkasdesa.common.AtomicFile.write(target, out -> {
            Writer w = new BufferedWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8));
            if (csv) {
                w.write("seq,at,operator,action,entity,entityId,fields,prev,hash\r\n");
            }
            for (AuditEntry e : entries) {
                w.write(csv ? csvLine(e) : jsonLine(e));
                w.write(csv ? "\r\n" : "\n");
            }
            w.flush();
        });
        return entries.size();
    }

    /** An export of the trail (a file, a printout) is itself a processing of personal data: recorded. */
    public void recordExport(Filter filter) {
        db.write("audit.export", h -> {
            db.about("audit", "", filter.entityIds() == null ? List.of() : List.of("person"));
            return null;
        });
    }

    static String jsonLine(AuditEntry e) {
        ObjectNode n = JSON.createObjectNode();
        n.put("seq", e.seq());
        n.put("at", e.at());
        n.put("operator", e.operator());
        n.put("action", e.action());
        n.put("entity", e.entity());
        n.put("entityId", e.entityId());
        e.fields().forEach(n.putArray("fields")::add); // the array is made once, also when empty
        n.put("prev", e.prev());
        n.put("hash", e.hash());
        return n.toString();
    }

    private static String csvLine(AuditEntry e) {
        List<String> cells = List.of(Long.toString(e.seq()), e.at(), e.operator(), e.action(), e.entity(), e.entityId(),
                String.join(" ", e.fields()), e.prev(), e.hash());
        List<String> quoted = new ArrayList<>();
        for (String c : cells) {
            // a cell starting with = + - @ is text, not a formula, when opened in a spreadsheet
            String safe = c.isEmpty() || "=+-@".indexOf(c.charAt(0)) < 0 ? c : "'" + c;
            quoted.add("\"" + safe.replace("\"", "\"\"") + "\"");
        }
        return String.join(",", quoted);
    }

    static Optional<AuditEntry> parse(String line) {
        try {
            JsonNode n = JSON.readTree(line);
            List<String> fields = new ArrayList<>();
            n.get("fields").forEach(f -> fields.add(f.asText()));
            return Optional.of(new AuditEntry(n.get("seq").asLong(), text(n, "at"), text(n, "operator"),
                    text(n, "action"), text(n, "entity"), text(n, "entityId"), fields, text(n, "prev"), text(n, "hash")));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("missing " + field);
        }
        return v.asText();
    }

    /**
     * For the benchmark only ({@code bench-accounts}, on a new folder): {@code n} entries named
     * {@code bench.entry}, chained as any other, in one unit of work. @return the head after
     */
    public AuditEntry benchmarkFill(int n, java.time.Clock clock) {
        db.require("audit.benchmark");
        return db.write("audit.benchmark", h -> {
            AuditEntry head = AuditDao.head(h).orElse(null);
            try (var batch = h.prepareBatch("INSERT INTO audit_entry (seq, at, operator, action, entity, entity_id, "
                    + "fields, prev, hash) VALUES (:seq, :at, :operator, :action, :entity, :entityId, :fields, :prev, :hash)")) {
                for (int i = 0; i < n; i++) {
                    head = AuditChain.next(head, clock.instant(), db.session().operator(), "bench.entry", "household",
                            java.util.UUID.randomUUID().toString(), List.of("alamat", "rt"));
                    batch.bind("seq", head.seq()).bind("at", head.at()).bind("operator", head.operator())
                            .bind("action", head.action()).bind("entity", head.entity()).bind("entityId", head.entityId())
                            .bind("fields", String.join(",", head.fields())).bind("prev", head.prev())
                            .bind("hash", head.hash()).add();
                }
                batch.execute();
            }
            return head;
        });
    }

    /** The ids a set of members' data lives under, for {@link Filter#entityIds()}. */
    public static Set<String> ids(java.util.Collection<?> ids) {
        Set<String> out = new HashSet<>();
        ids.forEach(i -> out.add(i.toString()));
        return out;
    }
}
