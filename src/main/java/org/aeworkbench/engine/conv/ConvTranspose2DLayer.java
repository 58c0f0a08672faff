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
import org.aeworkbench.engine.model.SpecException;
import org.aeworkbench.engine.tensor.Shape;

/**
 * Transposed convolution ("deconvolution"; Zeiler et al., "Deconvolutional Networks", 2010; Dumoulin
 * and Visin, "A guide to convolution arithmetic for deep learning", 2016): the adjoint of a
 * convolution from the output shape back to the input shape, so that stride s enlarges the image
 * s times. It is computed as col2im of one GEMM per chunk of samples:
 * {@code cols[n * h*w, k*k*F] = X[n * h*w, C] . W^T}, then {@code Z = col2im(cols)}.
 *
 * <p>Weight layout: {@code weight[(ky * kernel + kx) * filters + f, c]}: the kernel of the adjoint
 * convolution from F filters to C input channels (Keras's {@code Conv2DTranspose} kernel
 * (kh, kw, filters, in_channels), reshaped). Output size follows {@link Padding#transposedLength}.
 *
 * <p>Backward: {@code cols = im2col(dZ)}, {@code dW += cols^T X}, {@code dX = cols W}.
 */
public final class ConvTranspose2DLayer implements ActivatedLayer, ModelBuilder.Initializable {

    /** The convolution whose adjoint this is: from the output shape to the input's height and width. */
    private final WindowGeometry g;
    private final int inChannels;
    private final int filters;
    private final Activation activation;
    private final Parameter weight;
    private final Parameter bias;
    private final Shape inputShape;
    private final Shape outputShape;

    private Compute compute;
    private float[] input;
    private float[] cols;
    private float[] z;
    private float[] a;
    private float[] gradIn;

    public ConvTranspose2DLayer(String name, Shape inputShape, int filters, int kernel, int stride, Padding padding,
                                Activation activation) {
        if (filters < 1) {
            throw new IllegalArgumentException(name + ": filters must be at least 1, was " + filters);
        }
        this.outputShape = outputShape(inputShape, filters, kernel, stride, padding);
        this.g = WindowGeometry.of("ConvTranspose2D", outputShape, kernel, stride, padding);
        this.inChannels = inputShape.channels();
        this.filters = filters;
        this.activation = activation;
        this.inputShape = inputShape;
        this.weight = new Parameter(name + ".weight", g.patchSize(), inChannels);
        this.bias = new Parameter(name + ".bias", 1, filters);
    }

    /** The output shape, or a {@link SpecException} naming what does not fit. */
    public static Shape outputShape(Shape input, int filters, int kernel, int stride, Padding padding) {
        String layer = "ConvTranspose2D";
        WindowGeometry.checkWindow(layer, input, kernel, stride, padding);
        int h = padding.transposedLength(input.height(), kernel, stride);
        int w = padding.transposedLength(input.width(), kernel, stride);
        if (h < 1 || w < 1) {
            throw new SpecException("padding", layer + ": padding " + padding + " leaves no output for a "
                    + input.height() + "x" + input.width() + " input with kernel " + kernel + ": use less padding");
        }
        // By construction the convolution of this shape with the same settings gives back the input's size.
        return new Shape(h, w, filters);
    }

    /**
     * Each output value sums about (k/s)^2 C inputs, so that is the fan-in He's scaling needs; an
     * input reaches k*k*filters outputs.
     */
    @Override
    public void initialize(SplittableRandom random) {
        int area = g.kernel() * g.kernel();
        double fanIn = Math.max(1.0, (double) area * inChannels / (g.stride() * g.stride()));
        WeightInit.uniform(weight.value(), activation, fanIn, area * filters, random);
        Arrays.fill(bias.value(), 0f);
    }

    @Override
    public String kind() {
        return "ConvTranspose2D";
    }

    @Override
    public Shape inputShape() {
        return inputShape;
    }

    @Override
    public Shape outputShape() {
        return outputShape;
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
        return (long) g.positions() * g.patchSize() * inChannels;
    }

    @Override
    public float[] forward(float[] x, int batch, Pass pass) {
        compute = pass.compute();
        input = x;
        int p = g.positions();
        int k = g.patchSize();
        int outSize = g.inputSize();
        int chunk = ConvLowering.chunkSamples((long) p * k, batch);
        cols = Buffers.ensure(cols, chunk * p * k);
        z = Buffers.ensure(z, batch * outSize);
        for (int first = 0; first < batch; first += chunk) {
            int n = Math.min(chunk, batch - first);
            compute.gemm().sgemm(false, true, n * p, k, inChannels, 1f, x, first * p * inChannels, inChannels,
                    weight.value(), 0, inChannels, 0f, cols, 0, k);
            Im2col.raise(compute, g, cols, z, first, n);
        }
        if (activation == Activation.IDENTITY) {
            a = z;
        } else {
            a = a == z ? null : a;
            a = Buffers.ensure(a, batch * outSize);
        }
        AffineKernels.addBiasAndActivate(compute, z, bias.value(), a, batch * g.height() * g.width(), filters, activation);
        return a;
    }

    @Override
    public float[] preActivation() {
        return z;
    }

    @Override
    public float[] backward(float[] gradOutput, int batch, boolean needInputGrad) {
        AffineKernels.activationBackward(compute, z, a, gradOutput, batch * g.height() * g.width(), filters, activation);
        return backwardFromPreActivation(gradOutput, batch, needInputGrad);
    }

    @Override
    public float[] backwardFromPreActivation(float[] dz, int batch, boolean needInputGrad) {
        int p = g.positions();
        int k = g.patchSize();
        AffineKernels.accumulateColumnSums(compute, dz, bias.grad(), batch * g.height() * g.width(), filters);
        if (needInputGrad) {
            gradIn = Buffers.ensure(gradIn, batch * p * inChannels);
        }
        int chunk = ConvLowering.chunkSamples((long) p * k, batch);
        for (int first = 0; first < batch; first += chunk) {
            int n = Math.min(chunk, batch - first);
            Im2col.lower(compute, g, dz, first, n, cols);
            compute.gemm().sgemm(true, false, k, inChannels, n * p, 1f, cols, 0, k, input, first * p * inChannels,
                    inChannels, 1f, weight.grad(), 0, inChannels);
            if (needInputGrad) {
                compute.gemm().sgemm(false, false, n * p, inChannels, k, 1f, cols, 0, k, weight.value(), 0, inChannels,
                        0f, gradIn, first * p * inChannels, inChannels);
            }
        }
        return needInputGrad ? gradIn : null;
    }
}
