package org.aeworkbench.engine.optim;

import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Adam (Kingma and Ba, "Adam: A Method for Stochastic Optimization", ICLR 2015). Left out of a
 * spec, each setting takes the paper's default (section 2, Algorithm 1): beta1 = 0.9,
 * beta2 = 0.999, epsilon = 1e-8.
 *
 * @param beta1   decay of the first-moment estimate, in [0, 1)
 * @param beta2   decay of the second-moment estimate, in [0, 1)
 * @param epsilon added to the denominator, above 0
 */
public record AdamSettings(double beta1, double beta2, double epsilon) implements OptimizerSettings {

    public static final AdamSettings DEFAULTS = new AdamSettings(0.9, 0.999, 1e-8);

    static AdamSettings from(Map<String, Double> given) {
        return new AdamSettings(given.getOrDefault("beta1", DEFAULTS.beta1), given.getOrDefault("beta2", DEFAULTS.beta2),
                given.getOrDefault("epsilon", DEFAULTS.epsilon));
    }

    @Override
    public Optimizer build(OptimizerKind kind) {
        return new Adam((float) beta1, (float) beta2, (float) epsilon);
    }

    @Override
    public void validate(BiConsumer<String, String> problem) {
        OptimizerSettings.checkDecay("beta1", beta1, problem);
        OptimizerSettings.checkDecay("beta2", beta2, problem);
        OptimizerSettings.checkEpsilon("epsilon", epsilon, problem);
    }
}
