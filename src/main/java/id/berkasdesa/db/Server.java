package id.berkasdesa.db;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.h2.jdbcx.JdbcConnectionPool;
import org.jdbi.v3.core.Jdbi;
import org.postgresql.ds.PGConnectionPoolDataSource;

/**
 * A district office's database server (PostgreSQL 15 or later), given as {@code --database
 * postgresql://HOST:PORT/DB} with the user and password from {@code BERKAS_DESA_DB_USER} and
 * {@code BERKAS_DESA_DB_PASSWORD}: several officers' PCs work on it at once. Its schema is brought up
 * to date when the first PC connects. It keeps the store's key ring (the store key wrapped for each
 * account's password, the office's key pair sealed under it), so that every PC signs in the same way;
 * each PC has a work folder of its own for logs and staging (never a village's data folder).
 */
public final class Server implements AutoCloseable {

    private final String display;
    private final JdbcConnectionPool pool;
    private final Jdbi jdbi;

    private Server(String display, JdbcConnectionPool pool) {
        this.display = display;
        this.pool = pool;
        this.jdbi = Jdbi.create(pool);
    }

    /** Where a server is: its host, port and database, from the URL an office gives. */
    public record Address(String host, int port, String database) {
        /** {@code postgresql://HOST[:PORT]/DB} (also {@code postgres://} or {@code jdbc:postgresql://}). */
        public static Optional<Address> parse(String url) {
            if (url == null) {
                return Optional.empty();
            }
            String u = url.strip();
            if (u.startsWith("jdbc:")) {
                u = u.substring(5);
            }
            try {
                URI uri = new URI(u);
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                String db = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
                if (!(scheme.equals("postgresql") || scheme.equals("postgres")) || uri.getHost() == null
                        || !db.matches("[A-Za-z0-9_\\-]{1,63}")) {
                    return Optional.empty();
                }
                return Optional.of(new Address(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), db));
            } catch (java.net.URISyntaxException e) {
                return Optional.empty();
            }
        }

        @Override
        public String toString() {
            return "postgresql://" + host + ":" + port + "/" + database;
        }

        /** This PC's work folder for the server, inside {@code base}: one per server, apart from any village's data. */
        public Path workDir(Path base) {
            String name = ("server-" + host + "-" + port + "-" + database).replaceAll("[^A-Za-z0-9._-]", "_");
            return base.resolve(name);
        }
    }

    /**
     * Connects, checks the server answers and is PostgreSQL 15 or later, and brings the schema up to date.
     *
     * @throws StoreException "store.error.serverUrl", "store.error.serverLogin" (no user or password),
     *     "store.error.serverLoginRefused" (the server refused them), "store.error.server" (unreachable,
     *     refused, or too old), or "store.error.migration"
     */
    public static Server connect(String url, String user, String password) {
        Address a = Address.parse(url).orElseThrow(() -> new StoreException("store.error.serverUrl", null, String.valueOf(url)));
        if (user == null || user.isBlank() || password == null) {
            throw new StoreException("store.error.serverLogin", null, a.toString());
        }
        PGConnectionPoolDataSource pg = new PGConnectionPoolDataSource();
        pg.setServerNames(new String[] {a.host()});
        pg.setPortNumbers(new int[] {a.port()});
        pg.setDatabaseName(a.database());
        pg.setUser(user);
        pg.setPassword(password);
        pg.setConnectTimeout(10);
        pg.setApplicationName("Berkas Desa");
        JdbcConnectionPool pool = JdbcConnectionPool.create(pg);
        pool.setMaxConnections(8);
        try (Connection c = pool.getConnection()) {
            if (c.getMetaData().getDatabaseMajorVersion() < 15) {
                throw new StoreException("store.error.server", null, a.toString(), c.getMetaData().getDatabaseProductVersion());
            }
        } catch (SQLException e) {
            pool.dispose();
            if (e.getSQLState() != null && e.getSQLState().startsWith("28")) {
                // class 28, invalid authorization: no such user, or a wrong password (the window asks again)
                throw new StoreException("store.error.serverLoginRefused", e, a.toString(), e.getSQLState());
            }
            throw new StoreException("store.error.server", e, a.toString(), String.valueOf(e.getSQLState()));
        }
        try {
            Flyway.configure().dataSource(pool).locations(Database.POSTGRES_MIGRATIONS).cleanDisabled(true).load().migrate();
        } catch (FlywayException e) {
            pool.dispose();
            throw new StoreException("store.error.migration", e);
        }
        return new Server(a.toString(), pool);
    }

    public DataSource source() {
        return pool;
    }

    @Override
    public String toString() {
        return display;
    }

    /** The key ring the server keeps, as the key file's bytes; empty for a new office. */
    public Optional<byte[]> keyRing() {
        return jdbi.withHandle(h -> h.createQuery("SELECT content FROM store_keyring WHERE id = 1").mapTo(String.class).findOne())
                .map(s -> s.getBytes(StandardCharsets.UTF_8));
    }

    /** Keeps the key ring (after a PC changed it: an account added, a password changed, a new key). */
    public void saveKeyRing(byte[] json) {
        String content = new String(json, StandardCharsets.UTF_8);
        jdbi.useTransaction(h -> {
            if (h.createUpdate("UPDATE store_keyring SET content = :c WHERE id = 1").bind("c", content).execute() == 0) {
                h.createUpdate("INSERT INTO store_keyring (id, content) VALUES (1, :c)").bind("c", content).execute();
            }
        });
    }

    @Override
    public void close() {
        pool.dispose();
    }
}
