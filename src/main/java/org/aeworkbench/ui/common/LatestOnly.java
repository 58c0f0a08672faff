package org.aeworkbench.ui.common;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;

/**
 * Work for a view whose result matters only while no newer work was asked for (the newest live
 * frame of a scatter): each request makes every earlier one stale; a stale request is skipped if it
 * has not begun and dropped if it has, so only the newest result reaches the FX thread.
 */
public final class LatestOnly {

    private final Executor thread;
    private final AtomicLong asked = new AtomicLong();

    /** @param thread where the work runs, one request after another (see {@link #thread}) */
    public LatestOnly(Executor thread) {
        this.thread = thread;
    }

    /**
     * One daemon thread of that name, at the views' background priority, for the requests of every
     * view that shares it; started at once, so that the first request (often a run's first live
     * update) does not start it from the FX thread while the run holds the cores.
     */
    public static ExecutorService thread(String name) {
        ThreadPoolExecutor one = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                r -> BackgroundPriority.viewThread(r, name));
        one.prestartCoreThread();
        return one;
    }

    /** Makes every earlier request stale (the view did that work itself, at once); its ticket. */
    public long next() {
        return asked.incrementAndGet();
    }

    /** Whether no request came after the one holding {@code ticket}. */
    public boolean current(long ticket) {
        return asked.get() == ticket;
    }

    /** Runs {@code work} on the thread and hands its result to {@code done} on the FX thread, while both are current. */
    public <T> void run(Supplier<T> work, Consumer<T> done) {
        long ticket = next();
        thread.execute(() -> {
            if (!current(ticket)) {
                return;
            }
            T result = work.get();
            Platform.runLater(() -> {
                if (current(ticket)) {
                    done.accept(result);
                }
            });
        });
    }

    /** Runs {@code step} in a later FX task, unless a request comes first (FX thread). */
    public void later(Runnable step) {
        long ticket = asked.get();
        Platform.runLater(() -> {
            if (current(ticket)) {
                step.run();
            }
        });
    }
}
