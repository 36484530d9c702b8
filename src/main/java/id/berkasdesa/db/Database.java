package id.berkasdesa.db;

import id.berkasdesa.common.BuildInfo;
import id.berkasdesa.common.SafeLog;
import id.berkasdesa.common.Session;
import id.berkasdesa.keys.StoreKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.h2.jdbcx.JdbcConnectionPool;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one store: an H2 file in the data folder, its schema by Flyway, access by Jdbi. Everything
 * else reaches the database through here, so the engine can change in one place.
 *
 * <p>Durability: H2 by default keeps commits in memory for up to 500 ms and never forces them to
 * disk. {@link #write} runs {@code CHECKPOINT SYNC} (in H2 2.3: write the pending chunk, then fsync)
 * after the commit and before it returns: a save the operator sees confirmed is on disk. The write
 * delay itself stays at H2's default, so H2's background writer keeps compacting the file.
 *
 * <p>Never interrupt a thread that is inside a call to this class: an interrupt inside H2 closes
 * the database file. Background work is cancelled by a flag checked between calls.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    static final String FILE_NAME = "berkas-desa";
    /** The encrypted store's name: a different file, so a half-done encryption never stands in for the store. */
    static final String ENCRYPTED_NAME = "berkas-desa-terenkripsi";

    /** H2's: the SQL migrations, and the one Java migration (V5), which lives in this package tree since issue 26. */
    static final String MIGRATIONS = "classpath:db/migration,classpath:id/berkasdesa/db/migration";
    /**
     * The version of this release's last migration. A store whose schema history ends there opens
     * without Flyway; a test keeps this equal to the highest migration shipped.
     */
    static final int SCHEMA_VERSION = 26;
    private static final String USER = "berkas";
    /** H2's "unsupported database file version": a store written by another H2 file format. */
    private static final int OTHER_FILE_FORMAT = 90048;

    private final Path dataDir;
    private final InstanceLock lock;
    private final Engine engine;
    private final Jdbi jdbi;
    private final Path upgradeBackup;
    private final StoreKey key;

    private Database(Path dataDir, InstanceLock lock, JdbcConnectionPool pool, Path upgradeBackup, StoreKey key) {
        this.dataDir = dataDir;
        this.key = key;
        this.lock = lock;
        this.engine = new H2(pool);
        this.upgradeBackup = upgradeBackup;
        this.jdbi = Jdbi.create(pool).installPlugin(new SqlObjectPlugin());
    }

    private Database(javax.sql.DataSource source, Engine engine, Path workDir, StoreKey key) {
        this.dataDir = workDir;
        this.key = key;
        this.lock = null;
        this.engine = engine;
        this.upgradeBackup = null;
        this.jdbi = Jdbi.create(source).installPlugin(new SqlObjectPlugin());
    }

    /**
     * A new encrypted store in {@code dir} (a temporary folder of the sign-in's warm-up) whose schema
     * is made by running the SQL migrations straight through H2, not through Flyway: the warm-up wants
     * H2's engine, the services and their queries loaded, not Flyway, which a store already up to date
     * never runs (measured: 1.4-1.65 s to open this way with Flyway, the warm-up's longest part). The
     * one Java migration (a constraint renamed) is left out; nothing is ever kept in this store.
     */
    public static Database throwaway(Path dir, StoreKey key) {
        InstanceLock lock = InstanceLock.acquire(dir);
        JdbcConnectionPool pool = JdbcConnectionPool.create(url(dir, true), USER, key.fileKey() + " ");
        try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
            for (String script : sqlMigrations()) {
                st.execute("RUNSCRIPT FROM 'classpath:/" + script + "'");
            }
        } catch (SQLException | java.io.IOException | java.net.URISyntaxException | RuntimeException e) {
            shutdown(pool, false);
            lock.close();
            throw new StoreException("store.error.open", e);
        }
        return new Database(dir, lock, pool, null, key);
    }

    /** The SQL migrations in this app's jar (or classes folder), by version. */
    private static java.util.List<String> sqlMigrations() throws java.io.IOException, java.net.URISyntaxException {
        Path code = Path.of(Database.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        java.util.List<String> names;
        if (Files.isDirectory(code)) {
            try (java.util.stream.Stream<Path> files = Files.list(code.resolve(MIGRATION_FOLDER))) {
                names = files.map(f -> MIGRATION_FOLDER + "/" + f.getFileName()).toList();
            }
        } else {
            try (java.util.jar.JarFile jar = new java.util.jar.JarFile(code.toFile())) {
                names = jar.stream().map(java.util.jar.JarEntry::getName)
                        .filter(n -> n.startsWith(MIGRATION_FOLDER + "/")).toList();
            }
        }
        return names.stream().filter(n -> n.endsWith(".sql"))
                .sorted(java.util.Comparator.comparingInt(n -> Integer.parseInt(n.substring(n.lastIndexOf("/V") + 2, n.indexOf("__")))))
                .toList();
    }

    private static final String MIGRATION_FOLDER = "db/migration";

    /** PostgreSQL's migrations: one baseline reaching H2's V14, then the same versions as H2's. */
    static final String POSTGRES_MIGRATIONS = "classpath:db/postgresql";

    /**
     * A store on a PostgreSQL server (15 or later), shared by several processes at once (a district
     * office's officers): its schema brought up to date by Flyway, units of work serialised by the
     * server ({@link Engine.Postgres}). The caller owns {@code source} and closes it after this.
     *
     * @param workDir a folder of this PC for what is not kept in the database (document files, logs)
     */
    public static Database onPostgres(javax.sql.DataSource source, Path workDir) {
        return onPostgres(source, workDir, null);
    }

    /**
     * The same for an office's store with its key (from the key ring the database keeps): the
     * documents' bytes are sealed under it, as beside an H2 file.
     */
    public static Database onPostgres(javax.sql.DataSource source, Path workDir, StoreKey key) {
        try {
            Flyway.configure().dataSource(source).locations(POSTGRES_MIGRATIONS).cleanDisabled(true).load().migrate();
        } catch (FlywayException e) {
            LOG.error("schema migration failed: {}", SafeLog.describe(e));
            throw new StoreException("store.error.migration", e);
        }
        LOG.info("store opened (postgresql)");
        return new Database(source, new Engine.Postgres(), workDir, key);
    }

    /**
     * Whether the documents' sealed bytes belong in the database (a server several PCs share, each
     * with its own work folder) rather than in files beside the store.
     */
    public boolean keepsDocumentBytes() {
        return engine instanceof Engine.Postgres;
    }

    /** The engine's name ("h2", "postgresql"): for logs and a backup's manifest, never for a branch outside this package. */
    public String engine() {
        return engine.name();
    }

    /** Today's H2 file store. */
    private static final class H2 implements Engine {
        private final JdbcConnectionPool pool;

        H2(JdbcConnectionPool pool) {
            this.pool = pool;
        }

        @Override
        public String name() {
            return "h2";
        }

        @Override
        public void beginWrite(Handle handle) {
            // one process: the store's write lock orders the units of work
        }

        @Override
        public void sync(Handle handle) {
            handle.execute("CHECKPOINT SYNC");
        }

        @Override
        public void close(boolean mayCompact) {
            shutdown(pool, mayCompact);
        }
    }

    /**
     * Opens (creating if needed) the store in {@code dataDir} and brings its schema up to date.
     *
     * @throws StoreException with a message for the operator: folder not writable, store in use by
     *     another window, store damaged or from an unknown version
     */
    public static Database open(Path dataDir) {
        return open(dataDir, MIGRATIONS, BuildInfo.current().version(), null);
    }

    /**
     * Opens (creating if needed) the encrypted store of {@code dataDir}: H2's {@code CIPHER=AES} with
     * the file key derived from {@code key}, never a typed password.
     */
    public static Database open(Path dataDir, StoreKey key) {
        return open(dataDir, MIGRATIONS, BuildInfo.current().version(), java.util.Objects.requireNonNull(key));
    }

    static Database open(Path dataDir, String migrations, String appVersion) {
        return open(dataDir, migrations, appVersion, null);
    }

    /**
     * Before anything is written, the store is looked at read-only: one written by another H2 file
     * format, or by a newer app (migrations this app does not know), is refused and left as it is.
     * When this app brings migrations the store lacks, the file is first copied to
     * {@code cadangan/} in the data folder; a migration that fails puts that copy back.
     */
    static Database open(Path dataDir, String migrations, String appVersion, StoreKey key) {
        try {
            // personal data: the folder is its owner's alone (0700 where permissions exist)
            id.berkasdesa.common.FilePermissions.ownerOnlyFolder(dataDir);
        } catch (Exception e) {
            throw new StoreException("store.error.folder", e, dataDir.toString());
        }
        InstanceLock lock = InstanceLock.acquire(dataDir);
        JdbcConnectionPool pool = null;
        try {
            boolean encrypted = key != null;
            String password = encrypted ? key.fileKey() + " " : "";
            boolean ours = migrations.equals(MIGRATIONS);
            Path file = file(dataDir, encrypted);
            Path backup = null;
            if (ours) {
                pool = StoreUpgrade.openIfMarkedCurrent(file, url(dataDir, encrypted), password);
            }
            if (pool == null) {
                StoreUpgrade.Prepared prepared = StoreUpgrade.prepare(dataDir, file,
                        probeUrl(dataDir, encrypted), USER, password, migrations, appVersion);
                backup = prepared.backup();
                pool = pool(url(dataDir, encrypted), password);
                if (!prepared.upToDate()) {
                    StoreUpgrade.unmark(file); // no mark while the schema changes: a kill leaves none behind
                    migrate(pool, migrations, dataDir, backup, file);
                }
                if (ours) {
                    StoreUpgrade.markCurrent(file);
                }
            }
            LOG.info("store opened{}", encrypted ? " (encrypted)" : "");
            return new Database(dataDir, lock, pool, backup, key);
        } catch (RuntimeException e) {
            if (pool != null) {
                shutdown(pool, false);
            }
            lock.close();
            throw e;
        }
    }

    /** The store file's name in a data folder (encrypted), and the plain one's (a store from before encryption). */
    public static final String STORE_FILE = ENCRYPTED_NAME + ".mv.db";
    /** The mark beside it: the schema version that opened it last (see {@link StoreUpgrade#openIfMarkedCurrent}). */
    public static final String STORE_MARK = ENCRYPTED_NAME + ".skema";
    /** The file whose lock says one program uses the folder (nothing else is in it). */
    public static final String LOCK_FILE = InstanceLock.FILE;
    public static final String PLAIN_STORE_FILE = FILE_NAME + ".mv.db";

    /** The folder of the copies made before migrations, inside a data folder. */
    public static final String UPGRADE_BACKUPS = StoreUpgrade.BACKUP_FOLDER;

    /** A data folder held by this process (see {@link #holdFolder}); closing lets it go. */
    public interface Held extends AutoCloseable {
        @Override
        void close();
    }

    /** The schema version this release writes (its last migration). */
    public static int schemaVersion() {
        return SCHEMA_VERSION;
    }

    /** The H2 release this app embeds. */
    public static String engineVersion() {
        return org.h2.engine.Constants.VERSION;
    }

    /**
     * Holds {@code dataDir} for this process as an open store does (another window or command cannot
     * open it meanwhile): for work on the folder with no store open (a restore).
     *
     * @throws StoreException "store.error.inUse" when it is open elsewhere
     */
    public static Held holdFolder(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (Exception e) {
            throw new StoreException("store.error.folder", e, dataDir.toString());
        }
        return InstanceLock.acquire(dataDir)::close;
    }

    /**
     * Builds a new encrypted store in {@code dataDir} (there must be none) from SQL statements, as
     * {@link #script} gave them, then closes it, forced to disk. On failure nothing is left.
     *
     * @throws StoreException "store.error.restore" when a statement fails
     */
    public static void build(Path dataDir, StoreKey key, java.util.Iterator<String> statements) {
        if (exists(dataDir)) {
            throw new StoreException("store.error.restore", null, dataDir.toString());
        }
        JdbcConnectionPool pool = JdbcConnectionPool.create(url(dataDir, true), USER, key.fileKey() + " ");
        boolean done = false;
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            int n = 0;
            while (statements.hasNext()) {
                s.execute(statements.next());
                if (++n % 500 == 0) {
                    c.commit();
                }
            }
            c.commit();
            s.execute("CHECKPOINT SYNC");
            done = true;
        } catch (SQLException | RuntimeException e) {
            if (e instanceof id.berkasdesa.common.MessageException me) {
                throw me; // the statements' own reader said what is wrong with them
            }
            throw new StoreException("store.error.restore", e, dataDir.toString());
        } finally {
            shutdown(pool, false);
            if (!done) {
                removeEncrypted(dataDir);
            }
        }
    }

    /**
     * H2's {@code SCRIPT} of the store, statement by statement, to {@code sink}: the schema and every
     * row, in SQL any later H2 reads. One statement, so one snapshot of the committed data; writes
     * wait meanwhile (see {@link #holdingWrites}). Large results spill to H2's temp files, which H2
     * encrypts like the store.
     */
    public void script(java.util.function.Consumer<String> sink) {
        if (engine instanceof Engine.Postgres) {
            readEveryRow(sink);
            return;
        }
        read(h -> {
            try (Statement s = h.getConnection().createStatement(); ResultSet rs = s.executeQuery("SCRIPT")) {
                while (rs.next()) {
                    sink.accept(rs.getString(1));
                }
            } catch (SQLException e) {
                throw new StoreException("store.error.open", e);
            }
            return null;
        });
    }

    /** On a server, which has no {@code SCRIPT}: every column of every row of every table read back, a table at a time. */
    private void readEveryRow(java.util.function.Consumer<String> sink) {
        for (String t : counts().keySet()) {
            read(h -> {
                try (Statement s = h.getConnection().createStatement()) {
                    h.getConnection().setAutoCommit(false); // a cursor, not every row in memory at once
                    s.setFetchSize(200);
                    try (ResultSet rs = s.executeQuery("SELECT * FROM \"" + t.toLowerCase(java.util.Locale.ROOT) + "\"")) {
                        int columns = rs.getMetaData().getColumnCount();
                        while (rs.next()) {
                            for (int c = 1; c <= columns; c++) {
                                rs.getObject(c);
                            }
                            sink.accept(t);
                        }
                    }
                } catch (SQLException e) {
                    throw new StoreException("store.error.open", e);
                } finally {
                    try {
                        h.getConnection().rollback();
                        h.getConnection().setAutoCommit(true);
                    } catch (SQLException e) {
                        // the connection goes back to the pool; the next use sees its state
                    }
                }
                return null;
            });
        }
    }

    /** The rows of every table of the store, by table name (a backup's manifest; the check compares them). */
    public java.util.SortedMap<String, Long> counts() {
        return read(h -> {
            java.util.SortedMap<String, Long> counts = new java.util.TreeMap<>();
            java.util.List<String> tables = h.createQuery("""
                    SELECT table_name FROM information_schema.tables
                    WHERE table_schema = CURRENT_SCHEMA AND table_type = 'BASE TABLE' ORDER BY table_name""")
                    .mapTo(String.class).list();
            for (String t : tables) {
                // by the name in capitals on either engine (PostgreSQL folds names to lower case)
                counts.put(t.toUpperCase(java.util.Locale.ROOT), h.createQuery("SELECT COUNT(*) FROM \""
                        + t.replace("\"", "\"\"") + "\"").mapTo(Long.class).one());
            }
            return counts;
        });
    }

    /**
     * Runs {@code work} while no unit of work can commit, and when it ends normally none ever commits
     * again on this opening: the store is being replaced (Ganti kunci data) and must be closed.
     *
     * @throws StoreException "store.error.retired" from every later unit of work
     */
    public <R> R retiring(java.util.function.Supplier<R> work) {
        synchronized (writeLock) {
            R r = work.get();
            retired = true;
            return r;
        }
    }

    /** Runs {@code work} while no unit of work can commit (a backup's snapshot with its figures). */
    public <R> R holdingWrites(java.util.function.Supplier<R> work) {
        synchronized (writeLock) {
            return work.get();
        }
    }

    /** True when {@code dataDir} already holds a store (plain, or encrypted). */
    public static boolean exists(Path dataDir) {
        return Files.exists(file(dataDir)) || Files.exists(file(dataDir, true));
    }

    /** True when {@code dataDir} holds a plain store (one made before encryption). */
    public static boolean plainExists(Path dataDir) {
        return Files.exists(file(dataDir));
    }

    static Path file(Path dataDir) {
        return file(dataDir, false);
    }

    /**
     * The first step of encrypting a plain store: a copy of its file under the encrypted store's
     * name, encrypted by H2's {@code ChangeFileEncryption} (a byte copy through H2's cipher, not a
     * compaction) and forced to disk. The plain file is not touched. The store must not be open.
     */
    public static void encryptCopy(Path dataDir, StoreKey key) {
        Path plain = file(dataDir);
        Path encrypted = file(dataDir, true);
        try {
            Files.copy(plain, encrypted, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            org.h2.tools.ChangeFileEncryption.execute(dataDir.toAbsolutePath().toString(), ENCRYPTED_NAME, "AES", null,
                    key.fileKey().toCharArray(), true);
            try (java.nio.channels.FileChannel c = java.nio.channels.FileChannel.open(encrypted,
                    java.nio.file.StandardOpenOption.WRITE)) {
                c.force(true);
            }
        } catch (java.io.IOException | SQLException | RuntimeException e) {
            removeEncrypted(dataDir);
            throw new StoreException(otherFileFormat(e) ? "store.error.otherFormat" : "store.error.encrypt", e,
                    dataDir.toString());
        }
    }

    /**
     * A decrypted copy of the encrypted store of {@code dataDir} as a plain store in {@code to} (a
     * scratch folder): for {@code bench-open}'s comparison only; the caller deletes it.
     */
    public static void plainCopy(Path dataDir, StoreKey key, Path to) {
        try {
            Files.copy(file(dataDir, true), file(to));
            org.h2.tools.ChangeFileEncryption.execute(to.toAbsolutePath().toString(), FILE_NAME, "AES",
                    key.fileKey().toCharArray(), null, true);
        } catch (java.io.IOException | SQLException e) {
            throw new StoreException("store.error.open", e);
        }
    }

    /** Deletes the encrypted store's files (what an interrupted first encryption left behind). */
    public static void removeEncrypted(Path dataDir) {
        removeFiles(dataDir, ENCRYPTED_NAME);
    }

    /** Deletes the plain store's files, once its encrypted copy is the store. */
    public static void removePlain(Path dataDir) {
        removeFiles(dataDir, FILE_NAME);
        StoreUpgrade.removePlainBackups(dataDir);
    }

    private static void removeFiles(Path dataDir, String name) {
        try (java.util.stream.Stream<Path> files = Files.list(dataDir.toAbsolutePath())) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String f = p.getFileName().toString();
                if (f.startsWith(name + ".") && !f.startsWith(name + "-")) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (java.io.IOException e) {
            throw new StoreException("store.error.folder", e, dataDir.toString());
        }
    }

    static Path file(Path dataDir, boolean encrypted) {
        return dataDir.toAbsolutePath().resolve((encrypted ? ENCRYPTED_NAME : FILE_NAME) + ".mv.db");
    }

    /** Read-only, for looking before opening (the probe shuts it down when done). */
    private static String probeUrl(Path dataDir, boolean encrypted) {
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve(encrypted ? ENCRYPTED_NAME : FILE_NAME)
                + ";ACCESS_MODE_DATA=r;IFEXISTS=TRUE;TRACE_LEVEL_FILE=0" + (encrypted ? ";CIPHER=AES" : "");
    }

    static boolean otherFileFormat(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == OTHER_FILE_FORMAT) {
                return true;
            }
        }
        return false;
    }

    /** The copy made before this start's migrations, when there were any to run. */
    public Optional<Path> upgradeBackup() {
        return Optional.ofNullable(upgradeBackup);
    }

    static String url(Path dataDir) {
        return url(dataDir, false);
    }

    static String url(Path dataDir, boolean encrypted) {
        // DB_CLOSE_DELAY=-1: H2 would otherwise close the file each time the last connection returns.
        // DB_CLOSE_ON_EXIT=FALSE: we close it ourselves, in order, on the way out.
        // TRACE_LEVEL_FILE=0: no .trace.db, which would copy SQL (and so personal data) into a file.
        // MAX_COMPACT_TIME=0: no moving of chunks inside the file on close. H2 2.3.232 does that by
        // default for 200 ms, and a store closed that way after a crash was left unreadable ("Double
        // mark", h2database#4123/#4247) in our kill tests. Shrinking is done by SHUTDOWN COMPACT only,
        // which writes a new file and renames it over the old one (see shutdown and decision 0006).
        // CACHE_SIZE: see cacheKb
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve(encrypted ? ENCRYPTED_NAME : FILE_NAME)
                + ";DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE;TRACE_LEVEL_FILE=0;MAX_COMPACT_TIME=0"
                + ";CACHE_SIZE=" + cacheKb(Runtime.getRuntime().maxMemory()) + (encrypted ? ";CIPHER=AES" : "");
    }

    /**
     * H2's page cache, in KB: an eighth of the heap, at least H2's own 16 MB and at most 64 MB (the
     * launcher's 1 GB heap gives 64). At 16 MB, a village of 20,000 households (a 63 MB file) lost
     * the Usulan list's pages to the start-up's checks, and every page read again is decrypted again
     * (H2's AES in Java): the list's search took 0.6-0.7 s each time instead of 0.13 s.
     */
    static long cacheKb(long maxHeapBytes) {
        long eighth = maxHeapBytes / 8 / 1024;
        return Math.max(16 * 1024, Math.min(64 * 1024, eighth));
    }

    private static void migrate(JdbcConnectionPool pool, String migrations, Path dataDir, Path backup, Path file) {
        try {
            Flyway.configure()
                    .dataSource(pool)
                    .locations(migrations.split(","))
                    .cleanDisabled(true)
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            LOG.error("schema migration failed: {}", SafeLog.describe(e));
            if (backup == null) {
                throw new StoreException("store.error.migration", e);
            }
            shutdown(pool, false);
            StoreUpgrade.restore(backup, file);
            throw new StoreException("store.error.migrationRestored", e, backup.toString());
        } catch (RuntimeException e) {
            throw new StoreException(otherFileFormat(e) ? "store.error.otherFormat" : "store.error.open", e);
        }
    }

    /**
     * As before accounts, until the wiring decides (right after opening: the setup's operator on a
     * store without accounts, nobody on one with accounts until someone signs in). Only the wiring and
     * tests that open a store of their own open one.
     */
    private volatile Session session = new Session("", id.berkasdesa.common.Role.ADMINISTRATOR);

    public Path dataDir() {
        return dataDir;
    }

    /** The store's key when it is encrypted (the document store takes its cipher from it); null for a plain store. */
    public StoreKey storeKey() {
        return key;
    }

    /** For reads, and for DAOs; writes go through {@link #write}. */
    public Jdbi jdbi() {
        return jdbi;
    }

    public <R, X extends Exception> R read(HandleCallback<R, X> callback) throws X {
        try {
            return jdbi.withHandle(callback);
        } catch (org.jdbi.v3.core.JdbiException e) {
            throw unreachable(e);
        }
    }

    /**
     * A database server gone (stopped, restarted, the office network down) is said as such: the
     * connection's failure (SQLState class 08, or 57P: the server shutting down) becomes
     * "store.error.unreachable"; anything else is what it was. The transaction it cut was never
     * committed: nothing of the work is stored.
     */
    private static RuntimeException unreachable(org.jdbi.v3.core.JdbiException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException q && q.getSQLState() != null
                    && (q.getSQLState().startsWith("08") || q.getSQLState().startsWith("57P"))) {
                LOG.warn("database server unreachable: {}", SafeLog.describe(q));
                return new StoreException("store.error.unreachable", e);
            }
        }
        return e;
    }

    /** Who acts on this store now (the wiring sets it; with accounts, the signed-in operator). */
    public Session session() {
        return session;
    }

    public void actAs(Session who) {
        this.session = java.util.Objects.requireNonNull(who);
    }

    /**
     * Runs {@code callback} as one unit of work named {@code action}, by {@link #session()}: refused
     * before any work unless the session may do it, then one transaction with its audit entry, then
     * forced to disk. When this returns, the change survives a crash or a power cut; when it throws,
     * nothing of it was kept.
     *
     * @throws AccessException when the acting session may not do {@code action}
     */
    public <R, X extends Exception> R write(String action, HandleCallback<R, X> callback) throws X {
        return write(new UnitOfWork(action, session), callback);
    }

    /** The same, for work that crosses features: they get the transaction as a {@link Tx}. */
    public <R> R unit(String action, java.util.function.Function<Tx, R> callback) {
        UnitOfWork work = new UnitOfWork(action, session);
        return write(work, h -> callback.apply(new Tx(h, work)));
    }

    /** The same, by another session than the store's (a sign-in, before anyone is signed in). */
    public <R, X extends Exception> R writeAs(Session who, String action, HandleCallback<R, X> callback) throws X {
        return write(new UnitOfWork(action, who), callback);
    }

    /**
     * Inside a unit of work: what it is about (the entity, its id, the names of the fields changed —
     * never their values), for its audit entry. Outside one it does nothing.
     */
    public void about(String entity, Object id, java.util.Collection<String> changedFields) {
        UnitOfWork work = CURRENT.get();
        if (work != null) {
            work.about(entity, id, changedFields);
        }
    }

    /** Inside a unit of work: it changed nothing after all (a save the rules refused), so it leaves no entry. */
    public void nothingDone() {
        UnitOfWork work = CURRENT.get();
        if (work != null) {
            work.nothingDone();
        }
    }

    /** Inside a unit of work: what it records happened at {@code when}, earlier (see {@link UnitOfWork#happenedAt}). */
    public void happenedAt(java.time.Instant when) {
        UnitOfWork work = CURRENT.get();
        if (work != null) {
            work.happenedAt(when);
        }
    }

    public void about(String entity, Object id, String... changedFields) {
        about(entity, id, java.util.List.of(changedFields));
    }

    /**
     * Refuses now, before any slow work, what the session may not do; {@link #write} checks again.
     * Reads that only some roles may make (the audit trail) check this too.
     *
     * @throws AccessException when the acting session may not do {@code action}
     */
    public void require(String action) {
        if (!session.may(action)) {
            throw new AccessException(session, action);
        }
    }

    /** Where every unit of work's audit entry is appended, inside its transaction (the wiring sets it). */
    public void journal(Journal journal) {
        this.journal = java.util.Objects.requireNonNull(journal);
    }

    private static final ThreadLocal<UnitOfWork> CURRENT = new ThreadLocal<>();
    private volatile Journal journal = Journal.NONE;
    /** Units of work one at a time: the audit chain is appended in the order the work commits. */
    private final Object writeLock = new Object();
    /** Set once the store has been copied under a new key: this opening writes nothing more. */
    private volatile boolean retired;

    private <R, X extends Exception> R write(UnitOfWork work, HandleCallback<R, X> callback) throws X {
        if (!work.session().may(work.action())) {
            throw new AccessException(work.session(), work.action());
        }
        synchronized (writeLock) {
            if (retired) {
                throw new StoreException("store.error.retired", null);
            }
            UnitOfWork outer = CURRENT.get();
            CURRENT.set(work);
            try {
                return jdbi.withHandle(handle -> {
                    R result = handle.inTransaction(h -> {
                        engine.beginWrite(h);
                        R r = callback.withHandle(h);
                        within(h, work);
                        return r;
                    });
                    engine.sync(handle);
                    return result;
                });
            } catch (org.jdbi.v3.core.JdbiException e) {
                throw unreachable(e);
            } finally {
                CURRENT.set(outer);
            }
        }
    }

    /** The one place every unit of work passes inside its transaction: its audit entry is appended. */
    private void within(Handle handle, UnitOfWork work) {
        if (work.didSomething()) {
            journal.append(handle, work);
        }
    }

    @Override
    public void close() {
        engine.close(key == null);
        if (lock != null) {
            lock.close();
        }
        LOG.info("store closed");
    }

    /** The connections of an H2 store file (its URL from {@link #url}); opening the first opens the file. */
    static JdbcConnectionPool pool(String url, String password) {
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, USER, password);
        pool.setMaxConnections(4);
        return pool;
    }

    /**
     * Closes the store. When most of the file is dead space (after a bulk fill, or months of saves),
     * it is compacted on the way out: H2 keeps old chunks for its retention time and reuses them
     * only partly, so a 16 MB register can sit in a 500 MB file. Compaction of 20,000 households
     * takes about 2 s; a plain close when the file is mostly live.
     *
     * <p>Never on an encrypted store: {@code SHUTDOWN COMPACT} corrupted encrypted files in several H2
     * releases (h2database #3307, #3517, fixed again only after our pinned 2.3.232); see decision 0011.
     */
    static void shutdown(JdbcConnectionPool pool, boolean mayCompact) {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute(mayCompact && chunksFillRate(s) < COMPACT_BELOW_FILL_RATE ? "SHUTDOWN COMPACT" : "SHUTDOWN");
        } catch (SQLException | RuntimeException e) {
            LOG.warn("store shutdown: {}", SafeLog.describe(e));
        } finally {
            pool.dispose();
        }
    }

    private static final int COMPACT_BELOW_FILL_RATE = 50;

    private static int chunksFillRate(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery(
                "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'info.CHUNKS_FILL_RATE'")) {
            return rs.next() ? Integer.parseInt(rs.getString(1).strip()) : 100;
        } catch (NumberFormatException e) {
            return 100;
        }
    }
}
