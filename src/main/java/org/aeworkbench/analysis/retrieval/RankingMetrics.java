package org.aeworkbench.analysis.retrieval;

/**
 * Measures of one ranked list, relevance being "has the query's label" (the protocol of the
 * hashing literature on labelled image sets, e.g. Gong and Lazebnik, "Iterative quantization",
 * CVPR 2011, and Weiss, Torralba and Fergus, "Spectral hashing", NIPS 2008).
 *
 * <p>Average precision is taken over the full ranking: with R relevant items in the database and
 * rel(i) = 1 when the item at rank i (1-based) is relevant,
 * {@code AP = (1 / R) sum_i rel(i) P@i}, where {@code P@i} is the share of relevant items among
 * the first i. It equals scikit-learn's {@code average_precision_score} when the scores are the
 * negated ranks (no ties), which is how the tests check it.
 */
public final class RankingMetrics {

    private RankingMetrics() {
    }

    /** Number of database items that share {@code label}. */
    public static int relevantCount(int[] databaseLabels, int label) {
        int r = 0;
        for (int l : databaseLabels) {
            if (l == label) {
                r++;
            }
        }
        return r;
    }

    /** Average precision of {@code order} (database indices, nearest first); NaN when nothing is relevant. */
    public static double averagePrecision(int[] order, int[] databaseLabels, int label) {
        int relevant = relevantCount(databaseLabels, label);
        if (relevant == 0) {
            return Double.NaN;
        }
        double sum = 0;
        int hits = 0;
        for (int i = 0; i < order.length && hits < relevant; i++) {
            if (databaseLabels[order[i]] == label) {
                hits++;
                sum += hits / (double) (i + 1);
            }
        }
        return sum / relevant;
    }

    /** Share of relevant items among the first k of {@code order}. */
    public static double precisionAt(int[] order, int[] databaseLabels, int label, int k) {
        if (k < 1 || k > order.length) {
            throw new IllegalArgumentException("precision@k needs k between 1 and " + order.length + ", got " + k);
        }
        int hits = 0;
        for (int i = 0; i < k; i++) {
            if (databaseLabels[order[i]] == label) {
                hits++;
            }
        }
        return hits / (double) k;
    }

    /**
     * Relevant items among the first N of {@code order}, for each cutoff N (increasing), written to
     * {@code hits}; precision at N is hits / N and recall hits / R.
     */
    public static void hitsAtCutoffs(int[] order, int[] databaseLabels, int label, int[] cutoffs, int[] hits) {
        int found = 0;
        int c = 0;
        for (int i = 0; i < order.length && c < cutoffs.length; i++) {
            if (databaseLabels[order[i]] == label) {
                found++;
            }
            while (c < cutoffs.length && cutoffs[c] == i + 1) {
                hits[c++] = found;
            }
        }
    }

    /**
     * Cutoffs for a precision-recall curve over a database of n items: 1, 2, 3, 5, 7 times the
     * powers of ten below n, and n itself (where recall is 1).
     */
    public static int[] cutoffs(int n) {
        java.util.TreeSet<Integer> set = new java.util.TreeSet<>();
        for (long p = 1; p <= n; p *= 10) {
            for (int m : new int[] {1, 2, 3, 5, 7}) {
                if (p * m <= n) {
                    set.add((int) (p * m));
                }
            }
        }
        set.add(n);
        return set.stream().mapToInt(Integer::intValue).toArray();
    }
}
