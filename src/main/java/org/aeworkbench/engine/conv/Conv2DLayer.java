package org.aeworkbench.engine.conv;

import java.util.SplittableRandom;
import java.util.function.Function;
import org.aeworkbench.engine.layer.Activation;
import org.aeworkbench.engine.tensor.Shape;

/**
 * 2-D convolution (cross-correlation, as in every deep-learning library) {@code a = f(x * W + b)}
 * on channels-last images, lowered to one GEMM per chunk of samples: by im2col
 * ({@link PatchLowering}) or, when the output has fewer channels than the input, by kn2row
 * ({@link KernelLowering}), whichever moves less memory.
 *
 * <p>Weight layout: {@code weight[(ky * kernel + kx) * channels + c, f]}, i.e. kernel height,
 * kernel width, input channel, filter (TensorFlow's HWIO, so Keras kernels load unchanged).
 */
public final class Conv2DLayer extends AffineImageLayer {

    private final WindowGeometry g;
    private final int filters;
    private final ConvLowering lowering;

    public Conv2DLayer(String name, Shape inputShape, int filters, int kernel, int stride, Padding padding,
                       Activation activation) {
        this(name, inputShape, filters, kernel, stride, padding, activation, g -> ConvLowering.choose(g, filters));
    }

    /** With a given lowering, so tests can check both on every geometry. */
    Conv2DLayer(String name, Shape inputShape, int filters, int kernel, int stride, Padding padding,
                Activation activation, Function<WindowGeometry, ConvLowering> lowering) {
        this(name, inputShape, checked(name, filters), WindowGeometry.of("Conv2D", inputShape, kernel, stride, padding),
                activation, lowering);
    }

    private Conv2DLayer(String name, Shape inputShape, int filters, WindowGeometry g, Activation activation,
                        Function<WindowGeometry, ConvLowering> lowering) {
        super(name, inputShape, new Shape(g.outHeight(), g.outWidth(), filters), activation, g.patchSize(), filters);
        this.g = g;
        this.filters = filters;
        this.lowering = lowering.apply(g);
    }

    /**
     * Floats the lowering holds for a pass over {@code samples} samples at once: the smaller of
     * im2col's and kn2row's matrices for one sample (the one {@link ConvLowering#choose} picks),
     * times the samples lowered together.
     */
    public static long loweredFloats(WindowGeometry g, int filters, int samples) {
        long perSample = Math.min((long) g.positions() * g.patchSize(),
                (long) g.height() * g.width() * g.kernel() * g.kernel() * filters);
        return perSample * ConvLowering.chunkSamples(perSample, samples);
    }

    static int checked(String name, int filters) {
        if (filters < 1) {
            throw new IllegalArgumentException(name + ": filters must be at least 1, was " + filters);
        }
        return filters;
    }

    /** Fan-in k*k*C, fan-out k*k*filters, as Keras counts them for convolutions. */
    @Override
    public void initialize(SplittableRandom random) {
        int area = g.kernel() * g.kernel();
        initialize(random, area * g.channels(), area * filters);
    }

    @Override
    public String kind() {
        return "Conv2D";
    }

    public WindowGeometry geometry() {
        return g;
    }

    @Override
    public long multiplyAddsPerSample() {
        return (long) g.positions() * g.patchSize() * filters;
    }

    @Override
    void linear(float[] x, int batch, float[] z) {
        lowering.forward(compute, x, batch, weight.value(), z);
    }

    @Override
    void linearBackward(float[] dz, int batch, float[] gradIn) {
        lowering.backward(compute, input, dz, batch, weight.value(), weight.grad(), gradIn);
    }
}
