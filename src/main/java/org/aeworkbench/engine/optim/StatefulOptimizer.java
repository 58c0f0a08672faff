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

    private final int slots;
    private final List<float[][]> state = new ArrayList<>();
    protected long t;

    StatefulOptimizer(int slots) {
        this.slots = slots;
    }

    @Override
    public final void step(Compute compute, List<Parameter> parameters, float lr, float weightDecay) {
        t++;
        beginStep(lr);
        for (int i = 0; i < parameters.size(); i++) {
            Parameter p = parameters.get(i);
            if (state.size() <= i) {
                float[][] s = new float[slots][p.size()];
                state.add(s);
            }
            float[][] s = state.get(i);
            compute.parallelFor(p.size(), (from, to) -> {
                Optimizer.addWeightDecay(p, weightDecay, from, to);
                update(p.value(), p.grad(), s, lr, from, to);
                if (!zeroesGradients()) {
                    java.util.Arrays.fill(p.grad(), from, to, 0f);
                }
            });
        }
    }

    /** Whether {@link #update} already zeroes the gradient it reads (fused into its own loop). */
    protected boolean zeroesGradients() {
        return false;
    }

    /** Hook for per-step scalars such as bias corrections. */
    protected void beginStep(float lr) {
    }

    protected abstract void update(float[] w, float[] g, float[][] state, float lr, int from, int to);

    @Override
    public void reset() {
        state.clear();
        t = 0;
    }
}
