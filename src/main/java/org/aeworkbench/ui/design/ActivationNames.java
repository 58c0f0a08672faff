package org.aeworkbench.ui.design;

import org.aeworkbench.engine.layer.Activation;

/** How activations are written in the designer: on the layer cards and in the property sheet alike. */
final class ActivationNames {

    private ActivationNames() {
    }

    static String of(Activation a) {
        return switch (a) {
            case IDENTITY -> "Linear";
            case SIGMOID -> "Sigmoid";
            case TANH -> "tanh";
            case RELU -> "ReLU";
            case LEAKY_RELU -> "Leaky ReLU";
            case ELU -> "ELU";
            case SOFTPLUS -> "Softplus";
        };
    }
}
