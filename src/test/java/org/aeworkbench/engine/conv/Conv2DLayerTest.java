package org.aeworkbench.engine.conv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.Function;
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
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class Conv2DLayerTest {

    private static final Compute COMPUTE = Compute.create(Backend.AUTO, 2);

    @AfterAll
    static void close() {
        COMPUTE.close();
    }

    static Stream<ConvCase> cases() {
        return Stream.of(
                new ConvCase(5, 5, 1, 2, 3, 1, Padding.SAME, 5, 5, 1, 1),
                new ConvCase(6, 6, 2, 3, 3, 2, Padding.SAME, 3, 3, 0, 0),
                new ConvCase(5, 7, 3, 2, 3, 2, Padding.SAME, 3, 4, 1, 1),
                new ConvCase(6, 5, 2, 2, 3, 1, Padding.VALID, 4, 3, 0, 0),
                new ConvCase(7, 6, 2, 3, 3, 2, Padding.VALID, 3, 2, 0, 0),
                new ConvCase(6, 6, 2, 2, 2, 1, Padding.VALID, 5, 5, 0, 0),
                new ConvCase(5, 6, 3, 2, 4, 1, Padding.SAME, 5, 6, 1, 1),
                new ConvCase(5, 5, 2, 2, 3, 2, Padding.of(1), 3, 3, 1, 1),
                new ConvCase(4, 6, 1, 3, 3, 1, Padding.of(2), 6, 8, 2, 2),
                new ConvCase(3, 4, 3, 2, 1, 1, Padding.VALID, 3, 4, 0, 0),
                // One filter, as in a decoder's last layer: kn2row's one-filter shift-add and spread.
                new ConvCase(6, 5, 3, 1, 3, 1, Padding.SAME, 6, 5, 1, 1),
                new ConvCase(7, 6, 2, 1, 3, 2, Padding.VALID, 3, 2, 0, 0));
    }

    /** Every case with each lowering: im2col ("patches") and kn2row ("kernels"). */
    static Stream<Arguments> casesAndLowerings() {
        return cases().flatMap(t -> Stream.of(Arguments.of(t, "patches"), Arguments.of(t, "kernels")));
    }

    static Function<WindowGeometry, ConvLowering> lowering(String name, int filters) {
        return name.equals("patches") ? g -> new PatchLowering(g, filters) : g -> new KernelLowering(g, filters);
    }

    private static Conv2DLayer layer(ConvCase t, Activation f, SplittableRandom random, String lowering) {
        Conv2DLayer layer = new Conv2DLayer("conv", t.input(), t.f(), t.k(), t.s(), t.padding(), f,
                lowering(lowering, t.f()));
        ConvCase.randomize(layer.weight(), random, 0.5);
        ConvCase.randomize(layer.bias(), random, 0.5);
        return layer;
    }

    @ParameterizedTest
    @MethodSource("casesAndLowerings")
    void forwardEqualsTheDirectConvolution(ConvCase t, String lowering) {
        SplittableRandom random = new SplittableRandom(3);
        Conv2DLayer layer = layer(t, Activation.IDENTITY, random, lowering);
        assertEquals(new Shape(t.outH(), t.outW(), t.f()), layer.outputShape(), t.toString());
        int batch = 3;
        int in = t.h() * t.w() * t.c();
        float[] x = ConvCase.uniform(batch * in, random, -1, 1);
        float[] y = layer.forward(x, batch, Pass.inference(COMPUTE));
        int out = layer.outputShape().size();
        for (int b = 0; b < batch; b++) {
            float[] expected = DirectConvolution.conv(Arrays.copyOfRange(x, b * in, (b + 1) * in), t.h(), t.w(), t.c(),
                    layer.weight().value(), layer.bias().value(), t.f(), t.k(), t.s(), t.padTop(), t.padLeft(),
                    t.outH(), t.outW());
            assertArrayEquals(expected, Arrays.copyOfRange(y, b * out, (b + 1) * out), 1e-5f, t + ", sample " + b);
        }
    }

    /**
     * With the identity activation the objective is linear in each weight and input taken alone, so
     * central differences are exact for any step; a large one (0.1) keeps float rounding small, and
     * any error left is the layer's.
     */
    @ParameterizedTest
    @MethodSource("casesAndLowerings")
    void backwardMatchesFiniteDifferences(ConvCase t, String lowering) {
        SplittableRandom random = new SplittableRandom(11);
        Conv2DLayer layer = layer(t, Activation.IDENTITY, random, lowering);
        int batch = 3;
        float[] x = ConvCase.uniform(batch * t.input().size(), random, -1, 1);
        GradientCheck.Result r = new GradientCheck(COMPUTE, 0.1, true, 1).check(layer, x, batch, random, 400);
        System.out.println("Conv2D (" + lowering + ") " + t + ": " + r);
        assertTrue(r.worst() < 1e-3, t + ", " + lowering + ": " + r);
    }

    /**
     * Through a curved activation the step's truncation error grows with the pre-activations, so
     * weights are kept small; this checks the fused bias-activation path of the convolution.
     */
    @ParameterizedTest
    @EnumSource(value = Activation.class, names = {"TANH", "SIGMOID", "SOFTPLUS"})
    void backwardThroughAnActivationMatchesFiniteDifferences(Activation f) {
        ConvCase t = new ConvCase(5, 5, 2, 2, 3, 2, Padding.SAME, 3, 3, 1, 1);
        SplittableRandom random = new SplittableRandom(13);
        Conv2DLayer layer = new Conv2DLayer("conv", t.input(), t.f(), t.k(), t.s(), t.padding(), f);
        ConvCase.randomize(layer.weight(), random, 0.2);
        ConvCase.randomize(layer.bias(), random, 0.2);
        float[] x = ConvCase.uniform(2 * t.input().size(), random, -1, 1);
        GradientCheck.Result r = new GradientCheck(COMPUTE, 1e-2, true, 1).check(layer, x, 2, random, 400);
        System.out.println("Conv2D " + f + " " + t + ": " + r);
        assertTrue(r.worst() < 1e-3, f + ": " + r);
    }

    /**
     * A batch large enough to be lowered in several chunks gives, per sample, what the sample gives
     * alone, and the weight gradient is the sum of the per-sample ones.
     */
    @ParameterizedTest
    @ValueSource(strings = {"patches", "kernels"})
    void chunkedBatchesAgreeWithSingleSamples(String lowering) {
        Shape in = new Shape(28, 28, 16);
        SplittableRandom random = new SplittableRandom(5);
        Conv2DLayer layer = new Conv2DLayer("conv", in, 16, 3, 1, Padding.SAME, Activation.TANH, lowering(lowering, 16));
        ConvCase.randomize(layer.weight(), random, 0.2);
        int perSample = 28 * 28 * 144;
        int batch = (int) (ConvLowering.MAX_LOWERED_FLOATS / perSample) * 2 + 3;
        assertTrue(ConvLowering.chunkSamples(perSample, batch) < batch);
        float[] x = ConvCase.uniform(batch * in.size(), random, -1, 1);
        int outSize = layer.outputShape().size();
        float[] g = ConvCase.uniform(batch * outSize, random, -1, 1);

        Pass pass = Pass.inference(COMPUTE);
        float[] y = layer.forward(x, batch, pass).clone();
        float[] gradIn = layer.backward(g.clone(), batch, true).clone();
        float[] gradW = layer.weight().grad().clone();

        float[] sumW = new float[gradW.length];
        for (int b = 0; b < batch; b++) {
            Arrays.fill(layer.weight().grad(), 0f);
            float[] yb = layer.forward(Arrays.copyOfRange(x, b * in.size(), (b + 1) * in.size()), 1, pass);
            float[] gb = layer.backward(Arrays.copyOfRange(g, b * outSize, (b + 1) * outSize), 1, true);
            if (b % 7 == 0) {
                assertArrayEquals(Arrays.copyOfRange(y, b * outSize, (b + 1) * outSize), Arrays.copyOf(yb, outSize), 1e-5f);
                assertArrayEquals(Arrays.copyOfRange(gradIn, b * in.size(), (b + 1) * in.size()),
                        Arrays.copyOf(gb, in.size()), 1e-5f);
            }
            for (int i = 0; i < sumW.length; i++) {
                sumW[i] += layer.weight().grad()[i];
            }
        }
        for (int i = 0; i < sumW.length; i++) {
            assertEquals(sumW[i], gradW[i], 1e-3 * Math.max(1, Math.abs(sumW[i])), "weight gradient " + i);
        }
    }

    @Test
    void choosesTheLoweringThatMovesLessMemory() {
        WindowGeometry wide = WindowGeometry.of("c", new Shape(28, 28, 16), 3, 1, Padding.SAME);
        assertTrue(ConvLowering.choose(wide, 1) instanceof KernelLowering);
        WindowGeometry narrow = WindowGeometry.of("c", new Shape(28, 28, 1), 3, 1, Padding.SAME);
        assertTrue(ConvLowering.choose(narrow, 16) instanceof PatchLowering);
        // Stride 2 makes im2col's matrix four times smaller; kn2row still multiplies every pixel.
        WindowGeometry strided = WindowGeometry.of("c", new Shape(28, 28, 16), 3, 2, Padding.SAME);
        assertTrue(ConvLowering.choose(strided, 8) instanceof PatchLowering);
    }

    @Test
    void countsItsMultiplyAddsAndParameters() {
        // Keras's first layer of the convolutional autoencoder: 28x28x1 -> 28x28x16, 3x3, 160 parameters.
        Conv2DLayer layer = new Conv2DLayer("c", new Shape(28, 28, 1), 16, 3, 1, Padding.SAME, Activation.RELU);
        assertEquals(160, layer.parameterCount());
        assertEquals(28L * 28 * 16 * 9, layer.multiplyAddsPerSample());
    }
}
