package id.berkasdesa.common.ui;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The synchronous double of {@link TaskRunner} (JabRef's CurrentThreadTaskExecutor is the model):
 * work and its callbacks run on the test's own thread, no FX toolkit needed. Queued until
 * {@link #drain()}, so a test decides when "the worker" answers; debounced actions run on drain too.
 */
public final class CurrentThreadTasks implements BackgroundTasks {

    private final Deque<Runnable> queue = new ArrayDeque<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);

    @Override
    public <T> void run(String message, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        queue.add(() -> {
            T result;
            try {
                result = work.call(progress::set);
            } catch (Exception e) {
                onFailure.accept(e);
                return;
            }
            onSuccess.accept(result);
        });
        busy.set(true);
    }

    @Override
    public Debounced debounce(long millis, Runnable action) {
        return new Debounced() {
            /** The newest restart; an older one queued finds it is no longer current and does nothing. */
            private Object current;

            @Override
            public void restart() {
                Object mine = new Object();
                current = mine;
                queue.add(() -> {
                    if (current == mine) {
                        current = null;
                        action.run();
                    }
                });
            }

            @Override
            public void stop() {
                current = null;
            }
        };
    }

    /** Runs everything queued, and what that queues, in order, on this thread. */
    public void drain() {
        while (!queue.isEmpty()) {
            queue.poll().run();
        }
        busy.set(false);
    }

    @Override
    public ReadOnlyStringProperty status() {
        return status.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyDoubleProperty progress() {
        return progress.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyBooleanProperty busy() {
        return busy.getReadOnlyProperty();
    }

    @Override
    public void shutdown() {
        queue.clear();
    }
}
