package org.aeworkbench.engine.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.aeworkbench.engine.blas.Backend;
import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.blas.LanesFixture;
import org.aeworkbench.engine.blas.Simd;
import org.aeworkbench.engine.layer.Activation;
import org.junit.jupiter.api.Test;

/**
 * BCE from logits and squared error on SIMD lanes give the loss and gradient bits of their plain
 * loops, which interleave their sums the way the lanes do; gradients are never subnormal.
 */
class ReconstructionLossLanesTest {

    @Test
    void bceFromLogitsLanesEqualThePlainLoopBitForBit() {
        assumeTrue(Simd.available(), "the JVM was started without jdk.incubator.vector");
        for (int n : LanesFixture.LENGTHS) {
            float[] z = LanesFixture.values(n, 120f, n);
            float[] t = LanesFixture.values(n, 1f, 3 + n);
            float[] a = new float[n];
            Activation.SIGMOID.apply(z, a, 0, n);
            float[] lanes = new float[n];
            float[] plain = new float[n];
            float s = 1f / 128;
            double lanesLoss = ReconstructionLoss.Lanes.bceFromLogits(a, z, t, 0, n, lanes, s);
            double plainLoss = ReconstructionLoss.bceFromLogitsPlain(a, z, t, 0, n, plain, s);
            assertEquals(Double.doubleToRawLongBits(plainLoss), Double.doubleToRawLongBits(lanesLoss), "loss, n = " + n);
            LanesFixture.assertSameBits(plain, lanes, "BCE gradient, n = " + n);
        }
    }

    @Test
    void squaredErrorLanesEqualThePlainLoopBitForBit() {
        assumeTrue(Simd.available(), "the JVM was started without jdk.incubator.vector");
        for (int n : LanesFixture.LENGTHS) {
            float[] a = LanesFixture.values(n, 2f, n);
            float[] t = LanesFixture.values(n, 2f, 5 + n);
            float[] lanes = new float[n];
            float[] plain = new float[n];
            double lanesLoss = ReconstructionLoss.Lanes.squaredError(a, t, 0, n, lanes, 1f / 256);
            double plainLoss = ReconstructionLoss.squaredErrorPlain(a, t, 0, n, plain, 1f / 256);
            assertEquals(Double.doubleToRawLongBits(plainLoss), Double.doubleToRawLongBits(lanesLoss), "loss, n = " + n);
            LanesFixture.assertSameBits(plain, lanes, "squared-error gradient, n = " + n);
        }
    }

    /** Loss gradients scaled by 1 / batch are written as zero where they would be subnormal. */
    @Test
    void lossGradientsScaledByTheBatchNeverBecomeSubnormal() {
        int n = 67;
        float[] a = new float[n];
        float[] t = new float[n];
        float[] z = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = i % 2 == 0 ? 1e-37f : 1e-30f; // times 1/128: 7.8e-40 (subnormal) and 7.8e-33
            z[i] = (float) Math.log(a[i]);
        }
        float[] g = new float[n];
        try (Compute compute = Compute.create(Backend.AUTO, 1)) {
            ReconstructionLoss.BCE.evaluate(compute, a, z, t, 1, n, g, 1f / 128, new double[1]);
            assertFlushed(g, 1e-30f / 128);
            ReconstructionLoss.MSE.evaluate(compute, a, null, t, 1, n, g, 1f / 256, new double[1]);
            assertFlushed(g, 2 * 1e-30f / 256);
        }
        ReconstructionLoss.bceFromLogitsPlain(a, z, t, 0, n, g, 1f / 128);
        assertFlushed(g, 1e-30f / 128);
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
