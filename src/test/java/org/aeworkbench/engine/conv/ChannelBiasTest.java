package org.aeworkbench.engine.conv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.aeworkbench.engine.blas.Backend;
import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.layer.Activation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The blocked bias kernels against sums and activations computed value by value in double. */
class ChannelBiasTest {

    private static final Compute COMPUTE = Compute.create(Backend.AUTO, 2);

    @AfterAll
    static void close() {
        COMPUTE.close();
    }

    private static float[] random(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] v = new float[n];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (r.nextDouble() * 2 - 1);
        }
        return v;
    }

    /** Channel counts below, at and above the partial-sum width; pixel counts that leave a tail of rows. */
    @ParameterizedTest
    @ValueSource(ints = {1, 3, 8, 16, 70})
    void columnSumsEqualSumsPerChannel(int channels) {
        int pixels = 9_001;
        float[] g = random(pixels * channels, channels);
        float[] grad = random(channels, 99);
        double[] expected = new double[channels];
        for (int j = 0; j < channels; j++) {
            expected[j] = grad[j];
            for (int p = 0; p < pixels; p++) {
                expected[j] += g[p * channels + j];
            }
        }
        ChannelBias.accumulateColumnSums(g, grad, pixels, channels);
        for (int j = 0; j < channels; j++) {
            assertEquals(expected[j], grad[j], 1e-3, "channel " + j);
        }
    }

    /**
     * Enough pixels to span several blocks and both threads. Channel counts that divide the
     * vector lanes (1, 2, 8, 16), that the lanes divide (16, 32 on 8 or 16 lanes) and neither (3,
     * 70); the sums must equal the plain float additions bit for bit.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 8, 16, 32, 70})
    void biasAndActivationMatchEachValue(int channels) {
        int pixels = 40_000 / channels + 7;
        for (Activation f : new Activation[] {Activation.SIGMOID, Activation.RELU, Activation.IDENTITY}) {
            float[] z = random(pixels * channels, channels);
            float[] bias = random(channels, 5);
            float[] expectedZ = new float[z.length];
            float[] expectedA = new float[z.length];
            for (int i = 0; i < z.length; i++) {
                expectedZ[i] = z[i] + bias[i % channels];
                expectedA[i] = f.apply(expectedZ[i]);
            }
            float[] a = f == Activation.IDENTITY ? z : new float[z.length];
            ChannelBias.addAndActivate(COMPUTE, z, bias, a, pixels, channels, f);
            assertArrayEquals(expectedZ, z, f.name());
            assertArrayEquals(expectedA, a, 1e-6f, f.name());
        }
    }
}
