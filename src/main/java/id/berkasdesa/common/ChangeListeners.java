package id.berkasdesa.common;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who wants to know that a household's data changed (its members, its documents), told after the
 * change is committed, on the thread that made it. A listener that fails is logged and never undoes
 * or fails the change: what it derives is derived again at the next start.
 */
public final class ChangeListeners {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeListeners.class);

    private final List<Consumer<UUID>> listeners = new CopyOnWriteArrayList<>();

    public void listen(Consumer<UUID> listener) {
        listeners.add(listener);
    }

    public void fire(UUID householdId) {
        for (Consumer<UUID> l : listeners) {
            try {
                l.accept(householdId);
            } catch (RuntimeException e) {
                LOG.warn("after a change of a household: {}", SafeLog.describe(e));
            }
        }
    }
}
