package org.aeworkbench.engine.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.aeworkbench.engine.blas.Backend;
import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.layer.Activation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ReconstructionLossTest {

    private static final Compute COMPUTE = Compute.create(Backend.AUTO, 1);

    @AfterAll
    static void close() {
        COMPUTE.close();
    }

    @Test
    void valuesMatchHandComputedSums() {
        float[] a = {0.2f, 0.9f, 0.5f, 0.1f};
        float[] t = {0f, 1f, 1f, 0f};
        double[] rows = new double[2];
        // Two samples of two features. MSE: (0.04 + 0.01) + (0.25 + 0.01) = 0.31
        assertEquals(0.31, ReconstructionLoss.MSE.evaluate(COMPUTE, a, null, t, 2, 2, null, 1, rows), 1e-6);
        assertEquals(0.05, rows[0], 1e-6);
        // L1: 0.2 + 0.1 + 0.5 + 0.1
        assertEquals(0.9, ReconstructionLoss.L1.evaluate(COMPUTE, a, null, t, 2, 2, null, 1, rows), 1e-6);
        // BCE: -ln 0.8 - ln 0.9 - ln 0.5 - ln 0.9
        double bce = -Math.log(0.8) - Math.log(0.9) - Math.log(0.5) - Math.log(0.9);
        assertEquals(bce, ReconstructionLoss.BCE.evaluate(COMPUTE, a, null, t, 2, 2, null, 1, rows), 1e-5);
    }

    @Test
    void bceFromLogitsEqualsBceOnProbabilitiesAndStaysFiniteWhenSaturated() {
        float[] z = {-3f, 0.5f, 2f, 40f, -40f};
        float[] t = {0.2f, 1f, 0f, 1f, 0f};
        float[] a = new float[z.length];
        Activation.SIGMOID.apply(z, a, 0, z.length);
        double[] rows = new double[1];
        double fromLogits = ReconstructionLoss.BCE.evaluate(COMPUTE, a, z, t, 1, 5, null, 1, rows);
        double expected = 0;
        for (int i = 0; i < z.length; i++) {
            double p = 1 / (1 + Math.exp(-z[i]));
            // log(1 - p) computed as -z - log(1 + e^-z) to stay exact at z = 40
            double logP = -Math.log1p(Math.exp(-z[i]));
            double log1mP = -z[i] - Math.log1p(Math.exp(-z[i]));
            expected -= t[i] * logP + (1 - t[i]) * log1mP;
        }
        assertEquals(expected, fromLogits, 1e-5);
    }

    @ParameterizedTest
    @EnumSource(ReconstructionLoss.class)
    void gradientMatchesFiniteDifferences(ReconstructionLoss loss) {
        float[] a = {0.3f, 0.75f, 0.6f, 0.15f, 0.42f, 0.9f};
        float[] t = {0.1f, 1f, 0.4f, 0f, 0.8f, 0.5f};
        float[] g = new float[a.length];
        double[] rows = new double[2];
        loss.evaluate(COMPUTE, a, null, t, 2, 3, g, 0.5f, rows);
        for (int i = 0; i < a.length; i++) {
            float saved = a[i];
            double h = 1e-3;
            a[i] = (float) (saved + h);
            double plus = loss.evaluate(COMPUTE, a, null, t, 2, 3, null, 1, rows) * 0.5;
            a[i] = (float) (saved - h);
            double minus = loss.evaluate(COMPUTE, a, null, t, 2, 3, null, 1, rows) * 0.5;
            a[i] = saved;
            assertEquals((plus - minus) / (2 * h), g[i], 2e-3 * Math.max(1, Math.abs(g[i])), loss + " at " + i);
        }
    }
}
