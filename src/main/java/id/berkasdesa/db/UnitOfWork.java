package id.berkasdesa.db;

import id.berkasdesa.common.Session;

/**
 * One write: what is done ({@code action}, e.g. {@code household.save}, {@code bundle.export}) and
 * who does it. {@link Database#write} runs it as one transaction forced to disk; it is the one place
 * where a permission will be checked before the work and an audit entry appended inside it.
 */
public record UnitOfWork(String action, Session session) {

    public UnitOfWork {
        if (action == null || !action.matches("[a-z]+(\\.[a-zA-Z]+)+")) {
            throw new IllegalArgumentException("an action is named feature.verb: " + action);
        }
    }
}
