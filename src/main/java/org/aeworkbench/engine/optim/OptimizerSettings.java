package org.aeworkbench.engine.optim;

import java.util.function.BiConsumer;

/**
 * The settings of one optimiser beyond the learning rate, weight decay and schedule every
 * optimiser has: a record per optimiser, with the defaults of its paper for what a spec leaves
 * out. {@link OptimizerKind} lists them.
 */
public interface OptimizerSettings {

    /** The optimiser these settings configure, as {@code kind} (momentum or Nesterov share settings). */
    Optimizer build(OptimizerKind kind);

    /** Reports each setting outside its valid range as (field, message), the field named as in a spec file. */
    void validate(BiConsumer<String, String> problem);

    /** A rate or decay in [0, 1): the geometric averages of the moments need it below 1. */
    static void checkDecay(String field, double value, BiConsumer<String, String> problem) {
        if (!(value >= 0 && value < 1)) {
            problem.accept(field, field + " must lie in [0, 1), not " + value);
        }
    }

    /** A denominator's guard: finite and above 0. */
    static void checkEpsilon(String field, double value, BiConsumer<String, String> problem) {
        if (!(value > 0) || Double.isInfinite(value)) {
            problem.accept(field, field + " must be a number above 0, such as 1e-8, not " + value);
        }
    }
}
