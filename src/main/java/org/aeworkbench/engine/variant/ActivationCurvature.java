package org.aeworkbench.engine.variant;

import org.aeworkbench.engine.layer.Activation;

/**
 * Second derivatives f''(z) of the activations, which the contractive penalty needs because it
 * penalises f'(z) itself. Written, like {@link Activation#derivative}, in terms of the
 * pre-activation z and the output a = f(z).
 */
final class ActivationCurvature {

    private ActivationCurvature() {
    }

    static float second(Activation f, float z, float a) {
        return switch (f) {
            // Piecewise linear: f' is constant on each side of the kink, so f'' = 0 wherever it exists.
            case IDENTITY, RELU, LEAKY_RELU -> 0f;
            // f' = a (1 - a), so f'' = f' (1 - 2a)
            case SIGMOID -> a * (1f - a) * (1f - 2f * a);
            // f' = 1 - a^2, so f'' = -2 a f'
            case TANH -> -2f * a * (1f - a * a);
            // e^z - 1 below zero: f'' = e^z = a + 1
            case ELU -> z > 0f ? 0f : a + 1f;
            // f' = sigmoid(z) = s, so f'' = s (1 - s)
            case SOFTPLUS -> {
                float s = Activation.SIGMOID.apply(z);
                yield s * (1f - s);
            }
        };
    }

    /** True when f'' is zero wherever it exists, so curvature terms can be skipped. */
    static boolean piecewiseLinear(Activation f) {
        return f == Activation.IDENTITY || f == Activation.RELU || f == Activation.LEAKY_RELU;
    }
}
