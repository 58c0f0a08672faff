package org.aeworkbench.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Runs lists of independent tiles on a few threads. Which thread computes a tile never changes
 * what the tile computes, so results do not depend on the thread count as long as each tile
 * writes only its own part of the output (or returns an exact integer that is summed).
 */
public final class ParallelTiles implements AutoCloseable {

    private final int threads;
    private final ExecutorService helpers;

    /** @param threads threads to use, counting the caller's; 1 runs everything on the caller */
    public ParallelTiles(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.threads = threads;
        this.helpers = threads == 1 ? null : Executors.newFixedThreadPool(threads - 1, runnable -> {
            Thread thread = new Thread(runnable, "analysis-tile");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The number of threads analysis uses by default: every core the JVM may use. */
    public static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** Calls {@code tile.accept(t)} once for every t in [0, tiles) and returns when all are done. */
    public void run(int tiles, IntConsumer tile) {
        int workers = Math.min(threads, tiles);
        if (workers <= 1) {
            for (int t = 0; t < tiles; t++) {
                tile.accept(t);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            for (int t = next.getAndIncrement(); t < tiles; t = next.getAndIncrement()) {
                tile.accept(t);
            }
        };
        List<Future<?>> started = new ArrayList<>();
        for (int w = 1; w < workers; w++) {
            started.add(helpers.submit(worker));
        }
        worker.run();
        try {
            for (Future<?> helper : started) {
                helper.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.util.concurrent.CancellationException("cancelled while computing in parallel");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }

    @Override
    public void close() {
        if (helpers != null) {
            helpers.shutdownNow();
        }
    }
}
