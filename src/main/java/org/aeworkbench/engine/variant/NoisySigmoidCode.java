package org.aeworkbench.engine.variant;

import org.aeworkbench.engine.layer.Activation;
import org.aeworkbench.engine.layer.Buffers;
import org.aeworkbench.engine.layer.Pass;
import org.aeworkbench.engine.tensor.Shape;

/**
 * The code units of semantic hashing (Salakhutdinov and Hinton, "Semantic hashing", International
 * Journal of Approximate Reasoning 50(7), 2009): logistic units whose input gets Gaussian noise
 * while training. To get its signal through the noise the encoder must push each unit's
 * pre-activation far from zero, where the sigmoid saturates, so the codes become nearly binary and
 * thresholding them at 0.5 loses little; at inference the noise is left out.
 * <ul>
 *   <li>training: {@code a = sigmoid(z + sigma eps)}, eps ~ N(0, 1) from the pass's stream;</li>
 *   <li>inference: {@code a = sigmoid(z)}; the bits are {@code a > 0.5}, i.e. {@code z > 0};</li>
 *   <li>backward: {@code dL/dz = dL/da * a (1 - a)}, with a the noisy output (the noise is a
 *       constant added to z, so its derivative is 1).</li>
 * </ul>
 * It follows a code layer whose own activation is the identity, so z is the layer's affine output.
 */
public final class NoisySigmoidCode extends ShapePreservingStage {

    /** Code values above this are the bits that are on. */
    public static final float THRESHOLD = 0.5f;

    private final int width;
    private final double sigma;
    private float[] out;
    private float[] gradIn;

    /**
     * @param shape the code's shape
     * @param sigma standard deviation of the training noise on the pre-activation
     */
    public NoisySigmoidCode(Shape shape, double sigma) {
        super(shape);
        if (!(sigma >= 0)) {
            throw new IllegalArgumentException("the code noise must be a standard deviation of 0 or more, not " + sigma);
        }
        this.width = shape.size();
        this.sigma = sigma;
    }

    public double sigma() {
        return sigma;
    }

    @Override
    public String kind() {
        return "Noisy sigmoid code";
    }

    @Override
    public float[] forward(float[] z, int batch, Pass pass) {
        int n = batch * width;
        out = Buffers.ensure(out, n);
        boolean noisy = pass.training() && sigma > 0;
        for (int i = 0; i < n; i++) {
            double noise = noisy ? sigma * pass.random().nextGaussian() : 0;
            out[i] = Activation.SIGMOID.apply((float) (z[i] + noise));
        }
        return out;
    }

    @Override
    public float[] backward(float[] gradOutput, int batch, boolean needInputGrad) {
        if (!needInputGrad) {
            return null;
        }
        int n = batch * width;
        gradIn = Buffers.ensure(gradIn, n);
        for (int i = 0; i < n; i++) {
            gradIn[i] = gradOutput[i] * Activation.SIGMOID.derivative(0f, out[i]);
        }
        return gradIn;
    }
}
