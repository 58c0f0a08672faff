package org.aeworkbench.ui.common;

import org.aeworkbench.engine.blas.Backend;
import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.support.ThreadNiceness;

/**
 * Only the FX thread and the renderer run at the window's normal priority. The views' background
 * work (placing and splatting points, galleries, metrics) runs a little lower, and training lower
 * still. On two cores a run keeps both busy, and at each live update the views' helpers wake too;
 * when the FX thread or the renderer wakes for a frame, the scheduler then gives it a core at once
 * instead of after another thread's time slice. The window's own threads used 0.6-1.1% of the
 * process's CPU in the measured runs (docs/performance.md, round five), so the run gives up little.
 *
 * <p>Two kinds of thread do a run's arithmetic: the run's own thread with the compute pool it starts
 * (which inherit its priority), and the worker threads OpenBLAS starts when its library loads (which
 * inherit the priority of the thread that loaded it, for good). So the window loads the BLAS from a
 * lowered thread before it creates its first compute context.
 */
public final class BackgroundPriority {

    /** Nice steps of the views' background work; training's are {@link ThreadNiceness#backgroundSteps()}. */
    static final int VIEW_WORK_STEPS = 2;
    private static boolean blasLoaded;
    /** Nice steps of the JIT's compiler threads; training's unless told. */
    static final String COMPILER_STEPS = "aeworkbench.compilerNice";
    /** Nice steps of G1's concurrent threads; training's unless told. */
    static final String GC_STEPS = "aeworkbench.gcNice";
    private static boolean helpersLowered;

    private BackgroundPriority() {
    }

    /** Lowers the calling thread, a training run's; see {@link ThreadNiceness}. */
    public static void forTrainingThread() {
        ThreadNiceness.lowerCurrentThread();
    }

    /** Lowers the calling thread, one doing a view's work in the background, a little. */
    public static void forViewWork() {
        ThreadNiceness.lowerCurrentThread(Math.min(VIEW_WORK_STEPS, ThreadNiceness.backgroundSteps()));
    }

    /** A factory of daemon threads of that name that lower themselves as {@link #forViewWork()} when they start. */
    public static Thread viewThread(Runnable work, String name) {
        Thread t = new Thread(() -> {
            forViewWork();
            work.run();
        }, name);
        t.setDaemon(true);
        return t;
    }

    /**
     * Lowers the JVM's own helpers that run beside the program, once per JVM, as far as training:
     * <ul>
     * <li>the JIT's compiler threads. They compile in bursts of 2-14 ms of CPU just when a live
     * update or a run's end first runs code, and at the FX thread's priority they compete with it
     * for a core: around each of 19 delays of the FX thread over 8 ms the JIT logged 12 to 92
     * compilation events. Lowered, the window had 0.33 delays over 8 ms a run against 0.53, within
     * the spread of sets (docs/performance.md, round thirteen). {@value #COMPILER_STEPS}{@code =0}
     * leaves them.
     * <li>G1's concurrent threads (marking, refinement, service). A marking cycle often runs as a
     * JVM's first run ends, and its thread took 6-20 ms of a core while the FX thread waited 6-11 ms
     * for one. Lowered, the first run's longest FX delay was at most 16 ms in 15 of 16 JVMs against
     * 13 of 16 in alternated sets, and in 29 of 32 over the round (docs/performance.md, round
     * eighteen). Marking still gets training's share of the cores; only the window's threads go
     * first. {@value #GC_STEPS}{@code =0} leaves them.
     * </ul>
     * Threads these add later inherit their priority. The properties serve A/B measurements.
     */
    public static synchronized void lowerJvmHelpers() {
        if (helpersLowered) {
            return;
        }
        helpersLowered = true;
        int steps = ThreadNiceness.backgroundSteps();
        ThreadNiceness.lowerThreadsNamed(Integer.getInteger(COMPILER_STEPS, steps), "C1 CompilerThre", "C2 CompilerThre");
        ThreadNiceness.lowerThreadsNamed(Integer.getInteger(GC_STEPS, steps), "G1 Conc", "G1 Main Marker", "G1 Refine", "G1 Service");
    }

    /**
     * Loads the native BLAS, once per JVM, from a thread at background priority, and waits for it. A
     * JVM that loaded it already keeps the workers it has.
     */
    public static synchronized void loadNativeBlas() {
        if (blasLoaded) {
            return;
        }
        blasLoaded = true;
        Thread loader = new Thread(() -> {
            ThreadNiceness.lowerCurrentThread();
            Compute.create(Backend.AUTO, 1).close();
        }, "ae-blas-loader");
        loader.start();
        boolean interrupted = false;
        while (loader.isAlive()) {
            try {
                loader.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
