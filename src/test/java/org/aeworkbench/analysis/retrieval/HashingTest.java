package org.aeworkbench.analysis.retrieval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.aeworkbench.analysis.Pca;
import org.aeworkbench.data.RandomDraws;
import org.aeworkbench.engine.blas.Backend;
import org.aeworkbench.engine.blas.Compute;
import org.junit.jupiter.api.Test;

class HashingTest {

    private static final int N = 400;
    private static final int D = 12;

    /** Anisotropic Gaussian data around a mean far from the origin: centring matters. */
    private static float[] data(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[N * D];
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < D; j++) {
                x[i * D + j] = (float) (5 + (D - j) * 0.3 * RandomDraws.gaussian(r));
            }
        }
        return x;
    }

    @Test
    void thresholdingPacksBitJOfItemIIntoWordI() {
        BinaryCodes c = BinaryCodes.above(new float[] {0.9f, 0.1f, 0.6f, 0.5f, 0.51f, 0f}, 2, 3, 0.5f);
        assertEquals(0b101L, c.words()[0]);
        assertEquals(0b010L, c.words()[1]);
        assertTrue(c.bit(1, 1));
        assertEquals(3, BinaryCodes.hamming(c.words()[0], c.words()[1]));
    }

    @Test
    void pcaHashingIsTheSignOfThePrincipalProjections() {
        float[] x = data(1);
        Pca pca = Pca.fit(x, N, D, 8);
        BinaryCodes codes = PcaHashing.of(pca).hash(x, N);
        float[] z = pca.transform(x, N);
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < 8; j++) {
                assertEquals(z[i * 8 + j] > 0, codes.bit(i, j));
            }
        }
        // Projections of centred data split it near the middle.
        for (double on : codes.bitBalance()) {
            assertTrue(on > 0.35 && on < 0.65, "bit balance " + on);
        }
    }

    @Test
    void randomProjectionsAreSeededAndCentred() {
        float[] x = data(2);
        try (Compute compute = Compute.create(Backend.JAVA, 1)) {
            BinaryCodes a = RandomProjectionHashing.fit(compute.gemm(), x, N, D, 16, 7).hash(x, N);
            BinaryCodes b = RandomProjectionHashing.fit(compute.gemm(), x, N, D, 16, 7).hash(x, N);
            BinaryCodes c = RandomProjectionHashing.fit(compute.gemm(), x, N, D, 16, 8).hash(x, N);
            assertEquals(a, b);
            assertNotEquals(a, c);
            // Without centring every hyperplane through the origin would leave the data (mean 5) on one side.
            for (double on : a.bitBalance()) {
                assertTrue(on > 0.2 && on < 0.8, "bit balance " + on);
            }
        }
    }

    @Test
    void itqLowersItsQuantisationLossWithAnOrthogonalRotation() {
        float[] x = data(3);
        int b = 6;
        IterativeQuantization itq = IterativeQuantization.fit(x, N, D, b, 50, 11, 1);
        double[] loss = itq.quantisationLoss();
        for (int i = 1; i < loss.length; i++) {
            assertTrue(loss[i] <= loss[i - 1] * (1 + 1e-12), "loss rose at iteration " + i);
        }
        assertTrue(loss[loss.length - 1] < loss[0], "ITQ did not improve on its random start");
        double[] r = itq.rotation();
        for (int i = 0; i < b; i++) {
            for (int j = 0; j < b; j++) {
                double dot = 0;
                for (int k = 0; k < b; k++) {
                    dot += r[i * b + k] * r[j * b + k];
                }
                assertEquals(i == j ? 1 : 0, dot, 1e-10);
            }
        }
        // Its codes are the signs of the rotated principal projections.
        Pca pca = Pca.fit(x, N, D, b);
        float[] v = pca.transform(x, N);
        BinaryCodes codes = itq.hash(x, N);
        for (int i = 0; i < N; i++) {
            for (int c = 0; c < b; c++) {
                double z = 0;
                for (int j = 0; j < b; j++) {
                    z += v[i * b + j] * r[j * b + c];
                }
                assertEquals(z > 0, codes.bit(i, c));
            }
        }
    }
}
