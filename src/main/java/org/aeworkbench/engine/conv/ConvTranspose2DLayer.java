package org.aeworkbench.engine.conv;

import java.util.SplittableRandom;
import org.aeworkbench.engine.core.SpecException;
import org.aeworkbench.engine.layer.Activation;
import org.aeworkbench.engine.layer.Buffers;
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
public final class ConvTranspose2DLayer extends AffineImageLayer {

    /** The convolution whose adjoint this is: from the output shape to the input's height and width. */
    private final WindowGeometry g;
    private final int inChannels;
    private float[] cols;

    public ConvTranspose2DLayer(String name, Shape inputShape, int filters, int kernel, int stride, Padding padding,
                                Activation activation) {
        this(name, inputShape, WindowGeometry.of("ConvTranspose2D",
                outputShape(inputShape, Conv2DLayer.checked(name, filters), kernel, stride, padding), kernel, stride,
                padding), activation);
    }

    private ConvTranspose2DLayer(String name, Shape inputShape, WindowGeometry g, Activation activation) {
        super(name, inputShape, new Shape(g.height(), g.width(), g.channels()), activation, g.patchSize(),
                inputShape.channels());
        this.g = g;
        this.inChannels = inputShape.channels();
    }

    /**
     * Floats the lowered matrix holds for a pass over {@code samples} samples at once, where
     * {@code g} is the geometry of the convolution this layer transposes (its output seen as input).
     */
    public static long loweredFloats(WindowGeometry g, int samples) {
        long perSample = (long) g.positions() * g.patchSize();
        return perSample * ConvLowering.chunkSamples(perSample, samples);
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
        initialize(random, fanIn, area * g.channels());
    }

    @Override
    public String kind() {
        return "ConvTranspose2D";
    }

    @Override
    public long multiplyAddsPerSample() {
        return (long) g.positions() * g.patchSize() * inChannels;
    }

    @Override
    void linear(float[] x, int batch, float[] z) {
        int p = g.positions();
        int k = g.patchSize();
        int chunk = ConvLowering.chunkSamples((long) p * k, batch);
        cols = Buffers.ensure(cols, chunk * p * k);
        for (int first = 0; first < batch; first += chunk) {
            int n = Math.min(chunk, batch - first);
            compute.gemm().sgemm(false, true, n * p, k, inChannels, 1f, x, first * p * inChannels, inChannels,
                    weight.value(), 0, inChannels, 0f, cols, 0, k);
            Im2col.raise(compute, g, cols, z, first, n);
        }
    }

    @Override
    void linearBackward(float[] dz, int batch, float[] gradIn) {
        int p = g.positions();
        int k = g.patchSize();
        int chunk = ConvLowering.chunkSamples((long) p * k, batch);
        for (int first = 0; first < batch; first += chunk) {
            int n = Math.min(chunk, batch - first);
            Im2col.lower(compute, g, dz, first, n, cols);
            compute.gemm().sgemm(true, false, k, inChannels, n * p, 1f, cols, 0, k, input, first * p * inChannels,
                    inChannels, 1f, weight.grad(), 0, inChannels);
            if (gradIn != null) {
                compute.gemm().sgemm(false, false, n * p, inChannels, k, 1f, cols, 0, k, weight.value(), 0, inChannels,
                        0f, gradIn, first * p * inChannels, inChannels);
            }
        }
    }
}
