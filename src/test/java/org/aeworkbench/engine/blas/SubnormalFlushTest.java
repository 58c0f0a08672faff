package org.aeworkbench.engine.blas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Activations and loss gradients are written without subnormal floats (every multiply that reads
 * one takes a microcode assist; a long-trained sigmoid output layer made 8 continued runs of the
 * reference design twice as slow), while every normal value is kept exactly.
 */
class SubnormalFlushTest {

    /** More than a vector's width, so both the vector loop and the scalar tail are exercised. */
    private static final int N = 67;

    @Test
    void aSigmoidFarIntoItsTailGivesZeroAndNormalValuesAreUntouched() {
        float[] z = new float[N];
        for (int i = 0; i < N; i++) {
            z[i] = i % 2 == 0 ? -95f : -80f; // 1 / (1 + e^95) = 5.5e-42 is subnormal; e^-80 = 1.8e-35 is not
        }
        float[] a = new float[N];
        VectorKernels.sigmoid(z, a, 0, N);
        for (int i = 0; i < N; i++) {
            if (i % 2 == 0) {
                assertEquals(0f, a[i], "index " + i);
            } else {
                assertEquals(1.8e-35, a[i], 1e-36, "index " + i);
            }
        }
    }

    @Test
    void lossGradientsScaledByTheBatchNeverBecomeSubnormal() {
        float[] a = new float[N];
        float[] t = new float[N];
        float[] z = new float[N];
        for (int i = 0; i < N; i++) {
            a[i] = i % 2 == 0 ? 1e-37f : 1e-30f; // times 1/128: 7.8e-40 (subnormal) and 7.8e-33
            z[i] = (float) Math.log(a[i]);
        }
        float[] g = new float[N];
        VectorKernels.bceFromLogits(a, z, t, 0, N, g, 1f / 128);
        assertFlushed(g, 1e-30f / 128);
        VectorKernels.squaredError(a, t, 0, N, g, 1f / 256);
        assertFlushed(g, 2 * 1e-30f / 256);
        float[] back = new float[N];
        for (int i = 0; i < N; i++) {
            back[i] = i % 2 == 0 ? 1e-20f : 1e-10f;
            a[i] = 1e-20f; // a (1 - a) = 1e-20: 1e-40 for even entries, 1e-30 for odd
        }
        VectorKernels.sigmoidBackprop(a, back, 0, N);
        assertFlushed(back, 1e-30f);
    }

    private static void assertFlushed(float[] g, float odd) {
        for (int i = 0; i < g.length; i++) {
            if (i % 2 == 0) {
                assertEquals(0f, g[i], "index " + i);
            } else {
                assertTrue(Math.abs(g[i] - odd) <= 1e-6 * odd, "index " + i + ": " + g[i]);
            }
        }
    }
}
