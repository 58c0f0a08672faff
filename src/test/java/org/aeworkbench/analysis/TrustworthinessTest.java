package org.aeworkbench.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class TrustworthinessTest {

    /**
     * 14 points in 4-D and a noisy 2-D embedding of them, with the expected values, from
     * src/test/resources/org/aeworkbench/analysis/metrics_reference.py: Debian's scikit-learn 1.2.1
     * {@code sklearn.manifold.trustworthiness(X, E, n_neighbors=k)}. No distance ties in either space.
     */
    private static final float[] X = {
        0.206f, -1.225f, 1.753f, -1.187f, 0.712f, -1.269f, -1.584f, -0.632f, -0.889f, -0.931f, 2.214f, 0.724f,
        1.504f, 0.058f, 0.306f, 1.156f, -0.9f, -1.551f, 0.938f, -0.806f, -0.361f, -1.479f, 1.775f, 0.03f,
        -1.121f, 1.92f, 0.562f, -0.737f, -0.323f, -0.653f, 0.932f, -0.07f, -1.758f, 1.136f, -1.753f, -0.754f,
        -0.877f, -0.389f, 0.173f, 1.508f, 0.395f, -0.505f, -1.401f, -0.559f, -0.658f, -1.851f, 0.578f, -0.609f,
        2.327f, 0.692f, 0.068f, -0.148f, -0.708f, -0.783f, -1.464f, -1.932f,
    };
    private static final float[] E = {
        1.079f, 2.153f, -1.277f, 2.05f, -0.277f, 1.993f, 2.446f, 0.87f, -0.653f, 1.741f, -0.16f, 2.933f,
        -0.385f, -2.927f, 0.322f, 0.396f, -2.446f, -2.335f, -1.635f, 0.088f, -0.944f, 0.279f, -0.313f, 1.135f,
        2.948f, 0.496f, -1.492f, -0.21f,
    };

    @Test
    void matchesScikitLearn() {
        // Each value is 1 - (integer penalty) * 2 / (n k (2n - 3k - 1)): exact up to rounding of one division.
        assertEquals(0.7321428571428572, Trustworthiness.of(X, 4, E, 2, 14, 1, 1), 1e-12);
        assertEquals(0.783068783068783, Trustworthiness.of(X, 4, E, 2, 14, 3, 2), 1e-12);
        assertEquals(0.7785714285714286, Trustworthiness.of(X, 4, E, 2, 14, 5, 2), 1e-12);
    }

    @Test
    void anEmbeddingThatKeepsEveryDistanceIsFullyTrustworthy() {
        int n = 300;
        float[] x = PcaTest.correlatedData(n, 6, 3);
        assertEquals(1.0, Trustworthiness.of(x, 6, x, 6, n, 7, 2), 0.0);
        // A rotation and shift keeps all distances too.
        float[] moved = new float[n * 6];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 6; j++) {
                moved[i * 6 + j] = x[i * 6 + (j + 2) % 6] * ((j & 1) == 0 ? 1 : -1) + 5;
            }
        }
        assertEquals(1.0, Trustworthiness.of(x, 6, moved, 6, n, 7, 2), 0.0);
    }

    @Test
    void aRandomEmbeddingIsNearOneHalfAndWorseThanPca() {
        // With neighbours chosen at random the expected rank is about n / 2, which the
        // normalisation maps to roughly 0.5; the PCA plane keeps far more of the neighbourhoods.
        int n = 400, d = 10;
        float[] x = PcaTest.correlatedData(n, d, 9);
        Random random = new Random(1);
        float[] noise = new float[2 * n];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (float) random.nextGaussian();
        }
        double randomT = Trustworthiness.of(x, d, noise, 2, n, 5, 2);
        double pcaT = Trustworthiness.of(x, d, Pca.fit(x, n, d, 2).transform(x, n), 2, n, 5, 2);
        assertEquals(0.5, randomT, 0.05);
        assertTrue(pcaT > randomT + 0.2, "PCA " + pcaT + " vs random " + randomT);
    }

    @Test
    void resultDoesNotDependOnTheThreadCount() {
        int n = 333, d = 8;
        float[] x = PcaTest.correlatedData(n, d, 21);
        float[] z = Pca.fit(x, n, d, 2).transform(x, n);
        double one = Trustworthiness.of(x, d, z, 2, n, 5, 1);
        assertEquals(one, Trustworthiness.of(x, d, z, 2, n, 5, 2), 0.0);
        assertEquals(one, Trustworthiness.of(x, d, z, 2, n, 5, 5), 0.0);
    }

    @Test
    void neighbourhoodMustBeBelowHalfTheSet() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Trustworthiness.of(X, 4, E, 2, 14, 7, 1));
        assertTrue(e.getMessage().contains("k < n / 2"), e.getMessage());
    }
}
