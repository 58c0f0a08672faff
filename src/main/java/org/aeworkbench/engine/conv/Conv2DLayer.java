package org.aeworkbench.engine.conv;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.layer.ActivatedLayer;
import org.aeworkbench.engine.layer.Activation;
import org.aeworkbench.engine.layer.AffineKernels;
import org.aeworkbench.engine.layer.Buffers;
import org.aeworkbench.engine.layer.Parameter;
import org.aeworkbench.engine.layer.Pass;
import org.aeworkbench.engine.model.ModelBuilder;
import org.aeworkbench.engine.tensor.Shape;

/**
 * 2-D convolution (cross-correlation, as in every deep-learning library) {@code a = f(x * W + b)}
 * on channels-last images, lowered by {@link Im2col} to one GEMM per chunk of samples:
 * {@code Z[n * positions, filters] = cols[n * positions, k*k*C] . W[k*k*C, filters]}.
 *
 * <p>Weight layout: {@code weight[(ky * kernel + kx) * channels + c, f]}, i.e. kernel height,
 * kernel width, input channel, filter (TensorFlow's HWIO, so Keras kernels load unchanged). The
 * output is channels-last as well, so the GEMM's result is the output with no reordering.
 *
 * <p>Backward: {@code dW += cols^T dZ}, {@code db += column sums of dZ}, {@code dX = col2im(dZ W^T)}.
 */
public final class Conv2DLayer implements ActivatedLayer, ModelBuilder.Initializable {

    /** Largest lowered matrix held at once; bigger batches are lowered in chunks of samples. */
    static final long MAX_LOWERED_FLOATS = 1L << 22;

    private final WindowGeometry g;
    private final int filters;
    private final Activation activation;
    private final Parameter weight;
    private final Parameter bias;
    private final Shape inputShape;
    private final Shape outputShape;

    private Compute compute;
    private float[] input;
    private float[] cols;
    /** First sample whose rows {@link #cols} holds from the last forward pass, or -1. */
    private int loweredFirst = -1;
    private float[] z;
    private float[] a;
    private float[] gradIn;

    public Conv2DLayer(String name, Shape inputShape, int filters, int kernel, int stride, Padding padding,
                       Activation activation) {
        if (filters < 1) {
            throw new IllegalArgumentException(name + ": filters must be at least 1, was " + filters);
        }
        this.g = WindowGeometry.of("Conv2D", inputShape, kernel, stride, padding);
        this.filters = filters;
        this.activation = activation;
        this.inputShape = inputShape;
        this.outputShape = new Shape(g.outHeight(), g.outWidth(), filters);
        this.weight = new Parameter(name + ".weight", g.patchSize(), filters);
        this.bias = new Parameter(name + ".bias", 1, filters);
    }

    /** Fan-in k*k*C, fan-out k*k*filters, as Keras counts them for convolutions. */
    @Override
    public void initialize(SplittableRandom random) {
        int area = g.kernel() * g.kernel();
        WeightInit.uniform(weight.value(), activation, area * g.channels(), area * filters, random);
        Arrays.fill(bias.value(), 0f);
    }

    @Override
    public String kind() {
        return "Conv2D";
    }

    @Override
    public Shape inputShape() {
        return inputShape;
    }

    @Override
    public Shape outputShape() {
        return outputShape;
    }

    public WindowGeometry geometry() {
        return g;
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
    public List<Parameter> parameters() {
        return List.of(weight, bias);
    }

    @Override
    public long multiplyAddsPerSample() {
        return (long) g.positions() * g.patchSize() * filters;
    }

    @Override
    public float[] forward(float[] x, int batch, Pass pass) {
        compute = pass.compute();
        input = x;
        int p = g.positions();
        int k = g.patchSize();
        int chunk = Im2col.chunkSamples(g, batch, MAX_LOWERED_FLOATS);
        cols = Buffers.ensure(cols, chunk * p * k);
        z = Buffers.ensure(z, batch * p * filters);
        for (int first = 0; first < batch; first += chunk) {
            int n = Math.min(chunk, batch - first);
            Im2col.lower(compute, g, x, first, n, cols);
            compute.gemm().sgemm(false, false, n * p, filters, k, 1f, cols, 0, k, weight.value(), 0, filters,
                    0f, z, first * p * filters, filters);
            loweredFirst = first;
        }
        if (activation == Activation.IDENTITY) {
            a = z;
        } else {
            a = a == z ? null : a;
            a = Buffers.ensure(a, batch * p * filters);
        }
        AffineKernels.addBiasAndActivate(compute, z, bias.value(), a, batch * p, filters, activation);
        return a;
    }

    @Override
    public float[] preActivation() {
        return z;
    }

    @Override
    public float[] backward(float[] gradOutput, int batch, boolean needInputGrad) {
        // gradOutput is the next layer's buffer, scaled in place into dL/dz, which no caller reads again.
        AffineKernels.activationBackward(compute, z, a, gradOutput, batch * g.positions(), filters, activation);
        return backwardFromPreActivation(gradOutput, batch, needInputGrad);
    }

    @Override
    public float[] backwardFromPreActivation(float[] dz, int batch, boolean needInputGrad) {
        int p = g.positions();
        int k = g.patchSize();
        AffineKernels.accumulateColumnSums(compute, dz, bias.grad(), batch * p, filters);
        if (needInputGrad) {
            gradIn = Buffers.ensure(gradIn, batch * g.inputSize());
        }
        int chunk = Im2col.chunkSamples(g, batch, MAX_LOWERED_FLOATS);
        // Last chunk first: the forward pass left its lowering in cols.
        for (int first = (batch - 1) / chunk * chunk; first >= 0; first -= chunk) {
            int n = Math.min(chunk, batch - first);
            if (first != loweredFirst) {
                Im2col.lower(compute, g, input, first, n, cols);
            }
            compute.gemm().sgemm(true, false, k, filters, n * p, 1f, cols, 0, k, dz, first * p * filters, filters,
                    1f, weight.grad(), 0, filters);
            loweredFirst = -1;
            if (needInputGrad) {
                compute.gemm().sgemm(false, true, n * p, k, filters, 1f, dz, first * p * filters, filters,
                        weight.value(), 0, filters, 0f, cols, 0, k);
                Im2col.raise(compute, g, cols, gradIn, first, n);
            }
        }
        return needInputGrad ? gradIn : null;
    }
}
