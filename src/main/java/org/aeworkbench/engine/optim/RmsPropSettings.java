package org.aeworkbench.engine.optim;

import java.util.Map;
import java.util.function.BiConsumer;

/**
 * RMSProp (Tieleman and Hinton, "Lecture 6.5: rmsprop", COURSERA: Neural Networks for Machine
 * Learning, 2012). Left out of a spec, the decay is the lecture's 0.9 and epsilon 1e-8.
 *
 * @param decay   of the running mean square, in [0, 1); spec files written before version 2 call it {@code beta2}
 * @param epsilon added to the denominator, above 0
 */
public record RmsPropSettings(double decay, double epsilon) implements OptimizerSettings {

    public static final RmsPropSettings DEFAULTS = new RmsPropSettings(0.9, 1e-8);

    static RmsPropSettings from(Map<String, Double> given) {
        double decay = given.getOrDefault("decay", given.getOrDefault("beta2", DEFAULTS.decay));
        return new RmsPropSettings(decay, given.getOrDefault("epsilon", DEFAULTS.epsilon));
    }

    @Override
    public Optimizer build(OptimizerKind kind) {
        return new RmsProp((float) decay, (float) epsilon);
    }

    @Override
    public void validate(BiConsumer<String, String> problem) {
        OptimizerSettings.checkDecay("decay", decay, problem);
        OptimizerSettings.checkEpsilon("epsilon", epsilon, problem);
    }
}
