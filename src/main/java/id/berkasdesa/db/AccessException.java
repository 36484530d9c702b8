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

    /**
     * In the operator's words: the role by its name, the action as the audit trail names it ("Data KK
     * disimpan"), never the program's code for it.
     */
    @Override
    public String message(id.berkasdesa.common.Messages messages) {
        String action = action();
        String what = messages.has("audit.do." + action) ? messages.get("audit.do." + action) : messages.get("access.thing");
        String role = (String) args()[1];
        String roleName = role.isEmpty() || !messages.has("role." + role) ? role : messages.get("role." + role);
        return messages.get(key(), what, roleName);
    }

    /** The action that was refused ({@code household.save}…). */
    public String action() {
        return (String) args()[0];
    }
}
