package org.aeworkbench.engine.variant;

import java.util.List;
import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.layer.ActivatedLayer;
import org.aeworkbench.engine.layer.Activation;
import org.aeworkbench.engine.layer.AffineKernels;
import org.aeworkbench.engine.layer.Buffers;
import org.aeworkbench.engine.layer.DenseLayer;
import org.aeworkbench.engine.layer.Parameter;
import org.aeworkbench.engine.layer.Pass;
import org.aeworkbench.engine.tensor.Shape;

/**
 * Decoder layer with tied weights: {@code a = f(h W^T + c)}, where W is the weight of the encoder
 * layer it mirrors and c is this layer's own bias. Tying halves the weights and is the classical
 * setting of Vincent et al. 2008 and of Makhzani and Frey 2013's k-sparse autoencoder.
 *
 * <p>The gradient with respect to W is accumulated into the encoder's gradient
 * (dW += dZ^T h, the transpose of the dense rule), so the shared weight receives the sum of both
 * uses. {@link #parameters()} returns only the bias: the weight belongs to the encoder.
 */
public final class TiedDenseLayer implements ActivatedLayer {

    private final DenseLayer encoder;
    private final int in;
    private final int out;
    private final Activation activation;
    private final Parameter bias;

    private Compute compute;
    private float[] input;
    private float[] z;
    private float[] a;
    private float[] gradIn;

    /**
     * @param name    where it lives, e.g. "decoder[1]"
     * @param encoder the encoder layer whose weight this layer uses transposed
     */
    public TiedDenseLayer(String name, DenseLayer encoder, Activation activation) {
        this.encoder = encoder;
        this.in = encoder.outputShape().size();
        this.out = encoder.inputShape().size();
        this.activation = activation;
        this.bias = new Parameter(name + ".bias", 1, out);
    }

    /** The encoder layer whose weight is shared. */
    public DenseLayer encoder() {
        return encoder;
    }

    public Parameter bias() {
        return bias;
    }

    @Override
    public String kind() {
        return "Dense (tied)";
    }

    @Override
    public Shape inputShape() {
        return encoder.outputShape();
    }

    @Override
    public Shape outputShape() {
        // A flat vector even when the encoder read an image: a dense map has no spatial layout.
        return Shape.vector(out);
    }

    @Override
    public Activation activation() {
        return activation;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(bias);
    }

    @Override
    public long multiplyAddsPerSample() {
        return (long) in * out;
    }

    @Override
    public float[] forward(float[] x, int batch, Pass pass) {
        compute = pass.compute();
        input = x;
        z = Buffers.ensure(z, batch * out);
        // z = x W^T, with W stored out x in (the encoder's in-features by out-features).
        compute.gemm().sgemm(false, true, batch, out, in, 1f, x, 0, in, encoder.weight().value(), 0, in,
                0f, z, 0, out);
        a = AffineKernels.activationBuffer(a, z, batch * out, activation);
        AffineKernels.addBiasAndActivate(compute, z, bias.value(), a, batch, out, activation);
        return a;
    }

    @Override
    public float[] preActivation() {
        return z;
    }

    @Override
    public float[] backward(float[] gradOutput, int batch, boolean needInputGrad) {
        // Like DenseLayer: the caller's buffer is turned into dL/dz in place and not read again.
        AffineKernels.activationBackward(compute, z, a, gradOutput, batch, out, activation);
        return backwardFromPreActivation(gradOutput, batch, needInputGrad);
    }

    @Override
    public float[] backwardFromPreActivation(float[] dz, int batch, boolean needInputGrad) {
        // dW (out x in as the encoder stores it) += dZ^T x: the transpose of x^T dZ.
        compute.gemm().sgemm(true, false, out, in, batch, 1f, dz, 0, out, input, 0, in,
                1f, encoder.weight().grad(), 0, in);
        AffineKernels.accumulateColumnSums(compute, dz, bias.grad(), batch, out);
        if (!needInputGrad) {
            return null;
        }
        gradIn = Buffers.ensure(gradIn, batch * in);
        // dx = dZ W
        compute.gemm().sgemm(false, false, batch, in, out, 1f, dz, 0, out, encoder.weight().value(), 0, in,
                0f, gradIn, 0, in);
        return gradIn;
    }
}
