package id.berkasdesa.backup;

import id.berkasdesa.audit.AuditChain;
import id.berkasdesa.audit.AuditService;
import id.berkasdesa.exchange.Progress;
import id.berkasdesa.common.Finding;
import id.berkasdesa.common.Severity;
import id.berkasdesa.db.Database;
import id.berkasdesa.db.StoreException;
import id.berkasdesa.document.DocumentService;
import id.berkasdesa.files.DocumentStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code check} and Periksa data: the database read whole (every row of every table), every document
 * against its checksum, the audit chain; the figures a backup's restore is compared with.
 */
public final class StoreCheck {

    private StoreCheck() {
    }

    /**
     * What the check found.
     *
     * @param missingDocuments files the rows name that are not in the store
     * @param problems what is wrong, as messages ({@code check.problem.*}); empty when all is well
     */
    public record Report(long households, Map<String, Long> members, long documents, Map<String, Long> requests,
            long auditEntries, String auditHead, int missingDocuments, List<Finding> problems) {

        public boolean ok() {
            return problems.isEmpty();
        }

        public long members(String status) {
            return members.getOrDefault(status, 0L);
        }
    }

    /** Where the documents are checked: the store's own files, or a backup's copies of them. */
    interface Documents {
        boolean exists(String sha256);

        boolean intact(String sha256);
    }

    /** Checks {@code db} and its documents; reads everything once. Never changes anything. */
    public static Report run(Database db, DocumentStore documents, Progress progress,
            java.util.Optional<id.berkasdesa.keys.Identity> anchor) {
        return run(db, new Documents() {
            @Override
            public boolean exists(String sha256) {
                return documents.exists(sha256);
            }

            @Override
            public boolean intact(String sha256) {
                return documents.intact(sha256);
            }
        }, progress, anchor);
    }

    /**
     * The same for a store on a database server, whose scans' sealed bytes are in the database
     * ({@code dinas_scan_bytes}): each there, and its content still the hash it is named by; a file
     * the database does not hold (a village's document) is looked for in the folder.
     */
    public static Report runOnServer(Database db, DocumentStore sealing, Progress progress,
            java.util.Optional<id.berkasdesa.keys.Identity> anchor) {
        return run(db, new Documents() {
            /** The scan's sealed bytes in the database; null for a file it does not hold (a village's document). */
            private byte[] sealed(String sha256) {
                return db.read(h -> h.createQuery("SELECT sealed FROM dinas_scan_bytes WHERE sha256 = :sha").bind("sha", sha256)
                        .mapTo(byte[].class).findOne()).orElse(null);
            }

            @Override
            public boolean exists(String sha256) {
                return sealing.exists(sha256) || db.read(h -> h.createQuery("SELECT COUNT(*) FROM dinas_scan_bytes WHERE sha256 = :sha")
                        .bind("sha", sha256).mapTo(Integer.class).one()) > 0;
            }

            @Override
            public boolean intact(String sha256) {
                byte[] bytes = sealed(sha256);
                if (bytes == null) {
                    return sealing.intact(sha256);
                }
                try {
                    return id.berkasdesa.common.Sha256.hex(sealing.unseal(bytes)).equals(sha256);
                } catch (id.berkasdesa.files.DocumentException e) {
                    return false;
                }
            }
        }, progress, anchor);
    }

    static Report run(Database db, Documents documents, Progress progress) {
        return run(db, documents, progress, java.util.Optional.empty());
    }

    static Report run(Database db, Documents documents, Progress progress,
            java.util.Optional<id.berkasdesa.keys.Identity> anchor) {
        List<Finding> problems = new ArrayList<>();
        try {
            db.script(sql -> progress.check()); // every row of every table read back
        } catch (StoreException e) {
            problems.add(problem("check.problem.database"));
        }
        long households = db.read(h -> h.createQuery("SELECT COUNT(*) FROM household").mapTo(Long.class).one());
        long docs = db.read(h -> h.createQuery("SELECT COUNT(*) FROM document").mapTo(Long.class).one());
        Map<String, Long> members = byStatus(db, "member");
        Map<String, Long> requests = byStatus(db, "reactivation_request");
        AuditChain.Verdict audit = AuditService.verifyStore(db, anchor);
        audit.broken().ifPresent(b -> problems.add(problem("check.problem.audit", b.seq())));
        problems.addAll(audit.changed());

        Set<String> referenced = DocumentService.referenced(db);
        progress.total(referenced.size());
        int missing = 0;
        int damaged = 0;
        for (String sha : new java.util.TreeSet<>(referenced)) {
            progress.check();
            if (!documents.exists(sha)) {
                missing++;
            } else if (!documents.intact(sha)) {
                damaged++;
            }
            progress.advance(1);
        }
        if (missing > 0) {
            problems.add(problem("check.problem.missing", missing));
        }
        if (damaged > 0) {
            problems.add(problem("check.problem.damaged", damaged));
        }
        return new Report(households, members, docs, requests, audit.entries(),
                audit.head() == null ? AuditChain.GENESIS : audit.head().hash(), missing, List.copyOf(problems));
    }

    private static Map<String, Long> byStatus(Database db, String table) {
        Map<String, Long> counts = new TreeMap<>();
        db.read(h -> h.createQuery("SELECT status, COUNT(*) FROM " + table + " GROUP BY status")
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2))).list())
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    static Finding problem(String key, Object... args) {
        return new Finding(Severity.ERROR, "", key, List.of(args));
    }
}
