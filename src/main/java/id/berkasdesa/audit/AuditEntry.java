package id.berkasdesa.audit;

import java.util.List;

/**
 * One entry of the audit trail: who did what to which entity, and which fields changed (names only,
 * never values), chained to the entry before by its hash.
 *
 * @param at the ISO-8601 instant, in milliseconds, exactly as hashed
 * @param fields the names of the fields changed, in the order the work gave them
 * @param prev the hash of the entry before (64 zeros for the first)
 * @param hash SHA-256 of {@link AuditChain#canonical} of this entry, in lower-case hex
 */
public record AuditEntry(long seq, String at, String operator, String action, String entity, String entityId,
        List<String> fields, String prev, String hash) {

    public AuditEntry {
        fields = List.copyOf(fields);
    }
}
