package id.berkasdesa.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * A real PostgreSQL server for tests: zonky's embedded binaries (PostgreSQL 16, from Maven Central, no
 * Docker, works as root), one per JVM, started on first use; each test gets a database of its own.
 */
public final class Postgres {

    private static EmbeddedPostgres server;
    private static final AtomicInteger NEXT = new AtomicInteger();

    private Postgres() {
    }

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (IOException ignored) {
                    // the JVM is going anyway
                }
            }));
        }
        return server;
    }

    /** A new, empty database on the server; each call's DataSource opens its own connections. */
    public static DataSource freshDatabase() {
        return server().getDatabase("postgres", freshDatabaseName());
    }

    /** A new, empty database on the server, by name (for a process of its own to connect to, on {@link #port}). */
    public static String freshDatabaseName() {
        String name = "bd" + NEXT.incrementAndGet();
        try (Connection c = server().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return name;
    }

    /** The port the server listens on (localhost; user "postgres", any password). */
    public static int port() {
        return server().getPort();
    }

    /** Another DataSource on an existing database (another officer's process). */
    public static DataSource database(String name) {
        return server().getDatabase("postgres", name);
    }

    /** The server's version, as it reports it. */
    public static String version(DataSource source) {
        try (Connection c = source.getConnection()) {
            return c.getMetaData().getDatabaseProductVersion();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
