package id.berkasdesa.bundle;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The bundles written, and which requests each carried. */
interface BundleDao {

    @SqlUpdate("""
            INSERT INTO bundle (id, name, created_at, request_count, document_count, payload_bytes, zip_bytes)
            VALUES (:id, :name, :at, :requests, :documents, :payload, :zip)
            """)
    void insert(@Bind("id") UUID id, @Bind("name") String name, @Bind("at") OffsetDateTime at,
            @Bind("requests") int requests, @Bind("documents") int documents, @Bind("payload") long payload,
            @Bind("zip") long zip);

    @SqlUpdate("INSERT INTO bundle_request (bundle_id, request_id, resend) VALUES (:bundle, :request, :resend)")
    void link(@Bind("bundle") UUID bundle, @Bind("request") UUID request, @Bind("resend") boolean resend);

    @SqlQuery("SELECT COUNT(*) FROM bundle_request WHERE request_id = :request")
    int timesSent(@Bind("request") UUID request);

    @SqlQuery("SELECT request_id FROM bundle_request WHERE bundle_id = :bundle")
    java.util.List<UUID> requestsOf(@Bind("bundle") UUID bundle);

    /**
     * The requests of {@code bundle} that no later bundle carried again (after Perbaiki): a request
     * names the bundle it was last sent in.
     */
    @SqlQuery("""
            SELECT br.request_id FROM bundle_request br
            JOIN bundle b ON b.id = br.bundle_id
            JOIN reactivation_request r ON r.id = br.request_id
            WHERE br.bundle_id = :bundle AND r.bundle = b.name""")
    java.util.List<UUID> latestOf(@Bind("bundle") UUID bundle);

    @SqlQuery("SELECT COUNT(*) FROM response_applied WHERE id = :id")
    int applied(@Bind("id") String answer);

    @SqlUpdate("""
            INSERT INTO response_applied (id, bundle_id, applied_at, changed)
            SELECT :id, :bundle, :at, :changed FROM (VALUES (1)) one
            WHERE NOT EXISTS (SELECT 1 FROM response_applied WHERE id = :id)""")
    void recordApplied(@Bind("id") String answer, @Bind("bundle") UUID bundle, @Bind("at") OffsetDateTime at,
            @Bind("changed") int changed);

    @SqlQuery("SELECT COUNT(*) FROM bundle WHERE id = :bundle")
    int exists(@Bind("bundle") UUID bundle);
}
