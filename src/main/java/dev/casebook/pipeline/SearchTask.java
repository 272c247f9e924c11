package dev.casebook.pipeline;

import dev.casebook.content.Output;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The search index of one build, which needs only the parsed documents and so runs beside the
 * rest: a full build starts it on a thread of its own while the pages are written; the preview
 * leaves it to its background worker. The files and how long they took, once done.
 */
final class SearchTask {

    /** The index's files and how long building them took. */
    record Done(List<Output> files, Duration took) {
    }

    private final Supplier<List<Output>> work;
    private CompletableFuture<Done> running;

    SearchTask(Supplier<List<Output>> work) {
        this.work = work;
    }

    /** Starts the index on {@code executor}; a task started before is left as it is. */
    synchronized SearchTask start(Executor executor) {
        if (running == null) {
            running = CompletableFuture.supplyAsync(this::run, executor);
        }
        return this;
    }

    private Done run() {
        long t = System.nanoTime();
        List<Output> files = work.get();
        return new Done(files, Duration.ofNanos(System.nanoTime() - t));
    }

    /** The index, built here and now unless it was started; the exception that stopped it, as thrown. */
    Done join() {
        CompletableFuture<Done> started;
        synchronized (this) {
            started = running;
        }
        if (started == null) {
            return run();
        }
        try {
            return started.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    /** True when the index was built, waiting for it if need be; false when building it failed. */
    boolean succeeds() {
        try {
            join();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
