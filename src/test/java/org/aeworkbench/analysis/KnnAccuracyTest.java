package org.aeworkbench.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class KnnAccuracyTest {

    /**
     * Three classes in 2-D and the expected predictions, from
     * src/test/resources/org/aeworkbench/analysis/metrics_reference.py: Debian's scikit-learn 1.2.1
     * {@code KNeighborsClassifier(n_neighbors=5)}; the script checks no vote is tied, since
     * scikit-learn breaks vote ties by the smaller label and we by the nearer neighbour.
     */
    private static final float[] TRAIN = {
        -0.032f, 1.003f, 0.304f, -0.332f, -2.079f, -0.454f, 2.229f, -0.898f, 0.842f, -0.329f, 0.758f, 0.262f,
        2.701f, -0.389f, 1.22f, 0.201f, 0.872f, -1.588f, -0.89f, 1.084f, 1.896f, -1.195f, 3.471f, -0.171f,
        3.036f, 1.858f, 2.949f, 1.1f, 0.591f, 3.157f, 1.417f, 2.103f, 1.776f, 1.172f, 2.623f, 0.76f, 1.903f,
        1.591f, 1.541f, 0.082f, 0.407f, 1.719f, 0.23f, 1.324f, -0.397f, 3.705f, -2.335f, 3.535f, -0.339f,
        0.857f, -0.592f, 2.92f, -1.135f, 2.351f, 1.534f, 2.404f, 0.02f, 2.366f, 0.529f, 3.717f,
    };
    private static final int[] TRAIN_LABELS = {
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
    };
    private static final float[] TEST = {
        -0.479f, -0.212f, -0.123f, 0.126f, -1.972f, 0.32f, 0.904f, -0.26f, 1.847f, -0.508f, 1.366f, -0.031f,
        3.043f, 0.645f, 3.14f, 2.238f, -0.249f, 2.37f, 0.433f, 2.123f, -0.209f, -0.127f, -0.11f, 3.319f,
    };
    private static final int[] TEST_LABELS = {0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2};

    @Test
    void matchesScikitLearn() {
        assertArrayEquals(new int[] {0, 0, 0, 0, 0, 0, 1, 1, 2, 2, 0, 2},
                KnnAccuracy.predict(TRAIN, TRAIN_LABELS, 30, TEST, 12, 2, 5, 2));
        assertEquals(0.75, KnnAccuracy.of(TRAIN, TRAIN_LABELS, 30, TEST, TEST_LABELS, 12, 2), 0.0);
    }

    @Test
    void aTiedVoteGoesToTheTiedClassWithTheNearestMember() {
        // Neighbours of the origin at distances 1..5, on a line.
        float[] line = {1, 0, 2, 0, 3, 0, 4, 0, 5, 0};
        float[] origin = {0, 0};
        // 7 and 3 both have two votes; 7 owns the nearest point.
        assertArrayEquals(new int[] {7}, KnnAccuracy.predict(line, new int[] {7, 3, 3, 7, 9}, 5, origin, 1, 2, 5, 1));
        // 3 and 7 tie; 9 is nearest overall but has one vote, so 3 (nearer than 7's members) wins.
        assertArrayEquals(new int[] {3}, KnnAccuracy.predict(line, new int[] {9, 3, 3, 7, 7}, 5, origin, 1, 2, 5, 1));
    }

    @Test
    void aTieInDistanceGoesToTheLowerTrainingIndex() {
        float[] twins = {1, 1, 1, 1};
        float[] query = {0, 0};
        assertArrayEquals(new int[] {4}, KnnAccuracy.predict(twins, new int[] {4, 6}, 2, query, 1, 2, 1, 1));
        assertArrayEquals(new int[] {6}, KnnAccuracy.predict(twins, new int[] {6, 4}, 2, query, 1, 2, 1, 1));
    }

    @Test
    void wideCodesAndAnyThreadCountGiveTheSamePredictions() {
        int n = 700, d = 7;
        float[] x = PcaTest.correlatedData(n, d, 4);
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = x[i * d] > 3 ? 1 : 0;
        }
        float[] queries = PcaTest.correlatedData(300, d, 5);
        int[] one = KnnAccuracy.predict(x, labels, n, queries, 300, d, 5, 1);
        assertArrayEquals(one, KnnAccuracy.predict(x, labels, n, queries, 300, d, 5, 2));
        assertArrayEquals(one, KnnAccuracy.predict(x, labels, n, queries, 300, d, 5, 4));
    }

    @Test
    void missingLabelsAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KnnAccuracy.of(TRAIN, null, 30, TEST, TEST_LABELS, 12, 2));
        assertEquals("training labels are missing: this measure needs class labels", e.getMessage());
    }
}
