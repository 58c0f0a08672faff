package org.aeworkbench.engine.train;

/**
 * Where the wall time of training went, from timers around each phase of the trainer's loop
 * ({@link Trainer#profileInto}): matrix products (timed inside the compute context's GEMM), the
 * element-wise rest of the forward and backward passes (activations, bias, loss, pooling, im2col),
 * the optimiser step, shuffling and gathering minibatches, and the validation pass at each epoch's
 * end (products included). {@code other} is what no timer covered: listeners, snapshots, checks.
 *
 * <p>The timers read {@link System#nanoTime()} about ten times per minibatch, and the GEMM timer
 * twice per product: some 60 reads per step of the reference design, about 2 microseconds, under
 * 0.1% of a step. Unprofiled runs do not read them at all.
 */
public final class EpochProfile {

    long gemm;
    long elementwise;
    long optimiser;
    long shuffling;
    long evaluation;
    long total;
    long steps;

    /** Nanoseconds spent in each phase, in the order of {@link #PHASES}. */
    public long[] nanos() {
        long other = Math.max(0, total - gemm - elementwise - optimiser - shuffling - evaluation);
        return new long[] {gemm, elementwise, optimiser, shuffling, evaluation, other};
    }

    /** The phases' names, as {@code bench --profile} prints them. */
    public static final String[] PHASES = {"gemm", "elementwise", "optimiser", "shuffling", "evaluation", "other"};

    public long totalNanos() {
        return total;
    }

    public long steps() {
        return steps;
    }

    /** Forgets what was measured. */
    public void clear() {
        gemm = elementwise = optimiser = shuffling = evaluation = total = steps = 0;
    }
}
