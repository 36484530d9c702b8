package id.berkasdesa.document;

import id.berkasdesa.files.FileType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for documents. Attached to a handle inside {@code Database.write/read}. */
@RegisterRowMapper(DocumentDao.DocumentMapper.class)
interface DocumentDao {

    String SELECT = """
            SELECT d.*, (SELECT COALESCE(SUM(s.size), 0) FROM document_source s WHERE s.document_id = d.id) AS original_size,
                   (SELECT COUNT(*) FROM document_source s WHERE s.document_id = d.id) AS source_count
            FROM document d
            """;

    @SqlQuery(SELECT + " WHERE d.household_id = :household ORDER BY d.created_at, d.id")
    List<Document> forHousehold(@Bind("household") UUID householdId);

    @SqlQuery(SELECT + " WHERE d.id = :id")
    Optional<Document> find(@Bind("id") UUID id);

    @SqlQuery("SELECT COUNT(*) FROM member WHERE id = :member AND household_id = :household")
    int memberOf(@Bind("member") UUID member, @Bind("household") UUID household);

    @SqlQuery("SELECT COUNT(*) FROM household WHERE id = :household")
    int householdExists(@Bind("household") UUID household);

    // a household's own document has no member: a null typed as text by the driver, so the SQL names its type
    @SqlUpdate("""
            INSERT INTO document (id, household_id, member_id, kind, label, tanggal, faskes, diagnosis, rotation,
                   copy_sha256, copy_type, copy_size, copy_pages, over_limit, created_at, attached_by)
            VALUES (:id, :household, CAST(:member AS UUID), :kind, :label, :tanggal, :faskes, :diagnosis, :rotation,
                   :sha, :type, :size, :pages, :overLimit, :now, :by)
            """)
    void insert(@Bind("id") UUID id, @Bind("household") UUID household, @Bind("member") UUID member,
            @Bind("kind") String kind, @Bind("label") String label, @Bind("tanggal") LocalDate tanggal,
            @Bind("faskes") String faskes, @Bind("diagnosis") String diagnosis, @Bind("rotation") int rotation,
            @Bind("sha") String sha, @Bind("type") String type, @Bind("size") long size, @Bind("pages") int pages,
            @Bind("overLimit") boolean overLimit, @Bind("now") OffsetDateTime now, @Bind("by") String attachedBy);

    @SqlUpdate("""
            INSERT INTO document_source (document_id, urut, sha256, media_type, size, file_name, pages)
            VALUES (:doc, :urut, :sha, :type, :size, :name, :pages)
            """)
    void insertSource(@Bind("doc") UUID doc, @Bind("urut") int urut, @Bind("sha") String sha,
            @Bind("type") String type, @Bind("size") long size, @Bind("name") String name, @Bind("pages") int pages);

    @SqlQuery("SELECT sha256, media_type, size, file_name, pages FROM document_source WHERE document_id = :doc ORDER BY urut")
    @RegisterRowMapper(SourceMapper.class)
    List<SourceInfo> sources(@Bind("doc") UUID doc);

    @SqlUpdate("""
            UPDATE document SET rotation = :rotation, copy_sha256 = :sha, copy_type = :type, copy_size = :size,
                   copy_pages = :pages, over_limit = :overLimit WHERE id = :id
            """)
    int updateCopy(@Bind("id") UUID id, @Bind("rotation") int rotation, @Bind("sha") String sha,
            @Bind("type") String type, @Bind("size") long size, @Bind("pages") int pages,
            @Bind("overLimit") boolean overLimit);

    @SqlUpdate("DELETE FROM document WHERE id = :id")
    int delete(@Bind("id") UUID id);

    @SqlQuery("""
            SELECT (SELECT COUNT(*) FROM document WHERE copy_sha256 = :sha)
                 + (SELECT COUNT(*) FROM document_source WHERE sha256 = :sha)
                 + (SELECT COUNT(*) FROM dinas_scan WHERE sha256 = :sha)
            """)
    int references(@Bind("sha") String sha);

    /**
     * Every file the store's rows name: a village's upload copies and originals, and the scans a
     * district keeps from the bundles it received (both kinds of store have every table; the sweep,
     * the check and the backup must not take a district's scans for leftovers).
     */
    @SqlQuery("SELECT copy_sha256 FROM document UNION SELECT sha256 FROM document_source UNION SELECT sha256 FROM dinas_scan")
    List<String> referenced();

    /** The files a village's rows name (upload copies and originals): the files a store keeps in its folder on a server. */
    @SqlQuery("SELECT copy_sha256 FROM document UNION SELECT sha256 FROM document_source")
    List<String> referencedInFolder();

    @SqlQuery("SELECT COUNT(*) FROM document")
    int count();

    final class DocumentMapper implements RowMapper<Document> {
        @Override
        public Document map(ResultSet rs, StatementContext ctx) throws SQLException {
            String diagnosis = rs.getString("diagnosis");
            return new Document(rs.getObject("id", UUID.class), rs.getObject("household_id", UUID.class),
                    rs.getObject("member_id", UUID.class), DocumentKind.valueOf(rs.getString("kind")),
                    rs.getString("label"), rs.getObject("tanggal", LocalDate.class), rs.getString("faskes"),
                    diagnosis == null ? null : Diagnosis.valueOf(diagnosis), rs.getInt("rotation"),
                    rs.getString("copy_sha256"), FileType.valueOf(rs.getString("copy_type")), rs.getLong("copy_size"),
                    rs.getInt("copy_pages"), rs.getBoolean("over_limit"), rs.getLong("original_size"),
                    rs.getInt("source_count"), rs.getString("attached_by"));
        }
    }

    final class SourceMapper implements RowMapper<SourceInfo> {
        @Override
        public SourceInfo map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new SourceInfo(rs.getString(1), FileType.valueOf(rs.getString(2)), rs.getLong(3), rs.getString(4),
                    rs.getInt(5));
        }
    }
}
