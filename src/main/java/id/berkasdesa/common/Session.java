package id.berkasdesa.common;

/**
 * Who is acting on the store. Today that is the operator named when the village was set up; with
 * accounts it is the operator who signed in. Every unit of work carries it (see {@code UnitOfWork}),
 * and everything that says who did something (the header, the PDFs, a bundle's {@code Contact-Name}
 * and {@code paket.json}) reads it here, not from the village profile.
 */
public record Session(String operator) {

    /** Before anyone is known (a new store, the village setup itself). */
    public static final Session NOBODY = new Session("");

    public Session {
        operator = operator == null ? "" : operator.strip();
    }
}
