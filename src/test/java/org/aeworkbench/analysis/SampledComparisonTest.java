package org.aeworkbench.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.aeworkbench.data.Dataset;
import org.aeworkbench.data.RandomDraws;
import org.aeworkbench.engine.tensor.Shape;
import org.junit.jupiter.api.Test;

/**
 * The Latent tab's scores on a stripe: points (x, y) with x spread over [-10, 10], y = +-0.5, labelled
 * by the sign of x. The x axis carries all but a sliver of the variance, so PCA at k = 1 keeps x and
 * loses y, as does {@link #FIRST_COORDINATE}; both lose y^2 = 0.25 per sample. One label in ten is
 * flipped, so a 5-NN vote is wrong now and then. The neighbour measures
 * are checked against brute-force implementations of their definitions written here.
 */
class SampledComparisonTest {

    /** Code x, reconstruction (x, 0). */
    private static final Codec FIRST_COORDINATE = new Codec() {
        @Override
        public float[] encode(float[] x, int n) {
            float[] z = new float[n];
            for (int i = 0; i < n; i++) {
                z[i] = x[2 * i];
            }
            return z;
        }

        @Override
        public float[] reconstruct(float[] x, int n) {
            float[] out = new float[2 * n];
            for (int i = 0; i < n; i++) {
                out[2 * i] = x[2 * i];
            }
            return out;
        }

        @Override
        public int codeSize() {
            return 1;
        }
    };

    /** n points at random x, each y = +-0.5 at random; labelled (x > 0), with label noise, or not at all. */
    private static Dataset stripe(int n, long seed, boolean labelled) {
        Random random = new Random(seed);
        float[] values = new float[2 * n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            values[2 * i] = (float) (20 * random.nextDouble() - 10);
            values[2 * i + 1] = random.nextBoolean() ? 0.5f : -0.5f;
            labels[i] = (values[2 * i] > 0) != (random.nextDouble() < 0.1) ? 1 : 0; // one label in ten flipped
        }
        return labelled ? new Dataset("stripe", Shape.vector(2), values, labels, List.of("-", "+"), "test")
                : new Dataset("stripe", Shape.vector(2), values, null, List.of(), "test");
    }

    @Test
    void scoresHeldOutSamplesAgainstTheDefinitions() {
        Dataset train = stripe(400, 1, true);
        Dataset validation = stripe(200, 2, true);
        Pca pca = Pca.fit(train.values(), train.samples(), 2, 2, false, 1);
        SampledComparison c = SampledComparison.of(FIRST_COORDINATE, pca, train, validation, 3);

        assertEquals(1, c.codeSize());
        assertTrue(c.validation());
        assertEquals(200, c.samples());
        assertEquals(400, c.reference());
        assertTrue(c.labelled());
        assertEquals(0.25, c.autoencoder().reconError(), 1e-12);
        // PCA's one axis is nearly x (the y of the training points are +-0.5 at random, so their
        // covariance with x is small but not zero), and it loses nearly all of y.
        assertEquals(0.25, c.pca().reconError(), 0.01);
        assertEquals(pca.leading(1).keptVarianceRatio(), c.pca().explainedVariance(), 0.0);

        float[] codes = FIRST_COORDINATE.encode(validation.values(), 200);
        float[] reference = FIRST_COORDINATE.encode(train.values(), 400);
        double knn = knnAccuracy(reference, train.labels(), codes, validation.labels(), 5);
        assertEquals(knn, c.autoencoder().knnAccuracy(), 1e-12);
        assertTrue(knn > 0.75 && knn < 0.98, "flipped labels are outvoted, and near x = 0 anything goes: " + knn);
        assertEquals(trustworthiness(validation.values(), codes, 200, 5), c.autoencoder().trustworthiness(), 1e-12);
    }

    @Test
    void scoresASeededSampleOfALargeSplitAndFallsBackToTrainingSamples() {
        Dataset train = stripe(4000, 4, true);
        Dataset tooFew = stripe(SampledComparison.FEWEST_VALIDATION, 5, true);
        SampledComparison c = SampledComparison.of(FIRST_COORDINATE, null, train, tooFew, 11);

        assertFalse(c.validation());
        assertEquals(SampledComparison.MAX_SAMPLES, c.samples());
        assertEquals(SampledComparison.MAX_REFERENCE, c.reference());
        assertNull(c.pca(), "no PCA given, no PCA row");
        Dataset scored = train.subset(RandomDraws.firstOfShuffle(4000, SampledComparison.MAX_SAMPLES, 11), "scored");
        Dataset ref = train.subset(RandomDraws.firstOfShuffle(4000, SampledComparison.MAX_REFERENCE, 12), "reference");
        double knn = knnAccuracy(FIRST_COORDINATE.encode(ref.values(), ref.samples()), ref.labels(),
                FIRST_COORDINATE.encode(scored.values(), scored.samples()), scored.labels(), 5);
        assertEquals(knn, c.autoencoder().knnAccuracy(), 1e-12);
    }

    @Test
    void unlabelledDataHasNoKnnAccuracyAndANarrowerPcaHasNoRow() {
        Dataset train = stripe(100, 6, false);
        Dataset validation = stripe(50, 7, false);
        Codec identity = new Codec() {
            @Override
            public float[] encode(float[] x, int n) {
                return x.clone();
            }

            @Override
            public float[] reconstruct(float[] x, int n) {
                return x.clone();
            }

            @Override
            public int codeSize() {
                return 2;
            }
        };
        Pca one = Pca.fit(train.values(), 100, 2, 1, false, 1);
        SampledComparison c = SampledComparison.of(identity, one, train, validation, 1);
        assertFalse(c.labelled());
        assertTrue(Double.isNaN(c.autoencoder().knnAccuracy()));
        assertEquals(0.0, c.autoencoder().reconError(), 0.0);
        assertEquals(1.0, c.autoencoder().trustworthiness(), 1e-12, "the identity keeps every neighbourhood");
        assertNull(c.pca(), "PCA with fewer components than the code is not compared");
    }

    /** Majority label among the k nearest 1-D reference codes (k odd, two classes: no vote ties). */
    private static double knnAccuracy(float[] reference, int[] refLabels, float[] queries, int[] labels, int k) {
        int correct = 0;
        for (int q = 0; q < queries.length; q++) {
            double[][] byDistance = new double[reference.length][];
            for (int r = 0; r < reference.length; r++) {
                byDistance[r] = new double[] {Math.abs((double) reference[r] - queries[q]), refLabels[r]};
            }
            Arrays.sort(byDistance, (a, b) -> Double.compare(a[0], b[0]));
            int votes = 0;
            for (int i = 0; i < k; i++) {
                votes += (int) byDistance[i][1];
            }
            correct += (votes > k / 2 ? 1 : 0) == labels[q] ? 1 : 0;
        }
        return correct / (double) queries.length;
    }

    /**
     * Venna and Kaski (2001): T(k) = 1 - 2 / (n k (2n - 3k - 1)) sum_i sum_{j in U_k(i)} (r(i, j) - k),
     * U_k(i) the code-space k nearest of i that are not among its input-space k nearest, r(i, j) the
     * rank of j by input distance from i. Inputs are 2-D, codes 1-D.
     */
    private static double trustworthiness(float[] inputs, float[] codes, int n, int k) {
        double penalty = 0;
        for (int i = 0; i < n; i++) {
            Integer[] byInput = others(n, i);
            Integer[] byCode = others(n, i);
            int ii = i;
            Arrays.sort(byInput, (a, b) -> Double.compare(inputDistance(inputs, ii, a), inputDistance(inputs, ii, b)));
            Arrays.sort(byCode, (a, b) -> Double.compare(Math.abs(codes[ii] - codes[a]), Math.abs(codes[ii] - codes[b])));
            List<Integer> inputOrder = Arrays.asList(byInput);
            for (int m = 0; m < k; m++) {
                int rank = inputOrder.indexOf(byCode[m]) + 1;
                if (rank > k) {
                    penalty += rank - k;
                }
            }
        }
        return 1 - 2.0 / (n * k * (2.0 * n - 3 * k - 1)) * penalty;
    }

    private static Integer[] others(int n, int i) {
        Integer[] out = new Integer[n - 1];
        for (int j = 0, m = 0; j < n; j++) {
            if (j != i) {
                out[m++] = j;
            }
        }
        return out;
    }

    private static double inputDistance(float[] x, int a, int b) {
        double dx = x[2 * a] - x[2 * b];
        double dy = x[2 * a + 1] - x[2 * b + 1];
        return dx * dx + dy * dy;
    }
}
