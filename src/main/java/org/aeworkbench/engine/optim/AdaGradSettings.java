package org.aeworkbench.engine.optim;

import java.util.Map;
import java.util.function.BiConsumer;

/**
 * AdaGrad (Duchi, Hazan and Singer, "Adaptive Subgradient Methods for Online Learning and
 * Stochastic Optimization", JMLR 2011). The paper's delta, added to the denominator, is 1e-8 when
 * a spec leaves it out.
 *
 * @param epsilon added to the denominator, above 0
 */
public record AdaGradSettings(double epsilon) implements OptimizerSettings {

    public static final double DEFAULT_EPSILON = 1e-8;

    static AdaGradSettings from(Map<String, Double> given) {
        return new AdaGradSettings(given.getOrDefault("epsilon", DEFAULT_EPSILON));
    }

    @Override
    public Optimizer build(OptimizerKind kind) {
        return new AdaGrad((float) epsilon);
    }

    @Override
    public void validate(BiConsumer<String, String> problem) {
        OptimizerSettings.checkEpsilon("epsilon", epsilon, problem);
    }
}
