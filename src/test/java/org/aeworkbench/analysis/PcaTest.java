package org.aeworkbench.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PcaTest {

    /**
     * The 8 x 5 matrix and the expected numbers below come from
     * src/test/resources/org/aeworkbench/analysis/pca_reference.py, run once with Debian's numpy 1.24:
     * a thin SVD of the centred data (an independent route from our covariance eigendecomposition),
     * components sign-fixed so each row's largest-|v| entry is positive.
     */
    private static final float[] X = {
        2.5f, 0.5f, -1.0f, 3.0f, 1.5f,
        0.5f, 0.7f, 2.0f, -1.0f, 0.0f,
        2.2f, 2.9f, 0.5f, 1.5f, -2.0f,
        1.9f, 2.2f, -0.5f, 0.0f, 1.0f,
        3.1f, 3.0f, 1.0f, 2.5f, 0.5f,
        2.3f, 2.7f, 3.0f, -0.5f, 1.0f,
        2.0f, 1.6f, -2.0f, 1.0f, 2.5f,
        1.0f, 1.1f, 0.0f, 2.0f, -1.5f,
    };
    private static final float[] NEW_POINT = {1.0f, -0.5f, 2.0f, 0.25f, 3.0f};
    private static final double REL = 1e-5;

    @Test
    void aFitWhoseThreadIsInterruptedStopsAsCancelledAndTheNextFitIsUnaffected() {
        Thread.currentThread().interrupt(); // the UI's cancel
        try {
            assertThrows(java.util.concurrent.CancellationException.class, () -> Pca.fit(X, 8, 5, 3));
        } finally {
            Thread.interrupted();
        }
        assertEquals(3, Pca.fit(X, 8, 5, 3).codeSize());
    }

    @Test
    void fitMatchesNumpySvd() {
        Pca pca = Pca.fit(X, 8, 5, 3);
        assertClose(new double[] {1.9374999850988388, 1.8375000283122063, 0.375, 1.0625, 0.375}, pca.mean());
        assertClose(new double[] {5.263971011464231, 4.1267133771822735, 3.333984860194559}, pca.singularValues());
        assertClose(new double[] {
            -0.15730931474156665, 0.149921503388627, 0.7528259399668387, -0.5092195248389788, -0.35598581706725874,
            -0.06915482231049172, -0.13993989909269175, -0.003881364253557308, -0.5829810531594415, 0.7973408693035686,
            0.5949812373727584, 0.615213225804278, 0.31831735074386536, 0.23510792048277904, 0.33302904364566466,
        }, pca.components());
        assertClose(new double[] {3.9584844013622513, 2.432823328202161, 1.5879221497152192}, pca.explainedVariance());
        assertClose(new double[] {0.45554987817528747, 0.2799739138552869, 0.1827410868679107}, pca.explainedVarianceRatio());
    }

    @Test
    void transformAndInverseMatchNumpy() {
        Pca pca = Pca.fit(X, 8, 5, 3);
        assertClose(new double[] {0.4996562083868319, 2.952326833678656, -0.7954140847702},
                toDouble(pca.transform(NEW_POINT, 1)));
        assertClose(new double[] {1.181475315385299, 1.0099116541157518, 0.4865009946936185,
            -1.1000934551794854, 2.2862443284849654}, toDouble(pca.inverseTransform(pca.transform(NEW_POINT, 1), 1)));
        float[] firstTwo = new float[10];
        System.arraycopy(X, 0, firstTwo, 0, 10);
        assertClose(new double[] {-2.7112390479437103, -0.07891040626291815, -0.09567783927923529,
            2.462698525287264, 1.1556800761294816, -1.647620871365827}, toDouble(pca.transform(firstTwo, 2)));
        assertClose(new double[] {4.971640915674102}, new double[] {pca.reconstructionError(X, 8).totalSquaredError()});
    }

    @Test
    void theLeadingComponentsOfAWiderFitAreAFitOfThatMany() {
        int n = 300, d = 12;
        float[] x = correlatedData(n, d, 9);
        Pca wide = Pca.fit(x, n, d, 6, false, 1);
        Pca narrow = Pca.fit(x, n, d, 2, false, 1);
        Pca cut = wide.leading(2);
        assertEquals(2, cut.codeSize());
        assertArrayEquals(narrow.components(), cut.components(), 0.0);
        assertArrayEquals(narrow.transform(x, n), cut.transform(x, n), 0f);
        assertArrayEquals(narrow.reconstruct(x, n), cut.reconstruct(x, n), 0f);
        assertEquals(narrow.keptVarianceRatio(), cut.keptVarianceRatio(), 0.0);
        assertTrue(cut.keptVarianceRatio() < wide.keptVarianceRatio());
        assertThrows(IllegalArgumentException.class, () -> wide.leading(7));
    }

    @Test
    void whitenedCodesMatchNumpyAndInvertBack() {
        Pca pca = Pca.fit(X, 8, 5, 3, true, 1);
        float[] code = pca.transform(NEW_POINT, 1);
        assertClose(new double[] {0.25113475464472657, 1.8928192672857551, -0.6312169808405156}, toDouble(code));
        assertClose(new double[] {1.181475315385299, 1.0099116541157518, 0.4865009946936185,
            -1.1000934551794854, 2.2862443284849654}, toDouble(pca.inverseTransform(code, 1)));
    }

    @Test
    void whitenedTrainingCodesHaveUnitVarianceAndNoCorrelation() {
        int n = 500, d = 12, k = 4;
        float[] x = correlatedData(n, d, 3);
        float[] z = Pca.fit(x, n, d, k, true, 2).transform(x, n);
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                double s = 0;
                for (int i = 0; i < n; i++) {
                    s += (double) z[i * k + a] * z[i * k + b];
                }
                // The training codes have mean zero, so this is their covariance: the identity.
                assertEquals(a == b ? 1.0 : 0.0, s / (n - 1), 1e-5, "covariance of codes " + a + ", " + b);
            }
        }
    }

    @Test
    void componentsAreOrthonormalAndSignFixed() {
        int n = 300, d = 20, k = 7;
        double[] v = Pca.fit(correlatedData(n, d, 5), n, d, k).components();
        for (int a = 0; a < k; a++) {
            int largest = 0;
            for (int j = 0; j < d; j++) {
                largest = Math.abs(v[a * d + j]) > Math.abs(v[a * d + largest]) ? j : largest;
            }
            assertTrue(v[a * d + largest] > 0, "component " + a + " has its largest entry positive");
            for (int b = 0; b < k; b++) {
                double dot = 0;
                for (int j = 0; j < d; j++) {
                    dot += v[a * d + j] * v[b * d + j];
                }
                assertEquals(a == b ? 1.0 : 0.0, dot, 1e-12, "v" + a + " . v" + b);
            }
        }
    }

    @Test
    void trainingReconstructionErrorIsTheDiscardedVariance() {
        // sum_i ||x_i - x'_i||^2 = sum over dropped axes of s_j^2 = (n - 1) * sum of their variances.
        int n = 400, d = 16;
        float[] x = correlatedData(n, d, 7);
        for (int k : new int[] {1, 5, 11}) {
            Pca pca = Pca.fit(x, n, d, k);
            double[] all = pca.fullExplainedVariance();
            double dropped = 0;
            for (int j = k; j < all.length; j++) {
                dropped += all[j];
            }
            double sse = pca.reconstructionError(x, n).totalSquaredError();
            assertEquals(dropped * (n - 1), sse, 1e-5 * sse, "k = " + k);
            double kept = pca.keptVarianceRatio();
            assertEquals(1 - kept, dropped / pca.totalVariance(), 1e-9, "k = " + k);
        }
    }

    @Test
    void fullCodeRoundTripsExactly() {
        int n = 200, d = 9;
        float[] x = correlatedData(n, d, 11);
        Pca pca = Pca.fit(x, n, d, d);
        float[] back = pca.inverseTransform(pca.transform(x, n), n);
        for (int i = 0; i < x.length; i++) {
            assertEquals(x[i], back[i], 1e-5 * (1 + Math.abs(x[i])), "value " + i);
        }
    }

    @Test
    void resultIsBitIdenticalForAnyThreadCount() {
        // Wider than one column tile and longer than one row chunk, so tiling and chunking both matter.
        int n = ScatterMatrix.ROWS_PER_CHUNK * 2 + 37, d = ScatterMatrix.COLUMNS_PER_TILE * 2 + 5;
        float[] x = correlatedData(n, d, 13);
        Pca one = Pca.fit(x, n, d, 6, false, 1);
        for (int threads : new int[] {2, 3}) {
            Pca many = Pca.fit(x, n, d, 6, false, threads);
            assertArrayEquals(one.components(), many.components(), 0.0, threads + " threads");
            assertArrayEquals(one.fullExplainedVariance(), many.fullExplainedVariance(), 0.0, threads + " threads");
            assertArrayEquals(one.mean(), many.mean(), 0.0);
        }
    }

    @Test
    void fewerSamplesThanFeaturesKeepsTheirRank() {
        int n = 5, d = 30;
        float[] x = correlatedData(n, d, 17);
        Pca pca = Pca.fit(x, n, d, 5);
        double[] all = pca.fullExplainedVariance();
        assertEquals(5, all.length);
        // Five centred points span at most four directions.
        assertEquals(0.0, all[4], 1e-9 * all[0]);
        float[] back = pca.inverseTransform(pca.transform(x, n), n);
        for (int i = 0; i < x.length; i++) {
            assertEquals(x[i], back[i], 1e-4, "value " + i);
        }
    }

    @Test
    void badInputIsRejectedWithAReadableMessage() {
        IllegalArgumentException tooBig = assertThrows(IllegalArgumentException.class, () -> Pca.fit(X, 8, 5, 6));
        assertTrue(tooBig.getMessage().contains("between 1 and 5"), tooBig.getMessage());
        float[] withNan = X.clone();
        withNan[7] = Float.NaN;
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class, () -> Pca.fit(withNan, 8, 5, 2));
        assertTrue(nan.getMessage().contains("row 1, column 2"), nan.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Pca.fit(X, 7, 5, 2));
        Pca pca = Pca.fit(X, 8, 5, 2);
        assertThrows(IllegalArgumentException.class, () -> pca.transform(new float[4], 1));
    }

    /** n samples of d features with a decaying spectrum: random mixtures of d latent factors. */
    static float[] correlatedData(int n, int d, long seed) {
        Random random = new Random(seed);
        double[] mixing = new double[d * d];
        for (int i = 0; i < mixing.length; i++) {
            mixing[i] = random.nextGaussian();
        }
        float[] x = new float[n * d];
        double[] latent = new double[d];
        for (int i = 0; i < n; i++) {
            for (int f = 0; f < d; f++) {
                latent[f] = random.nextGaussian() / (1 + f);
            }
            for (int j = 0; j < d; j++) {
                double s = 3.0 + j * 0.1;
                for (int f = 0; f < d; f++) {
                    s += latent[f] * mixing[f * d + j];
                }
                x[i * d + j] = (float) s;
            }
        }
        return x;
    }

    static double[] toDouble(float[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }

    /** Each value within 1e-5 of the reference, relative to the value (or to the array's scale for values near zero). */
    static void assertClose(double[] expected, double[] actual) {
        assertEquals(expected.length, actual.length, "length");
        double scale = 0;
        for (double e : expected) {
            scale = Math.max(scale, Math.abs(e));
        }
        for (int i = 0; i < expected.length; i++) {
            double tolerance = REL * Math.max(Math.abs(expected[i]), 1e-3 * scale);
            assertEquals(expected[i], actual[i], tolerance, "entry " + i);
        }
    }

    /** Rows encoded in chunks (several here) come out as each row encoded alone, bit for bit. */
    @Test
    void encodingInChunksGivesEachRowTheBitsItHasAlone() {
        int d = 784;
        int n = 2 * PcaProjection.rowsPerChunk(d) + 7; // three chunks, the last one short
        float[] x = correlatedData(n, d, 5);
        Pca pca = Pca.fit(x, n, d, 3);
        float[] all = pca.transform(x, n);
        for (int i = 0; i < n; i++) {
            float[] alone = pca.transform(java.util.Arrays.copyOfRange(x, i * d, (i + 1) * d), 1);
            for (int j = 0; j < 3; j++) {
                assertEquals(Float.floatToIntBits(alone[j]), Float.floatToIntBits(all[i * 3 + j]), "row " + i + ", code " + j);
            }
        }
        assertTrue((long) PcaProjection.rowsPerChunk(d) * d * Double.BYTES <= 256 * 1024,
                "a chunk's centred rows stay far below half a G1 region, so they are not allocated in the old generation");
    }

    /** A probe sharing a larger set's array: its leading rows are encoded, the rest not even checked. */
    @Test
    void theLeadingRowsOfALargerArrayEncodeAsTheirCopy() {
        int n = 40, d = 12;
        float[] x = correlatedData(n + 3, d, 8);
        Pca pca = Pca.fit(x, n + 3, d, 4);
        float[] longer = java.util.Arrays.copyOf(x, (n + 3) * d);
        longer[(n + 1) * d] = Float.NaN; // after the leading rows: not looked at
        assertArrayEquals(pca.transform(java.util.Arrays.copyOf(x, n * d), n), pca.transformLeading(longer, n));
        var tooShort = assertThrows(IllegalArgumentException.class, () -> pca.transformLeading(longer, n + 4));
        assertTrue(tooShort.getMessage().contains("do not make " + (n + 4) + " rows of " + d), tooShort.getMessage());
        longer[2 * d + 1] = Float.NaN; // inside them: refused, with its place
        var nan = assertThrows(IllegalArgumentException.class, () -> pca.transformLeading(longer, n));
        assertTrue(nan.getMessage().contains("row 2, column 1 is NaN"), nan.getMessage());
        assertThrows(IllegalArgumentException.class, () -> pca.transform(longer, n), "transform still wants exactly n rows");
    }

    /** The one rule the CLI's refusal and the report's PCA column share, and the fit itself keeps. */
    @Test
    void mostComponentsIsTheSmallerOfSamplesAndFeaturesAndNoneBelowTwoSamples() {
        assertEquals(3, Pca.mostComponents(3, 5));
        assertEquals(4, Pca.mostComponents(10, 4));
        assertEquals(0, Pca.mostComponents(1, 4));
        float[] x = {0, 1, 1, 0, 2, 1};
        org.aeworkbench.data.Dataset three = new org.aeworkbench.data.Dataset("t", org.aeworkbench.engine.tensor.Shape.vector(2),
                x, null, java.util.List.of(), "test");
        assertTrue(PcaBaseline.canFit(three, 2));
        assertFalse(PcaBaseline.canFit(three, 3));
        assertFalse(PcaBaseline.canFit(three, 0));
        assertEquals(2, Pca.fit(x, 3, 2, 2).codeSize());
        assertThrows(IllegalArgumentException.class, () -> Pca.fit(x, 3, 2, 3));
    }
}
