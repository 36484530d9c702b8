package id.berkasdesa.db;

import org.jdbi.v3.core.Handle;

/** Appends a unit of work's audit entry inside its transaction (the audit feature implements it). */
@FunctionalInterface
public interface Journal {

    /** For a store opened without its wiring (a test that kills and reopens stores): no trail. */
    Journal NONE = (handle, work) -> { };

    void append(Handle handle, UnitOfWork work);
}
