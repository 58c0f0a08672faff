package org.aeworkbench.export.translate;

import org.aeworkbench.engine.layer.Activation;

/** Each activation as an ONNX operator and under its name in {@code model.py}. */
final class ActivationOps {

    private ActivationOps() {
    }

    /** Appends f(x); the identity adds nothing. Leaky ReLU's slope and ELU's alpha are the engine's. */
    static OnnxValue onnx(Activation f, OnnxGraph g, String stem, OnnxValue x) {
        String[] in = {x.name()};
        String out = switch (f) {
            case IDENTITY -> x.name();
            case SIGMOID -> g.op("Sigmoid", stem + "/sigmoid", in);
            case TANH -> g.op("Tanh", stem + "/tanh", in);
            case RELU -> g.op("Relu", stem + "/relu", in);
            case LEAKY_RELU -> g.op("LeakyRelu", stem + "/leaky_relu", in, OnnxGraph.attr("alpha", 0.01f));
            case ELU -> g.op("Elu", stem + "/elu", in, OnnxGraph.attr("alpha", 1.0f));
            case SOFTPLUS -> g.op("Softplus", stem + "/softplus", in);
        };
        return new OnnxValue(out, x.image());
    }

    /** The activation's name as {@code model.py}'s ACTIVATIONS table spells it. */
    static String python(Activation f) {
        return "\"" + f.id().replace('-', '_') + "\"";
    }
}
