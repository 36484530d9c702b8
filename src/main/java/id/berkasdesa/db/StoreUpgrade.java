package id.berkasdesa.db;

import id.berkasdesa.common.AtomicFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.jdbcx.JdbcDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens before a store is opened for writing: look at it read-only, refuse what this app
 * must not touch, and copy it aside when this app is about to migrate it. See {@link Database#open}.
 */
final class StoreUpgrade {

    private static final Logger LOG = LoggerFactory.getLogger(StoreUpgrade.class);
    static final String BACKUP_FOLDER = "cadangan";

    private StoreUpgrade() {
    }

    /**
     * What the look before opening found.
     *
     * @param backup the copy made because migrations are pending, or null (new store, or up to date)
     * @param upToDate the store's schema history ends, successfully, at this release's last migration:
     *     nothing to migrate, and Flyway need not be loaded at all (it costs half a second of a cold start)
     */
    record Prepared(Path backup, boolean upToDate) {
    }

    /**
     * @throws StoreException "store.error.otherFormat" or "store.error.newer", the file untouched
     */
    static Prepared prepare(Path dataDir, Path file, String probeUrl, String user, String password, String migrations,
            String appVersion) {
        if (!Files.exists(file)) {
            return new Prepared(null, false);
        }
        JdbcDataSource probe = new JdbcDataSource();
        probe.setURL(probeUrl);
        probe.setUser(user);
        probe.setPassword(password);
        MigrationInfoService info;
        // one connection held open keeps the read-only database open while Flyway looks
        try (Connection hold = probe.getConnection()) {
            try {
                if (migrations.equals(Database.MIGRATIONS)) {
                    Integer last = lastSuccessfulVersion(hold);
                    if (last != null && last == Database.SCHEMA_VERSION) {
                        return new Prepared(null, true);
                    }
                    if (last != null && last > Database.SCHEMA_VERSION) {
                        throw new StoreException("store.error.newer", null, String.valueOf(last));
                    }
                }
                info = Flyway.configure().dataSource(probe).locations(migrations.split(",")).load().info();
            } finally {
                // close the read-only instance now, whatever Flyway keeps open: the store is opened for writing next
                try (Statement s = hold.createStatement()) {
                    s.execute("SHUTDOWN");
                }
            }
        } catch (StoreException e) {
            throw e;
        } catch (SQLException | RuntimeException e) {
            if (Database.otherFileFormat(e)) {
                throw new StoreException("store.error.otherFormat", e, file.toString());
            }
            throw new StoreException("store.error.open", e);
        }
        MigrationInfo[] applied = info.applied();
        boolean newer = Arrays.stream(applied).anyMatch(m -> m.getState() == MigrationState.FUTURE_SUCCESS
                || m.getState() == MigrationState.FUTURE_FAILED);
        if (newer) {
            throw new StoreException("store.error.newer", null, String.valueOf(info.current().getVersion()));
        }
        if (applied.length == 0 || info.pending().length == 0) {
            return new Prepared(null, false);
        }
        return new Prepared(backup(dataDir, file, String.valueOf(info.current().getVersion()), appVersion), false);
    }

    /**
     * The mark beside a store file that this schema version opened it last ({@code
     * berkas-desa-terenkripsi.skema}, holding "{@value Database#SCHEMA_VERSION}"): written after an open
     * that found or brought the schema up to date, removed before migrations run.
     */
    static Path mark(Path file) {
        String name = file.getFileName().toString();
        return file.resolveSibling(name.substring(0, name.length() - ".mv.db".length()) + ".skema");
    }

    static void markCurrent(Path file) {
        try {
            if (!isMarkedCurrent(file)) {
                AtomicFile.write(mark(file),
                        out -> out.write(String.valueOf(Database.SCHEMA_VERSION).getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
            }
        } catch (IOException | RuntimeException e) {
            // no mark: the next open looks read-only first, as without one
        }
    }

    static void unmark(Path file) {
        try {
            Files.deleteIfExists(mark(file));
        } catch (IOException e) {
            throw new StoreException("store.error.folder", e, file.getParent().toString());
        }
    }

    private static boolean isMarkedCurrent(Path file) {
        try {
            return Files.readString(mark(file), java.nio.charset.StandardCharsets.US_ASCII).strip()
                    .equals(String.valueOf(Database.SCHEMA_VERSION));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * The everyday open, in one step: when the mark says this schema version opened the store last, it
     * is opened for writing at once and its history checked on that connection. The read-only look of
     * {@link #prepare} costs a whole second opening of the file (its schema parsed, its pages read and
     * decrypted), and it is there for stores this app must not write to — another file format, a newer
     * app's schema — which a store this version opened last is not; a newer app removes the mark before
     * its migrations. Anything else (no mark, a history that does not end at this version, a failure)
     * closes what was opened and returns null: the caller then takes the read-only way.
     */
    static JdbcConnectionPool openIfMarkedCurrent(Path file, String url, String password) {
        if (!Files.exists(file) || !isMarkedCurrent(file)) {
            return null;
        }
        JdbcConnectionPool pool = Database.pool(url, password);
        try (Connection c = pool.getConnection()) {
            Integer last = lastSuccessfulVersion(c);
            if (last != null && last == Database.SCHEMA_VERSION) {
                return pool;
            }
        } catch (SQLException | RuntimeException e) {
            // the read-only way says what is wrong
        }
        Database.shutdown(pool, false);
        return null;
    }

    /**
     * The highest version in Flyway's schema history when every migration in it succeeded and all
     * versions are whole numbers (ours are); null when there is no history, a failure, or anything
     * unusual — then Flyway itself decides.
     */
    private static Integer lastSuccessfulVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT \"version\", \"success\" FROM \"flyway_schema_history\"")) {
            int last = -1;
            while (rs.next()) {
                String v = rs.getString(1);
                if (!rs.getBoolean(2)) {
                    return null;
                }
                if (v == null) {
                    continue; // the schema marker row
                }
                if (!v.matches("\\d{1,6}")) {
                    return null;
                }
                last = Math.max(last, Integer.parseInt(v));
            }
            return last < 0 ? null : last;
        } catch (SQLException e) {
            if (Database.otherFileFormat(e)) {
                throw e;
            }
            return null; // no history table (a store made outside the app): Flyway says what it is
        }
    }

    /** A copy of the store, forced to disk, under a name that says when and before which version. */
    private static Path backup(Path dataDir, Path file, String schema, String appVersion) {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path folder = dataDir.resolve(BACKUP_FOLDER);
        String base = file.getFileName().toString().replace(".mv.db", "");
        Path target = folder.resolve(base + "-" + stamp + "-skema" + schema + "-sebelum-" + safe(appVersion) + ".mv.db");
        try {
            Files.createDirectories(folder);
            AtomicFile.copy(file, target);
            LOG.info("store copied aside before migrating from schema {}", schema);
            return target;
        } catch (IOException e) {
            throw new StoreException("store.error.backup", e, folder.toString());
        }
    }

    /** Puts the backup back after a failed migration. */
    static void restore(Path backup, Path file) {
        try {
            AtomicFile.copy(backup, file);
            LOG.warn("store restored from its pre-migration copy");
        } catch (IOException e) {
            throw new StoreException("store.error.restoreFailed", e, backup.toString());
        }
    }

    /**
     * Deletes the copies in {@code cadangan/} that are plain (made before the store was encrypted):
     * they hold personal data in clear. An encrypted copy starts with H2's "H2encrypt" header.
     */
    static void removePlainBackups(Path dataDir) {
        Path folder = dataDir.resolve(BACKUP_FOLDER);
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (java.util.stream.Stream<Path> files = Files.list(folder)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(p) && !encrypted(p)) {
                    Files.deleteIfExists(p);
                    LOG.info("a plain pre-migration copy was deleted after encryption");
                }
            }
        } catch (IOException e) {
            throw new StoreException("store.error.folder", e, folder.toString());
        }
    }

    private static boolean encrypted(Path p) throws IOException {
        try (java.io.InputStream in = Files.newInputStream(p)) {
            byte[] head = in.readNBytes(9);
            return new String(head, java.nio.charset.StandardCharsets.ISO_8859_1).equals("H2encrypt");
        }
    }

    private static String safe(String version) {
        return version.replaceAll("[^0-9A-Za-z.-]", "_");
    }
}
