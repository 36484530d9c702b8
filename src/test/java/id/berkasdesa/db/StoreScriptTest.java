package id.berkasdesa.db;

import static org.assertj.core.api.Assertions.assertThat;

import id.berkasdesa.household.Household;
import id.berkasdesa.household.HouseholdService;
import id.berkasdesa.household.Households;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.h2.tools.RunScript;
import org.h2.tools.Script;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The way a future H2 upgrade carries the data across (installer/README.md): the old version writes
 * the store as an SQL script, the new one runs it into a new file. Here both sides are this H2, and
 * the copy must be equal, table by table, row by row, and open as an up-to-date store.
 */
class StoreScriptTest {

    @TempDir
    Path from;
    @TempDir
    Path to;
    @TempDir
    Path work;

    @Test
    void aStoreRoundTripsThroughAnSqlScriptUnchanged() throws Exception {
        List<Household> families = List.of(Households.family(31), Households.family(32), Households.family(33));
        try (Database db = Database.open(from)) {
            HouseholdService service = new HouseholdService(db, Households.WILAYAH, Clock.systemDefaultZone());
            families.forEach(f -> service.save(f, true));
            db.write("settings.change", h -> h.execute("MERGE INTO setting (setting_name, setting_value) KEY (setting_name) VALUES ('document.preset', 'PUSAT_2026')"));
        }
        Path script = work.resolve("berkas-desa.sql");
        Script.process(url(from), "berkas", "", script.toString(), "", "");
        RunScript.execute(url(to), "berkas", "", script.toString(), StandardCharsets.UTF_8, false);

        assertThat(tables(to)).isEqualTo(tables(from)).containsKeys("HOUSEHOLD", "MEMBER", "DOCUMENT", "SETTING",
                "flyway_schema_history");
        try (Database copy = Database.open(to)) {
            assertThat(copy.upgradeBackup()).as("up to date: nothing to migrate").isEmpty();
            HouseholdService service = new HouseholdService(copy, Households.WILAYAH, Clock.systemDefaultZone());
            for (Household f : families) {
                assertThat(service.load(f.id())).contains(f);
            }
        }
    }

    private static String url(Path dir) {
        return "jdbc:h2:file:" + dir.resolve("berkas-desa").toAbsolutePath() + ";TRACE_LEVEL_FILE=0";
    }

    /** Every table of the store with its rows, in primary-key order, as text. */
    private static Map<String, List<List<String>>> tables(Path dir) throws Exception {
        Map<String, List<List<String>>> out = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(url(dir), "berkas", ""); Statement s = c.createStatement()) {
            List<String> names = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC' ORDER BY 1")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            for (String table : names) {
                List<List<String>> rows = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("SELECT * FROM \"" + table + "\" ORDER BY 1")) {
                    int n = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        List<String> row = new ArrayList<>();
                        for (int i = 1; i <= n; i++) {
                            row.add(rs.getString(i));
                        }
                        rows.add(row);
                    }
                }
                out.put(table, rows);
            }
        }
        return out;
    }
}
