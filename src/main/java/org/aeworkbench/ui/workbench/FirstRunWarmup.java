package org.aeworkbench.ui.workbench;

import java.lang.invoke.MethodHandles;
import java.util.List;
import org.aeworkbench.engine.train.JitWarmup;
import org.aeworkbench.report.runs.RunData;
import org.aeworkbench.ui.common.BackgroundPriority;
import org.aeworkbench.ui.run.HandOff;
import org.aeworkbench.ui.run.ModelSnapshot;
import org.aeworkbench.ui.run.ProbeSet;
import org.aeworkbench.ui.run.RunStateMachine;
import org.aeworkbench.ui.run.TrainingHistory;
import org.aeworkbench.ui.runs.RunRecords;
import org.aeworkbench.ui.training.LossChartWarmup;

/**
 * Warms the engine's kernels while the first window waits for its first Train press, as the command
 * line does while it loads its data ({@link JitWarmup}): until the JIT has compiled them, a run's
 * first steps run interpreted, slowly, and share the cores with the compilers. Meanwhile it takes
 * the loss charts' code through a short run ({@link LossChartWarmup}), which a first run would
 * otherwise load and interpret on the FX thread and the chart drawing thread, initialises the
 * classes a run would load on the FX thread ({@link #RUN_CLASSES}), and says a run's
 * status texts once ({@link RunTextsWarmup}). Once per JVM, at
 * training's priority, for at most {@link #BUDGET_MILLIS}, and stopped as soon as a run starts, so
 * it never competes with one for long. It touches no state of the run: losses are the same with or
 * without it. {@value #PROPERTY}{@code =false} turns it off (A/B measurements).
 */
final class FirstRunWarmup {

    static final String PROPERTY = "aeworkbench.windowWarmup";
    /** {@code =false} leaves the loss charts' code cold (A/B measurements). */
    static final String CHARTS_PROPERTY = "aeworkbench.chartWarmup";
    /** {@code =false} leaves the classes a run loads on the FX thread unloaded (A/B measurements). */
    static final String CLASSES_PROPERTY = "aeworkbench.classWarmup";
    /** {@code =false} leaves the run's status texts cold (A/B measurements). */
    static final String TEXTS_PROPERTY = "aeworkbench.textWarmup";
    /**
     * The workbench's own classes that a JVM's first run loaded on the FX thread: at its end, where
     * it was late by 16.6-18.3 ms in some first runs (round twenty), and at the press and the first
     * live update (class-load logs of round twenty-four, docs/performance.md; the window's first
     * frame loads {@code FxFrames}, which the press also used). Plain records and holders: loading
     * and initialising them does nothing else.
     */
    static final List<Class<?>> RUN_CLASSES = List.of(RunStateMachine.Start.class, ProbeSet.class,
            HandOff.Drained.class, ModelSnapshot.class, TrainingHistory.class, TrainingHistory.Replay.class,
            RunRecords.class, RunData.class);
    /** The command line's warm-up pays for itself after about a second; three leave room for a slow start. */
    static final long BUDGET_MILLIS = 3000;
    private static final FirstRunWarmup JVM = new FirstRunWarmup(BUDGET_MILLIS);

    private final long budgetMillis;
    private boolean stopped;
    private JitWarmup running;
    private Thread timer;
    private int timersStarted;

    FirstRunWarmup(long budgetMillis) {
        this.budgetMillis = budgetMillis;
    }

    /** The JVM's one warm-up: every window shares it, so only the first window's start warms. */
    static FirstRunWarmup ofThisJvm() {
        return JVM;
    }

    /** Starts unless it started before or {@value #PROPERTY} turns it off. */
    void startUnlessTurnedOff() {
        if (!"false".equals(System.getProperty(PROPERTY))) {
            start();
        }
    }

    synchronized void start() {
        if (timer != null) {
            return;
        }
        timer = new Thread(this::warmForBudget, "ae-first-run-warmup");
        timer.setDaemon(true);
        timer.start();
        timersStarted++;
    }

    synchronized void stop() {
        stopped = true;
        if (running != null) {
            running.cancel();
        }
        notifyAll();
    }

    /** Minibatch steps the stand-ins took so far (tests). */
    synchronized long steps() {
        return running == null ? 0 : running.steps();
    }

    /** Whether its thread is still warming (tests). */
    synchronized boolean alive() {
        return timer != null && timer.isAlive();
    }

    /** Warm-ups started by this instance (tests). */
    synchronized int timersStarted() {
        return timersStarted;
    }

    /** Waits for the warm-up to end (tests). */
    void join(long millis) throws InterruptedException {
        Thread t;
        synchronized (this) {
            t = timer;
        }
        if (t != null) {
            t.join(millis);
        }
    }

    /** Links and initialises {@link #RUN_CLASSES} here rather than on the FX thread during a run. */
    static void loadRunClasses() {
        for (Class<?> c : RUN_CLASSES) {
            try {
                MethodHandles.lookup().ensureInitialized(c);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(c + " is not accessible from the warm-up", e);
            }
        }
    }

    private void warmForBudget() {
        // The stand-ins' thread inherits this one's priority: training's.
        BackgroundPriority.forTrainingThread();
        JitWarmup warmup;
        synchronized (this) {
            if (stopped) {
                return;
            }
            warmup = JitWarmup.start();
            running = warmup;
        }
        long until = System.nanoTime() + budgetMillis * 1_000_000;
        try {
            if (!"false".equals(System.getProperty(CHARTS_PROPERTY))) {
                LossChartWarmup.run(); // here, while the engine's stand-ins run on their own thread
            }
            if (!"false".equals(System.getProperty(CLASSES_PROPERTY))) {
                loadRunClasses();
            }
            if (!"false".equals(System.getProperty(TEXTS_PROPERTY))) {
                RunTextsWarmup.run();
            }
            synchronized (this) {
                for (long left = budgetMillis; left > 0 && !stopped; left = (until - System.nanoTime()) / 1_000_000) {
                    wait(left); // stop() wakes it
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            warmup.close();
        }
    }
}
