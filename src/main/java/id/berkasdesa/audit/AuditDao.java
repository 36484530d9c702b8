package id.berkasdesa.audit;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/** The audit_entry table: append, the head, and the entries in order. */
final class AuditDao {

    private static final String COLUMNS = "seq, at, operator, action, entity, entity_id, fields, prev, hash";

    static final RowMapper<AuditEntry> MAPPER = (rs, ctx) -> new AuditEntry(rs.getLong(1), rs.getString(2),
            rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), fields(rs.getString(7)),
            rs.getString(8).strip(), rs.getString(9).strip());

    private AuditDao() {
    }

    static List<String> fields(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }

    static Optional<AuditEntry> head(Handle h) {
        return h.createQuery("SELECT " + COLUMNS + " FROM audit_entry ORDER BY seq DESC FETCH FIRST 1 ROWS ONLY")
                .map(MAPPER).findOne();
    }

    static void insert(Handle h, AuditEntry e, String signer, String signature) {
        h.createUpdate("INSERT INTO audit_entry (" + COLUMNS + ", signer, signature) VALUES (:seq, :at, :operator, "
                + ":action, :entity, :entityId, :fields, :prev, :hash, :signer, :signature)")
                .bind("seq", e.seq()).bind("at", e.at()).bind("operator", e.operator()).bind("action", e.action())
                .bind("entity", e.entity()).bind("entityId", e.entityId()).bind("fields", String.join(",", e.fields()))
                .bind("prev", e.prev()).bind("hash", e.hash()).bind("signer", signer).bind("signature", signature)
                .execute();
    }

    /** An entry as its signature is checked: who is named, what was done, its hash, and who signed it. */
    record Signed(long seq, String operator, String action, String hash, String signer, String signature) {
    }

    /** Entries from {@code seq} on, streamed, with their signatures. */
    static void signedFrom(Handle h, long seq, Consumer<Signed> sink) {
        try (var stream = h.createQuery("SELECT seq, operator, action, hash, signer, signature FROM audit_entry "
                + "WHERE seq >= :seq ORDER BY seq").bind("seq", seq).setFetchSize(1000)
                .map((rs, ctx) -> new Signed(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4).strip(),
                        rs.getString(5), rs.getString(6))).stream()) {
            stream.forEach(sink);
        }
    }

    /** The hash of entry {@code seq}, if there is one. */
    static Optional<String> hashOf(Handle h, long seq) {
        return h.createQuery("SELECT hash FROM audit_entry WHERE seq = :seq").bind("seq", seq).mapTo(String.class)
                .findOne().map(String::strip);
    }

    /** Every entry in the order written, streamed (a chain of 100,000 is not held in memory). */
    static void each(Handle h, Consumer<AuditEntry> sink) {
        try (var stream = h.createQuery("SELECT " + COLUMNS + " FROM audit_entry ORDER BY seq").setFetchSize(1000)
                .map(MAPPER).stream()) {
            stream.forEach(sink);
        }
    }
}
