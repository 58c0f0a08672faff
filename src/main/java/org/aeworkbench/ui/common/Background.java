package org.aeworkbench.ui.common;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.concurrent.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs slow work (loading, inference for galleries, PCA, metrics) on a daemon thread (pooled, at
 * the views' background priority) as a JavaFX {@link Task}, and hands the result or a readable
 * failure back to the FX thread.
 */
public final class Background {

    private static final Logger LOG = LoggerFactory.getLogger(Background.class);
    /** Name of a pooled thread between tasks. */
    static final String IDLE = "ae-ui-idle";
    /**
     * The tasks' threads, kept five minutes after their last task: a task seldom starts a thread.
     * Starting one from the FX thread showed in its late stretches while a run held both cores
     * (a task at each live update, and at a run's end).
     */
    private static final ExecutorService THREADS = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 5, TimeUnit.MINUTES,
            new SynchronousQueue<>(), r -> BackgroundPriority.viewThread(r, IDLE));

    private Background() {
    }

    /**
     * @param name   thread name, for debugging
     * @param work   runs on the background thread
     * @param done   runs on the FX thread with the result
     * @param failed runs on the FX thread with a message; may be null to log only
     */
    public static <T> Task<T> run(String name, Callable<T> work, Consumer<T> done, Consumer<String> failed) {
        return run(name, work, done, failed, null);
    }

    /**
     * As {@link #run(String, Callable, Consumer, Consumer)}, and cancellable: {@link Task#cancel()}
     * interrupts the work (loaders, PCA and file writers stop at their next check) and neither
     * {@code done} nor {@code failed} runs afterwards, even if the work finishes.
     *
     * @param cancelled runs on the FX thread once cancelled; may be null
     */
    public static <T> Task<T> run(String name, Callable<T> work, Consumer<T> done, Consumer<String> failed,
                                  Runnable cancelled) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.call();
            }
        };
        task.setOnSucceeded(e -> done.accept(task.getValue()));
        task.setOnFailed(e -> {
            Throwable t = task.getException();
            LOG.warn("{} failed", name, t);
            if (failed != null) {
                failed.accept(message(t));
            }
        });
        if (cancelled != null) {
            task.setOnCancelled(e -> cancelled.run());
        }
        THREADS.execute(() -> {
            Thread self = Thread.currentThread();
            self.setName("ae-ui-" + name);
            try {
                task.run();
            } finally {
                self.setName(IDLE);
            }
        });
        return task;
    }

    /** The user-facing sentence of a failure: its message, without the class name or stack. */
    public static String message(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getMessage() == null) {
            root = root.getCause();
        }
        String m = root.getMessage();
        return m == null || m.isBlank() ? root.getClass().getSimpleName() : m;
    }

    /** Runs on the FX thread now if already there, else later. */
    public static void onFx(Runnable r) {
        if (Platform.isFxApplicationThread()) {
            r.run();
        } else {
            Platform.runLater(r);
        }
    }
}
