package id.berkasdesa.common;

/**
 * Who is acting on the store: the operator who signed in, with their role. Every unit of work
 * carries it (see {@code UnitOfWork}): the store checks {@link #may} before the work and names the
 * operator in the audit entry; everything that says who did something (the header, the PDFs, a
 * bundle's {@code Contact-Name} and {@code paket.json}) reads it here.
 *
 * @param operator the account's name ("" before anyone is known)
 * @param role what they may do; null before anyone signed in
 */
public record Session(String operator, Role role) {

    /** Before anyone is known (a new store, the village setup itself, a failed sign-in). */
    public static final Session NOBODY = new Session("", null);

    public Session {
        operator = operator == null ? "" : operator.strip();
    }

    /** May this session do the unit of work named {@code action}? */
    public boolean may(String action) {
        return role == null ? Actions.of(action).map(Actions.Entry::beforeAnyone).orElse(false) : role.may(action);
    }

    public boolean signedIn() {
        return role != null;
    }
}
