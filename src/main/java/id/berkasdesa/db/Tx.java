package id.berkasdesa.db;

import org.jdbi.v3.core.Handle;

/**
 * The transaction of a unit of work, as one feature hands it to another (a bundle marks its requests
 * sent inside its own transaction): the work, and the storage interfaces of the feature that is
 * called. Public service methods take this, never a raw Jdbi handle.
 */
public final class Tx {

    private final Handle handle;
    private final UnitOfWork work;

    Tx(Handle handle, UnitOfWork work) {
        this.handle = handle;
        this.work = work;
    }

    /** A feature's storage interface (a Jdbi SqlObject DAO) bound to this transaction. */
    public <T> T dao(Class<T> type) {
        return handle.attach(type);
    }

    public UnitOfWork work() {
        return work;
    }
}
