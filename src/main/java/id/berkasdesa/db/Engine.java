package id.berkasdesa.db;

import org.jdbi.v3.core.Handle;

/**
 * What differs between the engines a store lives in (decision 0009): an H2 file in a village's data
 * folder, or a PostgreSQL database shared by a district office's officers. Only this package names
 * an engine; the unit of work, the journal and every feature's SQL are the same on both.
 */
interface Engine {

    /** Which one: "h2" or "postgresql". */
    String name();

    /**
     * At the start of every unit of work's transaction: PostgreSQL takes a transaction-scoped advisory
     * lock, so that units of work from several processes (officers) commit one at a time — the audit
     * chain's head and every "next number" are read and written under it, never forked or doubled.
     * H2 is one process: the store's own lock does this.
     */
    void beginWrite(Handle handle);

    /** After the commit, before the work returns: H2 forces its file to disk; PostgreSQL committed durably already. */
    void sync(Handle handle);

    /** Lets the engine go (H2: shuts the file, compacting a plain one when mostly dead space). */
    void close(boolean mayCompact);

    /** PostgreSQL, as a district office runs it: commits are durable when they return (synchronous_commit on). */
    final class Postgres implements Engine {
        /** The advisory lock's key: "BD" and 1, any fixed number every process of the app agrees on. */
        static final long WRITE_LOCK = 0x4244_0001L;

        @Override
        public String name() {
            return "postgresql";
        }

        @Override
        public void beginWrite(Handle handle) {
            handle.createQuery("SELECT pg_advisory_xact_lock(:key)").bind("key", WRITE_LOCK).mapTo(String.class).list();
        }

        @Override
        public void sync(Handle handle) {
            // nothing: the commit has returned, so it is on disk
        }

        @Override
        public void close(boolean mayCompact) {
            // the caller owns the DataSource and closes it
        }
    }
}
