package id.berkasdesa.db;

import id.berkasdesa.common.MessageException;
import id.berkasdesa.common.Session;

/**
 * The acting session may not do this unit of work: nobody is signed in, or the role does not allow
 * it (a Pemeriksa saving a household, an Operator adding an account). Nothing was done.
 */
public final class AccessException extends MessageException {

    private static final long serialVersionUID = 1L;

    AccessException(Session session, String action) {
        super(session.signedIn() ? "access.denied" : "access.signIn", null, action,
                session.role() == null ? "" : session.role().name().toLowerCase(java.util.Locale.ROOT));
    }

    /** The action that was refused ({@code household.save}…). */
    public String action() {
        return (String) args()[0];
    }
}
