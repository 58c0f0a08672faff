package org.aeworkbench.engine.conv;

import java.util.SplittableRandom;
import org.aeworkbench.engine.layer.Activation;

/**
 * Uniform initial weights scaled by fan-in and fan-out, as {@code DenseLayer} does for dense layers:
 * He-uniform, limit sqrt(6 / fanIn), for the ReLU family (He et al., "Delving Deep into
 * Rectifiers", 2015); Glorot-uniform, limit sqrt(6 / (fanIn + fanOut)), otherwise (Glorot and
 * Bengio, "Understanding the difficulty of training deep feedforward neural networks", 2010).
 */
final class WeightInit {

    private WeightInit() {
    }

    static void uniform(float[] w, Activation f, double fanIn, double fanOut, SplittableRandom random) {
        boolean reluLike = f == Activation.RELU || f == Activation.LEAKY_RELU || f == Activation.ELU;
        double limit = reluLike ? Math.sqrt(6.0 / fanIn) : Math.sqrt(6.0 / (fanIn + fanOut));
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) ((random.nextDouble() * 2 - 1) * limit);
        }
    }
}
