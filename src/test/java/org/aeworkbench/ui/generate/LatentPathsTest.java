package org.aeworkbench.ui.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LatentPathsTest {

    @Test
    void normalQuantileMatchesTabulatedValues() {
        // Values from the standard normal table (e.g. scipy.stats.norm.ppf).
        assertEquals(0.0, LatentPaths.normalQuantile(0.5), 1e-9);
        assertEquals(1.959963984540054, LatentPaths.normalQuantile(0.975), 1e-8);
        assertEquals(-1.2815515655446004, LatentPaths.normalQuantile(0.1), 1e-8);
        assertEquals(-3.090232306167813, LatentPaths.normalQuantile(0.001), 1e-8);
        assertEquals(3.7190164854556804, LatentPaths.normalQuantile(0.9999), 1e-7);
    }

    @Test
    void linearPathRunsFromAToBThroughTheMidpoint() {
        float[] p = LatentPaths.linear(new float[] {0, 2}, new float[] {4, -2}, 3);
        assertArrayEquals(new float[] {0, 2, 2, 0, 4, -2}, p, 1e-6f);
    }

    @Test
    void sphericalPathKeepsTheNormBetweenCodesOfEqualLength() {
        float[] a = {3, 0};
        float[] b = {0, 3};
        float[] p = LatentPaths.spherical(a, b, 5);
        for (int i = 0; i < 5; i++) {
            assertEquals(3.0, Math.hypot(p[2 * i], p[2 * i + 1]), 1e-5);
        }
        assertArrayEquals(a, new float[] {p[0], p[1]}, 1e-6f);
        assertArrayEquals(b, new float[] {p[8], p[9]}, 1e-6f);
        // The midpoint of a quarter turn lies at 45 degrees.
        assertEquals(p[4], p[5], 1e-6);
    }

    @Test
    void manifoldGridUsesCentredProbabilitiesTopRowHighestZ2() {
        float[] g = LatentPaths.manifold(2, p -> p, p -> p);
        // Row 0 (top): p2 = 0.75; row 1: 0.25. Columns p1 = 0.25, 0.75.
        assertArrayEquals(new float[] {0.25f, 0.75f, 0.75f, 0.75f, 0.25f, 0.25f, 0.75f, 0.25f}, g, 1e-6f);
    }

    @Test
    void empiricalQuantileInterpolatesBetweenOrderStatistics() {
        float[] codes = {5, 0, 1, 0, 3, 0, 2, 0, 4, 0}; // column 0 holds 5, 1, 3, 2, 4
        assertEquals(1.0, LatentPaths.empiricalQuantile(codes, 5, 2, 0, 0.0), 1e-12);
        assertEquals(3.0, LatentPaths.empiricalQuantile(codes, 5, 2, 0, 0.5), 1e-12);
        assertEquals(4.5, LatentPaths.empiricalQuantile(codes, 5, 2, 0, 0.875), 1e-12);
    }
}
