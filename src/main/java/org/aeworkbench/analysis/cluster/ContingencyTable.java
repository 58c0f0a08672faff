package org.aeworkbench.analysis.cluster;

/**
 * Counts of samples per (cluster, class) pair: the confusion matrix of a clustering against the
 * labels, from which every agreement measure here is computed.
 *
 * @param counts   clusters x classes, counts[c][l] samples of class l in cluster c
 * @param clusters number of clusters (rows), the largest cluster index + 1
 * @param classes  number of classes (columns), the largest label + 1
 */
public record ContingencyTable(long[][] counts, int clusters, int classes) {

    /** Tabulates two labellings of the same samples; both must hold non-negative indices. */
    public static ContingencyTable of(int[] clusterOf, int[] labels) {
        if (clusterOf.length != labels.length) {
            throw new IllegalArgumentException(clusterOf.length + " cluster assignments for " + labels.length + " labels");
        }
        int k = 1 + max(clusterOf, "cluster");
        int c = 1 + max(labels, "label");
        long[][] counts = new long[k][c];
        for (int i = 0; i < labels.length; i++) {
            counts[clusterOf[i]][labels[i]]++;
        }
        return new ContingencyTable(counts, k, c);
    }

    private static int max(int[] values, String what) {
        int max = -1;
        for (int v : values) {
            if (v < 0) {
                throw new IllegalArgumentException("a " + what + " index is " + v + "; indices must be 0 or more");
            }
            max = Math.max(max, v);
        }
        return max;
    }

    /** Number of samples. */
    public long total() {
        long n = 0;
        for (long[] row : counts) {
            for (long v : row) {
                n += v;
            }
        }
        return n;
    }

    /** Samples per cluster. */
    public long[] clusterSizes() {
        long[] s = new long[clusters];
        for (int a = 0; a < clusters; a++) {
            for (long v : counts[a]) {
                s[a] += v;
            }
        }
        return s;
    }

    /** Samples per class. */
    public long[] classSizes() {
        long[] s = new long[classes];
        for (long[] row : counts) {
            for (int b = 0; b < classes; b++) {
                s[b] += row[b];
            }
        }
        return s;
    }
}
