package dev.layerhost.core.internal.archive;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;

/**
 * File I/O on many small jars (copies, descriptor reads), run on the host's own executor: in parallel it
 * takes a fraction of the time, and the host ends those threads when it closes.
 */
public final class ParallelIo {

    private ParallelIo() {
    }

    /**
     * {@code work} applied to every item, on {@code io}, results in the items' order.
     *
     * @throws IllegalStateException if the executor no longer takes work: the host is closed
     */
    public static <T, R> List<R> map(List<T> items, Function<T, R> work, Executor io) {
        List<CompletableFuture<R>> results;
        try {
            results = items.stream().map(item -> CompletableFuture.supplyAsync(() -> work.apply(item), io)).toList();
        } catch (RejectedExecutionException e) {
            throw new IllegalStateException("plugin host is closed", e);
        }
        try {
            return results.stream().map(CompletableFuture::join).toList();
        } catch (CompletionException e) {
            // The work's own failure, as if it had run on this thread.
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }
}
