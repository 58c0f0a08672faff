package org.aeworkbench.engine.optim;

import java.util.List;
import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.layer.Parameter;

/**
 * Updates parameters from their accumulated gradients. Implementations keep their per-parameter
 * state (moments, velocities) keyed by position in the parameter list, which is fixed for a model.
 */
public interface Optimizer {

    /**
     * One update with learning rate {@code lr} (the schedule is applied by the caller).
     * {@code weightDecay} adds the L2 term lambda * w to each weight gradient (not to biases).
     * The step consumes the gradients: it leaves them zero, ready for the next accumulation, which
     * saves the trainer a separate pass over them.
     */
    void step(Compute compute, List<Parameter> parameters, float lr, float weightDecay);

    /** Arrays of state the optimiser keeps per parameter, each as long as the parameter (Adam: 2 moments). */
    int stateArrays();

    /** Forget all state, as after re-initialising the model. */
    void reset();

    /** Adds the L2 weight-decay gradient in place; biases (single-row parameters) are not decayed. */
    static void addWeightDecay(Parameter p, float weightDecay, int from, int to) {
        if (weightDecay == 0f || p.rows() == 1) {
            return;
        }
        float[] w = p.value();
        float[] g = p.grad();
        for (int i = from; i < to; i++) {
            g[i] += weightDecay * w[i];
        }
    }
}
