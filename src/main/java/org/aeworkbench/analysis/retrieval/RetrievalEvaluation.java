package org.aeworkbench.analysis.retrieval;

import org.aeworkbench.analysis.ParallelTiles;

/**
 * Ranks the database for every query and averages {@link RankingMetrics} over the queries. Each
 * query's numbers are written to its own slot and summed in query order afterwards, so the result
 * does not depend on the number of threads.
 */
public final class RetrievalEvaluation {

    /** The k of precision@k the issue and the literature report. */
    public static final int DEFAULT_K = 100;

    private static final int QUERIES_PER_TILE = 8;

    private RetrievalEvaluation() {
    }

    /**
     * @param method         name for the result
     * @param queryLabels    one label per query
     * @param databaseLabels one label per database item
     * @param k              k of precision@k; lowered to the database size when that is smaller
     * @param threads        threads to use; the result does not depend on it
     */
    public static RetrievalScores evaluate(String method, Ranker ranker, int[] queryLabels, int[] databaseLabels,
                                           int k, int threads) {
        long start = System.nanoTime();
        int n = ranker.databaseSize();
        int m = ranker.queries();
        if (queryLabels == null || databaseLabels == null) {
            throw new IllegalArgumentException("retrieval precision needs labels for the queries and the database");
        }
        if (queryLabels.length != m || databaseLabels.length != n) {
            throw new IllegalArgumentException(queryLabels.length + " query labels for " + m + " queries, "
                    + databaseLabels.length + " database labels for " + n + " items");
        }
        if (k < 1) {
            throw new IllegalArgumentException("precision@k needs k of at least 1, got " + k);
        }
        int kUsed = Math.min(k, n);
        int[] cutoffs = RankingMetrics.cutoffs(n);
        int[] relevantPerLabel = relevantPerLabel(databaseLabels);
        double[] ap = new double[m];
        double[] pk = new double[m];
        int[][] hits = new int[m][cutoffs.length];
        try (ParallelTiles parallel = new ParallelTiles(threads)) {
            for (int from = 0; from < m; from += ranker.blockSize()) {
                int to = Math.min(m, from + ranker.blockSize());
                ranker.prepare(from, to);
                int first = from;
                int tiles = (to - from + QUERIES_PER_TILE - 1) / QUERIES_PER_TILE;
                parallel.run(tiles, t -> {
                    int[] order = new int[n];
                    long[] scratch = new long[n];
                    for (int q = first + t * QUERIES_PER_TILE, end = Math.min(to, q + QUERIES_PER_TILE); q < end; q++) {
                        ranker.order(q, order, scratch);
                        int label = queryLabels[q];
                        int relevant = label >= 0 && label < relevantPerLabel.length ? relevantPerLabel[label] : 0;
                        if (relevant == 0) {
                            ap[q] = Double.NaN;
                            continue;
                        }
                        ap[q] = RankingMetrics.averagePrecision(order, databaseLabels, label);
                        pk[q] = RankingMetrics.precisionAt(order, databaseLabels, label, kUsed);
                        RankingMetrics.hitsAtCutoffs(order, databaseLabels, label, cutoffs, hits[q]);
                    }
                });
            }
        }
        double apSum = 0;
        double pkSum = 0;
        double[] precision = new double[cutoffs.length];
        double[] recall = new double[cutoffs.length];
        int scored = 0;
        for (int q = 0; q < m; q++) {
            if (Double.isNaN(ap[q])) {
                continue;
            }
            scored++;
            apSum += ap[q];
            pkSum += pk[q];
            int relevant = relevantPerLabel[queryLabels[q]];
            for (int c = 0; c < cutoffs.length; c++) {
                precision[c] += hits[q][c] / (double) cutoffs[c];
                recall[c] += hits[q][c] / (double) relevant;
            }
        }
        for (int c = 0; c < cutoffs.length; c++) {
            precision[c] = scored == 0 ? Double.NaN : precision[c] / scored;
            recall[c] = scored == 0 ? Double.NaN : recall[c] / scored;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new RetrievalScores(method, scored == 0 ? Double.NaN : apSum / scored,
                scored == 0 ? Double.NaN : pkSum / scored, kUsed, cutoffs, precision, recall, m, m - scored, seconds);
    }

    private static int[] relevantPerLabel(int[] labels) {
        int max = -1;
        for (int l : labels) {
            max = Math.max(max, l);
        }
        int[] counts = new int[max + 1];
        for (int l : labels) {
            if (l >= 0) {
                counts[l]++;
            }
        }
        return counts;
    }
}
