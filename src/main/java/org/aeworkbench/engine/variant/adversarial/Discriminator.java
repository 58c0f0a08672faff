package org.aeworkbench.engine.variant.adversarial;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.aeworkbench.engine.layer.Activation;
import org.aeworkbench.engine.layer.DenseLayer;
import org.aeworkbench.engine.layer.Parameter;
import org.aeworkbench.engine.layer.Pass;
import org.aeworkbench.engine.tensor.Shape;

/**
 * The adversarial autoencoder's discriminator (Makhzani et al. 2015, section 2): a multilayer
 * perceptron that reads a code (and, for the supervised prior, a one-hot class) and returns one
 * logit, the log-odds that the code was drawn from the prior rather than produced by the encoder.
 * Hidden layers are dense ReLU layers (He-initialised), the output a single linear unit.
 */
public final class Discriminator {

    private final List<DenseLayer> layers = new ArrayList<>();
    private final List<Parameter> parameters = new ArrayList<>();
    private final int inputWidth;

    /**
     * @param inputWidth the code width, plus the number of classes when they are given
     * @param hidden     widths of the hidden ReLU layers, input side first
     * @param seed       seeds the initial weights
     */
    public Discriminator(int inputWidth, List<Integer> hidden, long seed) {
        this.inputWidth = inputWidth;
        Shape in = Shape.vector(inputWidth);
        for (int i = 0; i < hidden.size(); i++) {
            DenseLayer l = new DenseLayer("discriminator[" + i + "]", in, hidden.get(i), Activation.RELU);
            layers.add(l);
            in = l.outputShape();
        }
        layers.add(new DenseLayer("discriminator[" + hidden.size() + "]", in, 1, Activation.IDENTITY));
        SplittableRandom random = new SplittableRandom(seed);
        for (DenseLayer l : layers) {
            l.initialize(random);
            parameters.addAll(l.parameters());
        }
    }

    public int inputWidth() {
        return inputWidth;
    }

    /** Weights and biases, layer by layer. */
    public List<Parameter> parameters() {
        return Collections.unmodifiableList(parameters);
    }

    /** The smallest |pre-activation| of a hidden unit over the last {@link #logits} call's rows: how near a ReLU kink they are. */
    double smallestHiddenMargin(int batch) {
        double smallest = Double.POSITIVE_INFINITY;
        for (int l = 0; l < layers.size() - 1; l++) {
            float[] z = layers.get(l).preActivation();
            int width = layers.get(l).outputShape().size();
            for (int i = 0; i < batch * width; i++) {
                smallest = Math.min(smallest, Math.abs(z[i]));
            }
        }
        return smallest;
    }

    /** Logits of {@code batch} rows of {@code inputWidth} values; the buffer is the output layer's. */
    public float[] logits(float[] input, int batch, Pass pass) {
        float[] h = input;
        for (DenseLayer l : layers) {
            h = l.forward(h, batch, pass);
        }
        return h;
    }

    /**
     * Back-propagates dL/d(logit) of the last {@link #logits} call: accumulates the discriminator's
     * parameter gradients and returns dL/d(input) ({@code gradLogits} is overwritten).
     */
    public float[] backward(float[] gradLogits, int batch) {
        float[] g = gradLogits;
        for (int i = layers.size() - 1; i >= 0; i--) {
            g = layers.get(i).backward(g, batch, true);
        }
        return g;
    }
}
