package id.berkasdesa.common.ui;

import java.util.function.Consumer;
import java.util.function.DoubleConsumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;

/**
 * How every view runs work off the JavaFX thread, in one place: {@link TaskRunner} in the app (one
 * worker thread, results on the FX thread), a synchronous double in tests (everything at once, on
 * the caller's thread). Views never start threads, timers for typing, or "drop a stale result"
 * counters of their own: they use {@link #latest()} and {@link #debounce}.
 */
public interface BackgroundTasks {

    /** Work that may report progress (0..1). */
    @FunctionalInterface
    interface Work<T> {
        T call(DoubleConsumer progress) throws Exception;
    }

    /**
     * @param message shown in the status bar while the work runs ("" for quick work such as a search)
     * @param onSuccess called on the JavaFX thread with the result
     * @param onFailure called on the JavaFX thread with what the work threw
     */
    <T> void run(String message, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

    /** Runs {@code action} once the calls to {@link Debounced#restart()} pause for {@code millis}. */
    Debounced debounce(long millis, Runnable action);

    ReadOnlyStringProperty status();

    ReadOnlyDoubleProperty progress();

    ReadOnlyBooleanProperty busy();

    void shutdown();

    /** A channel where only the newest work's result is delivered (a search as the operator types). */
    default <T> Latest<T> latest() {
        return new Latest<>(this);
    }

    /** A pending action that a new keystroke pushes back; see {@link #debounce}. */
    interface Debounced {
        void restart();

        void stop();
    }

    /** Results of older runs on this channel are dropped once a newer run started, or after {@link #forget()}. */
    final class Latest<T> {
        private final BackgroundTasks tasks;
        private long generation;

        Latest(BackgroundTasks tasks) {
            this.tasks = tasks;
        }

        public void run(Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            long mine = ++generation;
            tasks.run("", work, r -> {
                if (mine == generation) {
                    onSuccess.accept(r);
                }
            }, e -> {
                if (mine == generation) {
                    onFailure.accept(e);
                }
            });
        }

        /** Whatever is on its way is no longer wanted (the form was loaded afresh meanwhile). */
        public void forget() {
            generation++;
        }
    }
}
