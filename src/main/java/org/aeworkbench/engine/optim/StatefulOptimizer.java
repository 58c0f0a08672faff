package org.aeworkbench.engine.optim;

import java.util.ArrayList;
import java.util.List;
import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.layer.Parameter;

/**
 * Shared plumbing for optimisers with element-wise state: allocates {@code slots} state arrays
 * per parameter on first use, and sweeps every parameter in parallel with the same split each time.
 */
abstract class StatefulOptimizer implements Optimizer {

    /**
     * State values smaller than this in magnitude are stored as zero. A moment whose gradient has
     * stopped (a dead unit, an input pixel that is always blank) decays geometrically through the
     * subnormal floats, where every multiply takes a microcode assist on x86: after three epochs of
     * the reference design 8% of Adam's first moments were subnormal and the optimiser step took
     * twice as long. What is flushed could only move a weight by less than 1e-25 (the update is
     * step * m / (sqrt(v) + eps) with eps at least 1e-8), below the resolution of any weight larger
     * than 1e-18, so the trained weights are those the exact recurrence gives.
     */
    static final float TINY_STATE = 0x1p-100f;

    private final int slots;
    private final List<float[][]> state = new ArrayList<>();
    /** Where each parameter starts when all are laid end to end. */
    private int[] starts;
    protected long t;

    StatefulOptimizer(int slots) {
        this.slots = slots;
    }

    @Override
    public final int stateArrays() {
        return slots;
    }

    @Override
    public final void step(Compute compute, List<Parameter> parameters, float lr, float weightDecay) {
        t++;
        beginStep(lr);
        if (starts == null || starts.length != parameters.size() + 1) {
            for (int i = state.size(); i < parameters.size(); i++) {
                state.add(new float[slots][parameters.get(i).size()]);
            }
            starts = new int[parameters.size() + 1];
            for (int i = 0; i < parameters.size(); i++) {
                starts[i + 1] = starts[i] + parameters.get(i).size();
            }
        }
        // One sweep over all parameters as if they were one array, split into the compute threads'
        // blocks: one hand-off per step instead of one per parameter (12 for the reference design,
        // most of them biases too small to split). Each element's update depends on that element
        // only, so the split does not change any bit.
        int[] at = starts;
        compute.parallelFor(at[parameters.size()], (from, to) -> {
            for (int i = 0; i < parameters.size(); i++) {
                int lo = Math.max(from, at[i]) - at[i];
                int hi = Math.min(to, at[i + 1]) - at[i];
                if (lo >= hi) {
                    continue;
                }
                Parameter p = parameters.get(i);
                Optimizer.addWeightDecay(p, weightDecay, lo, hi);
                update(p.value(), p.grad(), state.get(i), lr, lo, hi);
                if (!zeroesGradients()) {
                    java.util.Arrays.fill(p.grad(), lo, hi, 0f);
                }
            }
        });
    }

    /** Whether {@link #update} already zeroes the gradient it reads (fused into its own loop). */
    protected boolean zeroesGradients() {
        return false;
    }

    /** Hook for per-step scalars such as bias corrections. */
    protected void beginStep(float lr) {
    }

    /** {@code x}, or zero when it is below {@link #TINY_STATE} in magnitude (NaN is kept). */
    static float flushTiny(float x) {
        return Math.abs(x) < TINY_STATE ? 0f : x;
    }

    protected abstract void update(float[] w, float[] g, float[][] state, float lr, int from, int to);

    /** The state arrays of the i-th parameter (tests). */
    float[][] state(int parameter) {
        return state.get(parameter);
    }

    @Override
    public void reset() {
        state.clear();
        starts = null;
        t = 0;
    }
}
