package org.aeworkbench.engine.layer;

import java.util.List;
import java.util.SplittableRandom;
import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.tensor.Shape;

/**
 * Fully connected layer {@code a = f(x W + b)}, with W stored in x in-features by out-features.
 * The product runs on BLAS; bias and activation are fused into one sweep.
 */
public final class DenseLayer implements ActivatedLayer, Initializable {

    private final Shape inputShape;
    private final int in;
    private final int out;
    private final Activation activation;
    private final Parameter weight;
    private final Parameter bias;

    private Compute compute;
    private float[] input;
    private float[] z;
    private float[] a;
    private float[] gradIn;

    public DenseLayer(String name, Shape inputShape, int units, Activation activation) {
        if (units <= 0) {
            throw new IllegalArgumentException(name + ": units must be at least 1, was " + units);
        }
        this.inputShape = inputShape;
        this.in = inputShape.size();
        this.out = units;
        this.activation = activation;
        this.weight = new Parameter(name + ".weight", in, out);
        this.bias = new Parameter(name + ".bias", 1, out);
    }

    /**
     * Glorot-uniform for saturating activations (Glorot and Bengio 2010), He-uniform for the
     * ReLU family (He et al. 2015); biases start at zero.
     */
    public void initialize(SplittableRandom random) {
        boolean reluLike = activation == Activation.RELU || activation == Activation.LEAKY_RELU
                || activation == Activation.ELU;
        double limit = reluLike ? Math.sqrt(6.0 / in) : Math.sqrt(6.0 / (in + out));
        float[] w = weight.value();
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) ((random.nextDouble() * 2 - 1) * limit);
        }
        java.util.Arrays.fill(bias.value(), 0f);
    }

    @Override
    public String kind() {
        return "Dense";
    }

    @Override
    public Shape inputShape() {
        return inputShape;
    }

    @Override
    public Shape outputShape() {
        return Shape.vector(out);
    }

    public Parameter weight() {
        return weight;
    }

    public Parameter bias() {
        return bias;
    }

    @Override
    public Activation activation() {
        return activation;
    }

    @Override
    public long multiplyAddsPerSample() {
        return (long) in * out;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(weight, bias);
    }

    @Override
    public float[] forward(float[] x, int batch, Pass pass) {
        compute = pass.compute();
        input = x;
        z = Buffers.ensure(z, batch * out);
        compute.gemm().sgemm(false, false, batch, out, in, 1f, x, 0, in, weight.value(), 0, out, 0f, z, 0, out);
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
        // gradOutput belongs to the next layer or the loss; it is scaled in place into dL/dz,
        // which no caller reads again, in the same sweep that sums it into the bias gradient.
        AffineKernels.backpropAndSumColumns(compute, z, a, gradOutput, bias.grad(), batch, out, activation);
        return products(gradOutput, batch, needInputGrad);
    }

    @Override
    public float[] backwardFromPreActivation(float[] dz, int batch, boolean needInputGrad) {
        AffineKernels.accumulateColumnSums(compute, dz, bias.grad(), batch, out);
        return products(dz, batch, needInputGrad);
    }

    /** dW += x^T dZ and, when asked, dx = dZ W^T. */
    private float[] products(float[] dz, int batch, boolean needInputGrad) {
        compute.gemm().sgemm(true, false, in, out, batch, 1f, input, 0, in, dz, 0, out, 1f, weight.grad(), 0, out);
        if (!needInputGrad) {
            return null;
        }
        gradIn = Buffers.ensure(gradIn, batch * in);
        compute.gemm().sgemm(false, true, batch, in, out, 1f, dz, 0, out, weight.value(), 0, out, 0f, gradIn, 0, in);
        return gradIn;
    }
}
