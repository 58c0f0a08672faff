package org.aeworkbench.engine.conv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.aeworkbench.engine.blas.Backend;
import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.layer.GradientCheck;
import org.aeworkbench.engine.layer.Layer;
import org.aeworkbench.engine.layer.Pass;
import org.aeworkbench.engine.tensor.Shape;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Max and average pooling, nearest upsampling, flatten and reshape. */
class PoolingAndResamplingTest {

    private static final Compute COMPUTE = Compute.create(Backend.AUTO, 2);

    @AfterAll
    static void close() {
        COMPUTE.close();
    }

    private static float[] forward(Layer layer, float... x) {
        float[] y = layer.forward(x, 1, Pass.inference(COMPUTE));
        return Arrays.copyOf(y, layer.outputShape().size());
    }

    @Test
    void maxPoolingTakesTheLargestValuePerChannel() {
        // 4x4x2: channel 0 holds 1..16 row by row, channel 1 holds -1..-16.
        float[] x = new float[32];
        for (int i = 0; i < 16; i++) {
            x[2 * i] = i + 1;
            x[2 * i + 1] = -(i + 1);
        }
        MaxPool2DLayer pool = new MaxPool2DLayer(new Shape(4, 4, 2), 2, 2, Padding.VALID);
        assertEquals(new Shape(2, 2, 2), pool.outputShape());
        assertArrayEquals(new float[] {6, -1, 8, -3, 14, -9, 16, -11}, forward(pool, x));
        // The gradient goes to the maximum of each window only.
        float[] g = pool.backward(new float[] {1, 2, 3, 4, 5, 6, 7, 8}, 1, true);
        float[] expected = new float[32];
        expected[2 * 5] = 1;
        expected[2 * 0 + 1] = 2;
        expected[2 * 7] = 3;
        expected[2 * 2 + 1] = 4;
        expected[2 * 13] = 5;
        expected[2 * 8 + 1] = 6;
        expected[2 * 15] = 7;
        expected[2 * 10 + 1] = 8;
        assertArrayEquals(expected, Arrays.copyOf(g, 32));
    }

    /**
     * Enough channels for the vector kernel (8 lanes, then a scalar tail), overlapping windows at a
     * border, and values drawn from a few levels so windows hold ties: outputs and argmax equal a
     * channel-by-channel scan that keeps the first maximum.
     */
    @Test
    void maxPoolingOverManyChannelsKeepsTheFirstMaximum() {
        int h = 7;
        int w = 6;
        int c = 19;
        int batch = 3;
        SplittableRandom r = new SplittableRandom(11);
        float[] x = new float[batch * h * w * c];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextInt(4) - 2;
        }
        MaxPool2DLayer pool = new MaxPool2DLayer(new Shape(h, w, c), 3, 2, Padding.SAME);
        WindowGeometry g = WindowGeometry.of("MaxPool2D", new Shape(h, w, c), 3, 2, Padding.SAME);
        float[] y = pool.forward(x, batch, Pass.inference(COMPUTE));
        int size = pool.outputShape().size();
        for (int b = 0; b < batch; b++) {
            for (int oy = 0; oy < g.outHeight(); oy++) {
                for (int ox = 0; ox < g.outWidth(); ox++) {
                    for (int j = 0; j < c; j++) {
                        int best = -1;
                        for (int ky = 0; ky < 3; ky++) {
                            for (int kx = 0; kx < 3; kx++) {
                                int iy = oy * 2 - g.padTop() + ky;
                                int ix = ox * 2 - g.padLeft() + kx;
                                if (iy < 0 || iy >= h || ix < 0 || ix >= w) {
                                    continue;
                                }
                                int i = (iy * w + ix) * c + j;
                                if (best < 0 || x[b * h * w * c + i] > x[b * h * w * c + best]) {
                                    best = i;
                                }
                            }
                        }
                        int o = b * size + (oy * g.outWidth() + ox) * c + j;
                        assertEquals(x[b * h * w * c + best], y[o], "output " + o);
                        assertEquals(best, pool.argmax()[o], "argmax of output " + o);
                    }
                }
            }
        }
    }

    @Test
    void samePaddingPoolsOnlyThePixelsInsideTheImage() {
        // 3x3 -> 2x2 with one padded row and column after the image (TensorFlow's rule).
        float[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9};
        Shape in = new Shape(3, 3, 1);
        assertArrayEquals(new float[] {5, 6, 8, 9}, forward(new MaxPool2DLayer(in, 2, 2, Padding.SAME), x));
        assertArrayEquals(new float[] {-1, -3, -7, -9},
                forward(new MaxPool2DLayer(in, 2, 2, Padding.SAME), -1, -2, -3, -4, -5, -6, -7, -8, -9));
        assertArrayEquals(new float[] {3, 4.5f, 7.5f, 9}, forward(new AvgPool2DLayer(in, 2, 2, Padding.SAME), x));
    }

    @Test
    void averagePoolingGradientIsSpreadOverTheWindow() {
        AvgPool2DLayer pool = new AvgPool2DLayer(new Shape(3, 3, 1), 2, 2, Padding.SAME);
        forward(pool, new float[9]);
        float[] g = pool.backward(new float[] {4, 2, 2, 1}, 1, true);
        assertArrayEquals(new float[] {1, 1, 1, 1, 1, 1, 1, 1, 1}, Arrays.copyOf(g, 9));
    }

    @Test
    void upsamplingRepeatsEachPixelInABlock() {
        Upsample2DLayer up = new Upsample2DLayer(new Shape(2, 2, 2), 2);
        assertEquals(new Shape(4, 4, 2), up.outputShape());
        float[] y = forward(up, 1, -1, 2, -2, 3, -3, 4, -4);
        assertArrayEquals(new float[] {
            1, -1, 1, -1, 2, -2, 2, -2,
            1, -1, 1, -1, 2, -2, 2, -2,
            3, -3, 3, -3, 4, -4, 4, -4,
            3, -3, 3, -3, 4, -4, 4, -4}, y);
        float[] g = new float[32];
        for (int i = 0; i < 32; i++) {
            g[i] = i;
        }
        // Pixel (0, 0), channel 0 collects output values at (0,0), (0,1), (1,0), (1,1): 0 + 2 + 8 + 10.
        float[] gi = up.backward(g, 1, true);
        assertArrayEquals(new float[] {20, 24, 36, 40, 84, 88, 100, 104}, Arrays.copyOf(gi, 8));
    }

    @Test
    void flattenAndReshapeMoveNoData() {
        float[] x = {1, 2, 3, 4, 5, 6};
        ReshapeLayer flatten = new ReshapeLayer("Flatten", new Shape(1, 2, 3), Shape.vector(6));
        assertSame(x, flatten.forward(x, 1, Pass.inference(COMPUTE)));
        assertSame(x, flatten.backward(x, 1, true));
        ReshapeLayer reshape = new ReshapeLayer("Reshape", Shape.vector(6), new Shape(3, 2, 1));
        assertEquals(new Shape(3, 2, 1), reshape.outputShape());
    }

    /** Layers with the input shape they are checked on. */
    static Stream<Arguments> layers() {
        return Stream.of(
                Arguments.of(new MaxPool2DLayer(new Shape(4, 4, 2), 2, 2, Padding.VALID)),
                Arguments.of(new MaxPool2DLayer(new Shape(5, 5, 3), 2, 2, Padding.SAME)),
                Arguments.of(new MaxPool2DLayer(new Shape(5, 6, 2), 3, 2, Padding.SAME)),
                Arguments.of(new MaxPool2DLayer(new Shape(5, 4, 2), 3, 1, Padding.of(1))),
                Arguments.of(new MaxPool2DLayer(new Shape(7, 7, 1), 3, 2, Padding.VALID)),
                Arguments.of(new AvgPool2DLayer(new Shape(4, 4, 2), 2, 2, Padding.VALID)),
                Arguments.of(new AvgPool2DLayer(new Shape(5, 5, 3), 2, 2, Padding.SAME)),
                Arguments.of(new AvgPool2DLayer(new Shape(5, 6, 2), 3, 2, Padding.SAME)),
                Arguments.of(new AvgPool2DLayer(new Shape(5, 4, 2), 3, 1, Padding.of(1))),
                Arguments.of(new Upsample2DLayer(new Shape(3, 2, 2), 2)),
                Arguments.of(new Upsample2DLayer(new Shape(2, 3, 3), 3)),
                Arguments.of(new ReshapeLayer("Flatten", new Shape(3, 2, 2), Shape.vector(12))));
    }

    /**
     * Pooling and upsampling are piecewise linear. Inputs are distinct multiples of 0.05 in random
     * order, so no step of 0.01 changes which value is a window's maximum, and the central
     * difference is exact up to rounding.
     */
    @ParameterizedTest
    @MethodSource("layers")
    void backwardMatchesFiniteDifferences(Layer layer) {
        int batch = 3;
        int n = batch * layer.inputShape().size();
        SplittableRandom random = new SplittableRandom(23);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (i - n / 2) * 0.05f;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            float t = x[i];
            x[i] = x[j];
            x[j] = t;
        }
        GradientCheck.Result r = new GradientCheck(COMPUTE, 1e-2, true, 1).check(layer, x, batch, random, 1000);
        System.out.println(layer.kind() + " " + layer.inputShape() + " -> " + layer.outputShape() + ": " + r);
        assertTrue(r.worst() < 1e-3, layer.kind() + ": " + r);
    }

    /** Max pooling's running maximum on SIMD lanes equals the plain loop, ties, signed zeros, NaN and a tail included. */
    @Test
    void maxPoolingLanesEqualThePlainLoopBitForBit() {
        org.junit.jupiter.api.Assumptions.assumeTrue(org.aeworkbench.engine.blas.Simd.available());
        int c = 2 * org.aeworkbench.engine.blas.Simd.floatLanes() + 3; // two whole vectors and a tail
        float[] x = org.aeworkbench.engine.blas.LanesFixture.values(4 * c, 3f, 2);
        x[5] = Float.NaN;
        x[c + 6] = x[6]; // a tie keeps the earlier position
        float[] maxLanes = org.aeworkbench.engine.blas.LanesFixture.values(c, 3f, 9);
        float[] maxPlain = maxLanes.clone();
        int[] argLanes = new int[c];
        int[] argPlain = new int[c];
        for (int p = 0; p < 4; p++) {
            MaxPool2DLayer.Lanes.maxWithIndex(x, p * c, maxLanes, argLanes, 0, p * c, c);
            MaxPool2DLayer.maxWithIndex(x, p * c, maxPlain, argPlain, 0, p * c, 0, c);
        }
        org.aeworkbench.engine.blas.LanesFixture.assertSameBits(maxPlain, maxLanes, "maxima");
        assertArrayEquals(argPlain, argLanes, "positions");
    }
}
