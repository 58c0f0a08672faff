package org.aeworkbench.analysis.retrieval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.aeworkbench.engine.blas.Backend;
import org.aeworkbench.engine.blas.Compute;
import org.junit.jupiter.api.Test;

/**
 * Rankings and their mAP and precision@5 against numpy and scikit-learn: the inputs are the
 * integer formulas below, and the expected values come from
 * src/test/resources/org/aeworkbench/analysis/retrieval/retrieval_reference.py.
 */
class RetrievalEvaluationTest {

    private static final int N = 30;
    private static final int M = 5;
    private static final int D = 3;

    private static float[] database() {
        float[] x = new float[N * D];
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < D; j++) {
                x[i * D + j] = (i * 7 + j * 5 + i * j) % 6;
            }
        }
        return x;
    }

    private static float[] queries() {
        float[] q = new float[M * D];
        for (int r = 0; r < M; r++) {
            for (int j = 0; j < D; j++) {
                q[r * D + j] = (r * 3 + j * 2) % 6;
            }
        }
        return q;
    }

    private static int[] labels(int n) {
        int[] l = new int[n];
        for (int i = 0; i < n; i++) {
            l[i] = i % 3;
        }
        return l;
    }

    @Test
    void euclideanRankingBreaksTiesByDatabaseIndexAsNumpysStableSort() {
        try (Compute compute = Compute.create(Backend.JAVA, 1)) {
            EuclideanRanker ranker = new EuclideanRanker(compute.gemm(), database(), N, queries(), M, D);
            ranker.prepare(0, M);
            int[] order = new int[N];
            ranker.order(1, order, new long[N]);
            assertArrayEquals(new int[] {3, 9, 15, 21, 27, 5, 11, 17, 23, 29, 2, 8, 14, 20, 26, 0, 6, 12, 18, 24,
                1, 7, 13, 19, 25, 4, 10, 16, 22, 28}, order);
        }
    }

    @Test
    void euclideanMapAndPrecisionMatchScikitLearn() {
        try (Compute compute = Compute.create(Backend.JAVA, 1)) {
            EuclideanRanker ranker = new EuclideanRanker(compute.gemm(), database(), N, queries(), M, D);
            RetrievalScores s = RetrievalEvaluation.evaluate("code", ranker, labels(M), labels(N), 5, 2);
            assertEquals(0.44980396755809976, s.meanAveragePrecision(), 1e-12);
            assertEquals(0.4, s.precisionAtK(), 1e-12);
            assertEquals(5, s.k());
            assertEquals(0, s.queriesWithoutRelevant());
            // At N = n every relevant item has been seen: recall 1, precision the share of relevant items.
            int last = s.cutoffs().length - 1;
            assertEquals(N, s.cutoffs()[last]);
            assertEquals(1.0, s.recall()[last], 1e-12);
            assertEquals(10.0 / 30, s.precision()[last], 1e-12);
        }
    }

    @Test
    void hammingRankingAndCountsMatchNumpy() {
        long[] db = new long[N];
        for (int i = 0; i < N; i++) {
            db[i] = (i * 2654435761L) % 4096;
        }
        long[] q = new long[M];
        for (int r = 0; r < M; r++) {
            q[r] = (r * 40503L + 17) % 4096;
        }
        HammingRanker ranker = new HammingRanker(new BinaryCodes(12, db), new BinaryCodes(12, q));
        int[] order = new int[N];
        ranker.order(0, order, new long[N]);
        assertArrayEquals(new int[] {0, 5, 1, 3, 16, 17, 19, 24, 25, 9, 11, 15, 20, 29, 7, 12, 21, 22, 2, 4, 6, 8,
            10, 18, 27, 13, 28, 23, 26, 14}, order);
        assertArrayEquals(new int[] {0, 0, 1, 1, 7, 5, 4, 7, 2, 2, 1, 0, 0}, ranker.countsPerRadius(q[0]));
        RetrievalScores s = RetrievalEvaluation.evaluate("bits", ranker, labels(M), labels(N), 5, 1);
        assertEquals(0.42447491033732093, s.meanAveragePrecision(), 1e-12);
        assertEquals(0.44, s.precisionAtK(), 1e-12);
    }

    @Test
    void averagePrecisionByHand() {
        // Labels down the ranking 1, 0, 1, 1, 0 for a query of label 1: hits at ranks 1, 3 and 4.
        int[] labels = {1, 0, 1, 1, 0};
        int[] order = {0, 1, 2, 3, 4};
        assertEquals((1.0 + 2.0 / 3 + 3.0 / 4) / 3, RankingMetrics.averagePrecision(order, labels, 1), 1e-15);
        assertEquals(2.0 / 3, RankingMetrics.precisionAt(order, labels, 1, 3), 1e-15);
        assertTrue(Double.isNaN(RankingMetrics.averagePrecision(order, labels, 7)));
        // A perfect ranking has AP 1 whatever the number of relevant items.
        assertEquals(1.0, RankingMetrics.averagePrecision(new int[] {0, 2, 3, 1, 4}, labels, 1), 0.0);
    }

    @Test
    void resultDoesNotDependOnThreadsOrBlockSize() {
        try (Compute compute = Compute.create(Backend.JAVA, 1)) {
            RetrievalScores one = RetrievalEvaluation.evaluate("a", new EuclideanRanker(compute.gemm(), database(), N,
                    queries(), M, D), labels(M), labels(N), 100, 1);
            Ranker inner = new EuclideanRanker(compute.gemm(), database(), N, queries(), M, D);
            Ranker smallBlocks = new Ranker() {
                @Override
                public int databaseSize() {
                    return inner.databaseSize();
                }

                @Override
                public int queries() {
                    return inner.queries();
                }

                @Override
                public void prepare(int from, int to) {
                    inner.prepare(from, to);
                }

                @Override
                public void order(int query, int[] order, long[] scratch) {
                    inner.order(query, order, scratch);
                }

                @Override
                public int blockSize() {
                    return 2;
                }
            };
            RetrievalScores two = RetrievalEvaluation.evaluate("a", smallBlocks, labels(M), labels(N), 100, 3);
            assertEquals(one.meanAveragePrecision(), two.meanAveragePrecision(), 0.0);
            assertArrayEquals(one.precision(), two.precision(), 0.0);
            assertEquals(N, one.k(), "k is lowered to the database size");
        }
    }

    @Test
    void aQueryWhoseLabelTheDatabaseLacksIsLeftOutAndCounted() {
        HammingRanker ranker = new HammingRanker(new BinaryCodes(4, new long[] {0, 1, 3}),
                new BinaryCodes(4, new long[] {0, 0}));
        RetrievalScores s = RetrievalEvaluation.evaluate("bits", ranker, new int[] {0, 5}, new int[] {0, 1, 0}, 2, 1);
        assertEquals(1, s.queriesWithoutRelevant());
        // Query 0 ranks items 0 (d 0), 1 (d 1), 2 (d 2): relevant at ranks 1 and 3.
        assertEquals((1.0 + 2.0 / 3) / 2, s.meanAveragePrecision(), 1e-15);
    }

    @Test
    void codesOfDifferentLengthsAreRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> new HammingRanker(new BinaryCodes(8, new long[1]),
                new BinaryCodes(16, new long[1])));
        assertTrue(e.getMessage().contains("8-bit") && e.getMessage().contains("16-bit"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new BinaryCodes(65, new long[1]));
        assertThrows(IllegalArgumentException.class, () -> new BinaryCodes(0, new long[1]));
    }
}
