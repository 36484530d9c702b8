package id.berkasdesa.common.ui;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.animation.PauseTransition;
import javafx.concurrent.Task;
import javafx.util.Duration;

/**
 * Runs work off the JavaFX thread and hands the result back on it. One worker thread: database
 * work runs in order. Nothing here ever interrupts a worker (an interrupt inside H2 closes the
 * database): work that should stop early checks a flag of its own between database calls.
 *
 * <p>{@link #status()}, {@link #progress()} and {@link #busy()} feed the window's status bar.
 */
public final class TaskRunner implements BackgroundTasks {

    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "berkas-desa-worker");
        t.setDaemon(true);
        return t;
    });
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private int running;

    /**
     * @param message shown in the status bar while the work runs ("" for quick work such as a search)
     * @param onSuccess called on the JavaFX thread with the result
     * @param onFailure called on the JavaFX thread with what the work threw
     */
    @Override
    public <T> void run(String message, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        if (executor.isShutdown()) {
            return; // the window is closing: a timer that fires now has nothing left to do
        }
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.call(p -> updateProgress(p, 1.0));
            }
        };
        task.setOnSucceeded(e -> {
            finished();
            onSuccess.accept(task.getValue());
        });
        task.setOnFailed(e -> {
            finished();
            onFailure.accept(task.getException());
        });
        running++;
        busy.set(true);
        if (!message.isEmpty()) {
            status.set(message);
            progress.unbind();
            progress.bind(task.progressProperty());
        }
        executor.execute(task);
    }

    private void finished() {
        running--;
        if (running == 0) {
            busy.set(false);
            progress.unbind();
            progress.set(0);
            status.set("");
        }
    }

    @Override
    public Debounced debounce(long millis, Runnable action) {
        PauseTransition pause = new PauseTransition(Duration.millis(millis));
        pause.setOnFinished(e -> action.run());
        return new Debounced() {
            @Override
            public void restart() {
                pause.playFromStart();
            }

            @Override
            public void stop() {
                pause.stop();
            }
        };
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

    /** Lets queued work finish (never interrupts), waiting a little for it, for a clean close. */
    @Override
    public void shutdown() {
        executor.shutdown();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
