package org.aeworkbench.engine.optim;

import java.util.Map;
import java.util.function.BiConsumer;

/** Plain stochastic gradient descent (Robbins and Monro 1951): {@code w -= lr * g}, nothing to set. */
public record SgdSettings() implements OptimizerSettings {

    static SgdSettings from(Map<String, Double> given) {
        return new SgdSettings();
    }

    @Override
    public Optimizer build(OptimizerKind kind) {
        return new Sgd(0f, false);
    }

    @Override
    public void validate(BiConsumer<String, String> problem) {
    }
}
