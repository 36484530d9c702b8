package id.berkasdesa.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Loads and initialises what opening a store runs first — H2's engine, parser, tables and indexes — on
 * a throwaway in-memory database with no data and no file, so that a command's own opening finds them
 * ready ({@code cli.CommandWarmUp}, on a core that would idle). A class of its own, with no logger:
 * {@link Database}'s, and Jdbi's, set up the logging at their first use, and that makes the log's folder
 * and file even for a command that is then refused before its store.
 */
public final class EngineWarmUp {

    private EngineWarmUp() {
    }

    public static void run() {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:;TRACE_LEVEL_FILE=0");
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (id BIGINT PRIMARY KEY, nama VARCHAR(100) NOT NULL, dibuat TIMESTAMP)");
            s.execute("CREATE INDEX t_nama ON t (nama)");
            s.executeQuery("SELECT COUNT(*) FROM t WHERE nama = 'x'").close();
        } catch (SQLException e) {
            // the command's own opening loads it
        }
    }
}
