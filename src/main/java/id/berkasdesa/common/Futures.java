package id.berkasdesa.common;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Waiting on work done beside the caller's. */
public final class Futures {

    private Futures() {
    }

    /** What {@code f} gave, or what it threw, thrown here as it was (a store gone stays a StoreException). */
    public static <T> T join(CompletableFuture<T> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }
}
