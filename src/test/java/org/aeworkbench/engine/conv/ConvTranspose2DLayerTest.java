package org.aeworkbench.engine.conv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.aeworkbench.engine.blas.Backend;
import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.layer.Activation;
import org.aeworkbench.engine.layer.GradientCheck;
import org.aeworkbench.engine.layer.Pass;
import org.aeworkbench.engine.tensor.Shape;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ConvTranspose2DLayerTest {

    private static final Compute COMPUTE = Compute.create(Backend.AUTO, 2);

    @AfterAll
    static void close() {
        COMPUTE.close();
    }

    /**
     * Input h x w x c, f filters; outH x outW from Keras's deconv_output_length (same: n s;
     * valid: n s + max(k - s, 0); explicit p: (n - 1) s + k - 2p), and the leading padding of the
     * convolution that maps the output back (TensorFlow's same rule on the output's size).
     */
    static Stream<ConvCase> cases() {
        return Stream.of(
                new ConvCase(3, 3, 2, 2, 3, 2, Padding.SAME, 6, 6, 0, 0),
                new ConvCase(4, 3, 3, 2, 3, 1, Padding.SAME, 4, 3, 1, 1),
                new ConvCase(3, 4, 2, 3, 3, 2, Padding.VALID, 7, 9, 0, 0),
                new ConvCase(2, 3, 2, 2, 2, 2, Padding.VALID, 4, 6, 0, 0),
                new ConvCase(3, 3, 2, 2, 4, 2, Padding.of(1), 6, 6, 1, 1),
                new ConvCase(3, 2, 1, 2, 3, 2, Padding.SAME, 6, 4, 0, 0),
                new ConvCase(3, 3, 2, 3, 1, 1, Padding.VALID, 3, 3, 0, 0),
                new ConvCase(2, 2, 3, 2, 3, 3, Padding.VALID, 6, 6, 0, 0));
    }

    private static ConvTranspose2DLayer layer(ConvCase t, Activation f, SplittableRandom random) {
        ConvTranspose2DLayer layer = new ConvTranspose2DLayer("deconv", t.input(), t.f(), t.k(), t.s(), t.padding(), f);
        ConvCase.randomize(layer.weight(), random, 0.5);
        ConvCase.randomize(layer.bias(), random, 0.5);
        return layer;
    }

    @ParameterizedTest
    @MethodSource("cases")
    void forwardEqualsTheDirectScatter(ConvCase t) {
        SplittableRandom random = new SplittableRandom(3);
        ConvTranspose2DLayer layer = layer(t, Activation.IDENTITY, random);
        assertEquals(new Shape(t.outH(), t.outW(), t.f()), layer.outputShape(), t.toString());
        int batch = 3;
        int in = t.input().size();
        float[] x = ConvCase.uniform(batch * in, random, -1, 1);
        float[] y = layer.forward(x, batch, Pass.inference(COMPUTE));
        int out = layer.outputShape().size();
        for (int b = 0; b < batch; b++) {
            float[] expected = DirectConvolution.transposed(Arrays.copyOfRange(x, b * in, (b + 1) * in), t.h(), t.w(),
                    t.c(), layer.weight().value(), layer.bias().value(), t.f(), t.k(), t.s(), t.padTop(), t.padLeft(),
                    t.outH(), t.outW());
            assertArrayEquals(expected, Arrays.copyOfRange(y, b * out, (b + 1) * out), 1e-5f, t + ", sample " + b);
        }
    }

    /** <T x, y> = <x, C y> where C is the convolution with the same kernel from the output shape back. */
    @ParameterizedTest
    @MethodSource("cases")
    void isTheAdjointOfTheConvolutionWithTheSameKernel(ConvCase t) {
        SplittableRandom random = new SplittableRandom(17);
        ConvTranspose2DLayer transposed = layer(t, Activation.IDENTITY, random);
        Arrays.fill(transposed.bias().value(), 0f);
        Shape outShape = transposed.outputShape();
        Conv2DLayer conv = new Conv2DLayer("conv", outShape, t.c(), t.k(), t.s(), t.padding(), Activation.IDENTITY);
        assertEquals(t.input(), conv.outputShape());
        System.arraycopy(transposed.weight().value(), 0, conv.weight().value(), 0, conv.weight().size());
        float[] x = ConvCase.uniform(t.input().size(), random, -1, 1);
        float[] y = ConvCase.uniform(outShape.size(), random, -1, 1);
        float[] tx = transposed.forward(x, 1, Pass.inference(COMPUTE));
        float[] cy = conv.forward(y, 1, Pass.inference(COMPUTE));
        double left = 0;
        for (int i = 0; i < outShape.size(); i++) {
            left += (double) tx[i] * y[i];
        }
        double right = 0;
        for (int i = 0; i < x.length; i++) {
            right += (double) x[i] * cy[i];
        }
        assertEquals(left, right, 1e-5 * Math.max(1, Math.abs(left)), t.toString());
    }

    /**
     * Identity activation: the objective is linear in each weight and input taken alone, so central
     * differences are exact for any step, and a large one keeps float rounding small.
     */
    @ParameterizedTest
    @MethodSource("cases")
    void backwardMatchesFiniteDifferences(ConvCase t) {
        SplittableRandom random = new SplittableRandom(11);
        ConvTranspose2DLayer layer = layer(t, Activation.IDENTITY, random);
        int batch = 3;
        float[] x = ConvCase.uniform(batch * t.input().size(), random, -1, 1);
        GradientCheck.Result r = new GradientCheck(COMPUTE, 0.1, true, 1).check(layer, x, batch, random, 400);
        System.out.println("ConvTranspose2D " + t + ": " + r);
        assertTrue(r.worst() < 1e-3, t + ": " + r);
    }

    @Test
    void backwardThroughASigmoidMatchesFiniteDifferences() {
        ConvCase t = new ConvCase(3, 3, 2, 2, 3, 2, Padding.SAME, 6, 6, 0, 0);
        SplittableRandom random = new SplittableRandom(19);
        ConvTranspose2DLayer layer = new ConvTranspose2DLayer("deconv", t.input(), 2, 3, 2, Padding.SAME, Activation.SIGMOID);
        ConvCase.randomize(layer.weight(), random, 0.3);
        ConvCase.randomize(layer.bias(), random, 0.3);
        float[] x = ConvCase.uniform(2 * t.input().size(), random, -1, 1);
        GradientCheck.Result r = new GradientCheck(COMPUTE, 1e-2, true, 1).check(layer, x, 2, random, 400);
        System.out.println("ConvTranspose2D SIGMOID " + t + ": " + r);
        assertTrue(r.worst() < 1e-3, r.toString());
    }

    @Test
    void countsItsParametersAsKeras() {
        // The Keras VAE decoder: 7x7x64 -> 14x14x64 with a 3x3 kernel has 36,928 parameters.
        ConvTranspose2DLayer layer = new ConvTranspose2DLayer("d", new Shape(7, 7, 64), 64, 3, 2, Padding.SAME,
                Activation.RELU);
        assertEquals(new Shape(14, 14, 64), layer.outputShape());
        assertEquals(36_928, layer.parameterCount());
        assertEquals(7L * 7 * 9 * 64 * 64, layer.multiplyAddsPerSample());
    }
}
