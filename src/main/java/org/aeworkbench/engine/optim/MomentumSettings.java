package org.aeworkbench.engine.optim;

import java.util.Map;
import java.util.function.BiConsumer;

/**
 * SGD with classical or Nesterov momentum (Sutskever, Martens, Dahl and Hinton, "On the importance
 * of initialization and momentum in deep learning", ICML 2013), the kind choosing which.
 *
 * @param momentum mu, the velocity's decay; 0.9 when a spec leaves it out, the value the paper starts from
 */
public record MomentumSettings(double momentum) implements OptimizerSettings {

    public static final double DEFAULT_MOMENTUM = 0.9;

    static MomentumSettings from(Map<String, Double> given) {
        return new MomentumSettings(given.getOrDefault("momentum", DEFAULT_MOMENTUM));
    }

    @Override
    public Optimizer build(OptimizerKind kind) {
        return new Sgd((float) momentum, kind == OptimizerKind.NESTEROV);
    }

    @Override
    public void validate(BiConsumer<String, String> problem) {
        OptimizerSettings.checkDecay("momentum", momentum, problem);
    }
}
