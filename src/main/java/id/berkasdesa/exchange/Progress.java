package id.berkasdesa.exchange;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleConsumer;

/**
 * How far a bundle's work is (bytes of a known total), and whether the operator asked to stop. The
 * work checks {@link #check()} between chunks and stops by throwing; nothing is ever interrupted.
 */
public final class Progress {

    private final DoubleConsumer sink;
    private final AtomicBoolean cancelled;
    private final AtomicLong done = new AtomicLong();
    private volatile long total = 1;

    public Progress(DoubleConsumer sink) {
        this(sink, new AtomicBoolean());
    }

    private Progress(DoubleConsumer sink, AtomicBoolean cancelled) {
        this.sink = sink;
        this.cancelled = cancelled;
    }

    /** A part of the work, shown between {@code from} and {@code to} of the whole; cancelled with it. */
    public Progress phase(double from, double to) {
        return new Progress(p -> sink.accept(from + (to - from) * p), cancelled);
    }

    public static Progress none() {
        return new Progress(p -> { });
    }

    /** From any thread: the work stops at its next chunk, leaving nothing behind. */
    public void cancel() {
        cancelled.set(true);
    }

    public void total(long bytes) {
        total = Math.max(1, bytes);
        done.set(0);
        sink.accept(0);
    }

    public void advance(long bytes) {
        sink.accept(Math.min(1.0, (double) done.addAndGet(bytes) / total));
    }

    /** @throws BundleException {@code bundle.cancelled} once {@link #cancel()} was called */
    public void check() {
        if (cancelled.get()) {
            throw new BundleException("bundle.cancelled");
        }
    }
}
