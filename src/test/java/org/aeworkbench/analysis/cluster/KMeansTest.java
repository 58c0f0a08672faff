package org.aeworkbench.analysis.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.aeworkbench.engine.blas.Backend;
import org.aeworkbench.engine.blas.Compute;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Lloyd iterations from fixed centres against scikit-learn 1.2.1's
 * {@code KMeans(init=..., n_init=1, algorithm="lloyd", tol=1e-4)} on three 2-D blobs (60 points,
 * rounded to 3 decimals), from src/test/resources/org/aeworkbench/analysis/cluster/cluster_reference.py.
 */
class KMeansTest {

    private static final float[] X = {
        1.084f, 1.221f, -0.73f, 0.342f, 0.003f, -0.353f, -1.167f, 0.615f, -0.516f, 0.179f, 0.049f, 1.122f, 0.706f, -0.693f, -0.157f, 0.622f, -0.8f, -0.235f, 0.137f, -0.969f, -0.741f, -1.022f, 0.172f, -0.337f, 0.557f, 0.068f, 0.343f, -0.05f, 0.451f, -0.062f, -0.589f, 0.71f, 0.588f, 1.36f, -0.085f, -0.348f, -0.868f, -2.316f, -0.785f, 0.292f, 2.469f, -1.057f, 3.365f, 0.145f, 2.783f, 0.241f, 2.919f, 0.785f, 1.959f, 0.364f, 2.695f, 1.182f, 2.379f, 1.482f, 3.365f, 1.475f, 2.577f, 0.984f, 3.218f, -0.399f, 2.843f, 0.228f, 2.42f, 0.039f, 2.136f, 0.22f, 3.2f, 0.033f, 2.062f, 1.127f, 2.778f, 0.516f, 2.86f, 0.176f, 3.361f, 0.182f, 3.017f, -0.367f, 2.017f, 0.266f, 2.146f, 3.109f, 2.16f, 3.271f, 1.272f, 2.65f, 0.987f, 4.075f, 1.711f, 2.624f, 0.718f, 3.802f, 0.691f, 3.552f, 0.454f, 3.377f, 1.916f, 3.501f, 1.146f, 3.084f, 0.949f, 2.986f, 1.707f, 3.692f, 1.245f, 2.244f, 0.688f, 3.178f, 1.031f, 2.188f, 1.398f, 4.559f, 0.264f, 3.038f, 1.972f, 2.75f, 0.755f, 3.102f, 1.34f, 2.753f,
    };
    private static final int N = 60;

    private static Compute compute;

    @BeforeAll
    static void open() {
        compute = Compute.create(Backend.JAVA, 1);
    }

    @AfterAll
    static void close() {
        compute.close();
    }

    private static float[] rows(int... r) {
        float[] c = new float[r.length * 2];
        for (int i = 0; i < r.length; i++) {
            c[2 * i] = X[2 * r[i]];
            c[2 * i + 1] = X[2 * r[i] + 1];
        }
        return c;
    }

    private static KMeansResult lloydFrom(int... initRows) {
        double tol = 1e-4 * KMeans.meanVariance(X, N, 2);
        return KMeans.lloyd(compute.gemm(), X, N, 2, rows(initRows), 3, 300, tol);
    }

    @Test
    void lloydFromAPoorStartMatchesScikitLearn() {
        KMeansResult r = lloydFrom(0, 1, 2);
        assertArrayEquals(new int[] {0, 1, 2, 1, 1, 1, 2, 1, 1, 2, 2, 2, 2, 2, 2, 1, 0, 2, 2, 1, 2, 0, 0, 0, 0, 0, 0, 0,
            0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, r.assignments());
        assertEquals(134.09542718164988, r.inertia(), 1e-4);
        assertEquals(3, r.iterations());
        assertArrayEquals(new float[] {1.9067317f, 1.8242683f, -0.586875f, 0.455875f, 0.2858182f, -0.649f}, r.centres(), 1e-5f);
    }

    @Test
    void lloydFromOneSeedPerBlobMatchesScikitLearn() {
        KMeansResult r = lloydFrom(0, 25, 45);
        for (int i = 0; i < N; i++) {
            assertEquals(i / 20, r.assignments()[i], "sample " + i);
        }
        assertEquals(46.30746165056583, r.inertia(), 1e-4);
        assertArrayEquals(new float[] {-0.1174f, 0.0073f, 2.72115f, 0.3811f, 1.2275f, 3.17675f}, r.centres(), 1e-5f);
    }

    @Test
    void restartsFromKMeansPlusPlusFindTheBlobsAndRepeatForASeed() {
        KMeansResult a = KMeans.fit(compute.gemm(), X, N, 2, KMeansSettings.of(3, 5));
        KMeansResult b = KMeans.fit(compute.gemm(), X, N, 2, KMeansSettings.of(3, 5));
        assertEquals(46.30746165056583, a.inertia(), 1e-4);
        assertArrayEquals(a.assignments(), b.assignments());
        assertEquals(1.0, ClusterAgreement.of(a.assignments(), blobLabels()).accuracy(), 0.0);
        assertTrue(a.converged());
    }

    @Test
    void plusPlusSeedsAreDistinctSamples() {
        float[] c = KMeans.plusPlus(compute.gemm(), X, N, 2, 6, new java.util.SplittableRandom(3));
        for (int a = 0; a < 6; a++) {
            for (int b = 0; b < a; b++) {
                assertTrue(c[2 * a] != c[2 * b] || c[2 * a + 1] != c[2 * b + 1], "centres " + a + " and " + b + " coincide");
            }
        }
    }

    @Test
    void anEmptyClusterTakesTheFarthestSample() {
        // Two far-apart groups and a third centre nobody is near: it must end up owning a sample.
        float[] x = {0, 0, 0.1f, 0, 0, 0.1f, 10, 10, 10.1f, 10, 10, 10.2f};
        KMeansResult r = KMeans.lloyd(compute.gemm(), x, 6, 2, new float[] {0, 0, 10, 10, 100, 100}, 3, 50, 0);
        for (int size : r.sizes()) {
            assertTrue(size > 0, "an empty cluster remained: " + java.util.Arrays.toString(r.sizes()));
        }
    }

    @Test
    void moreClustersThanSamplesIsRefusedNamingBoth() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> KMeans.fit(compute.gemm(), new float[] {1, 2, 3}, 3, 1, KMeansSettings.of(4, 1)));
        assertTrue(e.getMessage().contains("4 clusters") && e.getMessage().contains("got 3"), e.getMessage());
    }

    private static int[] blobLabels() {
        int[] l = new int[N];
        for (int i = 0; i < N; i++) {
            l[i] = i / 20;
        }
        return l;
    }
}
