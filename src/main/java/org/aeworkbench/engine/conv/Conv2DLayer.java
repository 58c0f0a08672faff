package org.aeworkbench.engine.conv;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
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
 * on channels-last images, lowered to one GEMM per chunk of samples: by im2col
 * ({@link PatchLowering}) or, when the output has fewer channels than the input, by kn2row
 * ({@link KernelLowering}), whichever moves less memory.
 *
 * <p>Weight layout: {@code weight[(ky * kernel + kx) * channels + c, f]}, i.e. kernel height,
 * kernel width, input channel, filter (TensorFlow's HWIO, so Keras kernels load unchanged). The
 * output is channels-last as well, so the bias and activation run on it as on a dense layer's.
 */
public final class Conv2DLayer implements ActivatedLayer, ModelBuilder.Initializable {

    private final WindowGeometry g;
    private final int filters;
    private final Activation activation;
    private final Parameter weight;
    private final Parameter bias;
    private final Shape inputShape;
    private final Shape outputShape;

    private final ConvLowering lowering;

    private Compute compute;
    private float[] input;
    private float[] z;
    private float[] a;
    private float[] gradIn;

    public Conv2DLayer(String name, Shape inputShape, int filters, int kernel, int stride, Padding padding,
                       Activation activation) {
        this(name, inputShape, filters, kernel, stride, padding, activation, g -> ConvLowering.choose(g, filters));
    }

    /** With a given lowering, so tests can check both on every geometry. */
    Conv2DLayer(String name, Shape inputShape, int filters, int kernel, int stride, Padding padding,
                Activation activation, Function<WindowGeometry, ConvLowering> lowering) {
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
        this.lowering = lowering.apply(g);
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
        z = Buffers.ensure(z, batch * p * filters);
        lowering.forward(compute, x, batch, weight.value(), z);
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
        AffineKernels.accumulateColumnSums(compute, dz, bias.grad(), batch * g.positions(), filters);
        if (needInputGrad) {
            gradIn = Buffers.ensure(gradIn, batch * g.inputSize());
        }
        lowering.backward(compute, input, dz, batch, weight.value(), weight.grad(), needInputGrad ? gradIn : null);
        return needInputGrad ? gradIn : null;
    }
}
