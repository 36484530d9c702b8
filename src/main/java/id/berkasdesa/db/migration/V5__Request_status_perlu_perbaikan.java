package id.berkasdesa.db.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Adds the status PERLU_PERBAIKAN (the Dinas Sosial asks for a correction). The status check of
 * V4 was declared inline, so H2 named it itself; it is looked up by its clause and replaced by a
 * named one. Java because SQL alone cannot drop a constraint whose name it does not know.
 */
public class V5__Request_status_perlu_perbaikan extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        List<String> names = new ArrayList<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("""
                        SELECT tc.CONSTRAINT_NAME FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS tc
                        JOIN INFORMATION_SCHEMA.CHECK_CONSTRAINTS cc
                          ON cc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA AND cc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME
                        WHERE tc.TABLE_SCHEMA = SCHEMA() AND tc.TABLE_NAME = 'REACTIVATION_REQUEST'
                          AND tc.CONSTRAINT_TYPE = 'CHECK' AND cc.CHECK_CLAUSE LIKE '%''AKTIF_KEMBALI''%'
                        """)) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        if (names.size() != 1) {
            throw new IllegalStateException("expected one status check on reactivation_request, found " + names.size());
        }
        try (Statement st = c.createStatement()) {
            st.execute("ALTER TABLE reactivation_request DROP CONSTRAINT \"" + names.get(0) + "\"");
            st.execute("""
                    ALTER TABLE reactivation_request ADD CONSTRAINT ck_request_status
                    CHECK (status IN ('DRAF', 'SIAP_KIRIM', 'TERKIRIM', 'PERLU_PERBAIKAN', 'DISETUJUI', 'DITOLAK',
                                      'AKTIF_KEMBALI', 'GAGAL'))
                    """);
        }
    }
}
