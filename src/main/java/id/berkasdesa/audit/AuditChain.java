package id.berkasdesa.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The rules of the hash chain, plain code. Each entry's hash is SHA-256 over its canonical form, which
 * includes the previous entry's hash; editing, deleting, inserting or reordering any entry breaks the
 * chain from there. (Cutting entries off the end does not: that is what the head in every bundle's
 * {@code bag-info.txt} is for.)
 */
public final class AuditChain {

    /** The {@code prev} of the first entry. */
    public static final String GENESIS = "0".repeat(64);

    /**
     * The field name of an entry written later than what it records happened (a failed sign-in that
     * could not open the store): it carries the earlier time, and is no sign of a clock set back.
     */
    public static final String RECORDED_LATE = id.berkasdesa.db.UnitOfWork.RECORDED_LATE;

    /** Always 24 characters, so that the text sorts as the time does. */
    private static final java.time.format.DateTimeFormatter AT =
            java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSX").withZone(java.time.ZoneOffset.UTC);

    private AuditChain() {
    }

    /**
     * Every field, length-prefixed, in a fixed order: {@code 3:seq|...}. No separator inside a value
     * can make two different entries look alike.
     */
    public static String canonical(long seq, String at, String operator, String action, String entity,
            String entityId, List<String> fields, String prev) {
        StringBuilder b = new StringBuilder();
        for (String part : new String[] {Long.toString(seq), at, operator, action, entity, entityId,
                String.join(",", fields), prev}) {
            b.append(part.length()).append(':').append(part).append('|');
        }
        return b.toString();
    }

    public static String hash(long seq, String at, String operator, String action, String entity, String entityId,
            List<String> fields, String prev) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                    canonical(seq, at, operator, action, entity, entityId, fields, prev).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** The entry that follows {@code before} (null for the first). */
    public static AuditEntry next(AuditEntry before, Instant at, String operator, String action, String entity,
            String entityId, List<String> fields) {
        long seq = before == null ? 1 : before.seq() + 1;
        String prev = before == null ? GENESIS : before.hash();
        String when = AT.format(at);
        return new AuditEntry(seq, when, operator, action, entity, entityId, fields, prev,
                hash(seq, when, operator, action, entity, entityId, fields, prev));
    }

    /** How a chain was found. */
    public enum Break { SEQUENCE, PREVIOUS, HASH, UNREADABLE }

    /**
     * @param entries how many were checked
     * @param broken the first entry that breaks the chain, and why; empty when intact
     * @param clockBack entries older than the one before them (the PC's clock was set back): shown, not a break
     */
    public record Verdict(long entries, Optional<Broken> broken, List<Long> clockBack, AuditEntry head,
            List<id.berkasdesa.common.Finding> changed) {
        public Verdict {
            changed = List.copyOf(changed);
        }

        /** Whether the chain holds and nothing was found changed outside the app (see {@code TrailTrust}). */
        public boolean intact() {
            return broken.isEmpty() && changed.isEmpty();
        }

        /** The same, with what {@code TrailTrust} found. */
        public Verdict with(List<id.berkasdesa.common.Finding> found) {
            return new Verdict(entries, broken, clockBack, head, found);
        }
    }

    public record Broken(long seq, Break why) {
    }

    /** Checks entries in the order given (the order they were written). */
    public static Verdict verify(Iterable<AuditEntry> entries) {
        Verifier v = new Verifier();
        for (AuditEntry e : entries) {
            if (!v.accept(e)) {
                break;
            }
        }
        return v.verdict();
    }

    /** The same, one entry at a time, for a chain read as a stream. */
    public static final class Verifier {
        private AuditEntry before;
        private long n;
        private Broken broken;
        private final List<Long> clockBack = new java.util.ArrayList<>();
        private String latest;

        /** @return false once the chain is broken (later entries are not looked at) */
        public boolean accept(AuditEntry e) {
            if (broken != null) {
                return false;
            }
            n++;
            long expected = before == null ? 1 : before.seq() + 1;
            String prev = before == null ? GENESIS : before.hash();
            if (e.seq() != expected) {
                broken = new Broken(e.seq(), Break.SEQUENCE);
            } else if (!e.prev().equals(prev)) {
                broken = new Broken(e.seq(), Break.PREVIOUS);
            } else if (!e.hash().equals(hash(e.seq(), e.at(), e.operator(), e.action(), e.entity(), e.entityId(),
                    e.fields(), e.prev()))) {
                broken = new Broken(e.seq(), Break.HASH);
            } else {
                if (e.fields().contains(RECORDED_LATE)) {
                    // written at a later sign-in with the time it happened: older than its neighbours by design
                } else {
                    if (latest != null && e.at().compareTo(latest) < 0) {
                        clockBack.add(e.seq());
                    }
                    latest = e.at();
                }
                before = e;
                return true;
            }
            return false;
        }

        /** A line of a file that is not an entry at all. */
        public void unreadable(long line) {
            if (broken == null) {
                broken = new Broken(line, Break.UNREADABLE);
            }
        }

        public Verdict verdict() {
            return new Verdict(n, Optional.ofNullable(broken), List.copyOf(clockBack), before, List.of());
        }
    }
}
