package id.berkasdesa.db;

import id.berkasdesa.common.Session;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One write: what is done ({@code action}, e.g. {@code household.save}, {@code bundle.export}) and
 * who does it. {@link Database#write} refuses it before any work unless the session may do it, runs
 * it as one transaction forced to disk, and appends its audit entry inside that transaction. The
 * work says what it was about with {@link #about} (the entity, its id, the names of the fields it
 * changed — never their values).
 */
public final class UnitOfWork {

    private final String action;
    private final Session session;
    private String entity = "";
    private String entityId = "";
    private final Set<String> fields = new LinkedHashSet<>();

    public UnitOfWork(String action, Session session) {
        if (action == null || !action.matches("[a-z]+(\\.[a-zA-Z]+)+")) {
            throw new IllegalArgumentException("an action is named feature.verb: " + action);
        }
        this.action = action;
        this.session = java.util.Objects.requireNonNull(session);
    }

    public String action() {
        return action;
    }

    public Session session() {
        return session;
    }

    /** What the work was about; the last call wins for the entity, field names add up. */
    public UnitOfWork about(String entity, Object id, Collection<String> changedFields) {
        this.entity = entity == null ? "" : entity;
        this.entityId = id == null ? "" : id.toString();
        fields.addAll(changedFields);
        return this;
    }

    private boolean nothing;
    private java.time.Instant at;

    /**
     * The work records something that happened earlier (a failed sign-in the store could not record
     * while it was locked): its entry carries that time instead of the time it was written.
     */
    public void happenedAt(java.time.Instant when) {
        this.at = when;
        fields.add(RECORDED_LATE);
    }

    /** The field name that marks an entry written after what it records (see {@link #happenedAt}). */
    public static final String RECORDED_LATE = "recordedLate";

    /** When what the entry records happened, if not now. */
    public java.util.Optional<java.time.Instant> happenedAt() {
        return java.util.Optional.ofNullable(at);
    }

    /** It changed nothing (a save the rules refused): no audit entry. */
    public void nothingDone() {
        nothing = true;
    }

    public boolean didSomething() {
        return !nothing;
    }

    public String entity() {
        return entity;
    }

    public String entityId() {
        return entityId;
    }

    public List<String> fields() {
        return new ArrayList<>(fields);
    }
}
