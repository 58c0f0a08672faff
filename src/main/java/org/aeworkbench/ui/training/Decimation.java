package org.aeworkbench.ui.training;

/** Picks which points of a long curve to draw so that its shape survives: min-max per bucket. */
final class Decimation {

    private Decimation() {
    }

    /**
     * The indices, in increasing order, of at most {@code budget} of the first {@code n} values:
     * all of them when they fit; otherwise the first and last point, and for each of
     * {@code (budget - 2) / 2} equal runs of the points between them, the run's lowest and highest
     * value (NaN and infinities, which a chart does not draw, are never chosen over finite values).
     */
    static int[] minMax(double[] values, int n, int budget) {
        if (budget < 4) {
            throw new IllegalArgumentException("a budget of at least 4 points is needed, got " + budget);
        }
        if (n <= budget) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            return all;
        }
        int buckets = (budget - 2) / 2;
        int[] keep = new int[2 + 2 * buckets];
        int k = 0;
        keep[k++] = 0;
        int inner = n - 2;
        for (int b = 0; b < buckets; b++) {
            int from = 1 + (int) ((long) b * inner / buckets);
            int to = 1 + (int) ((long) (b + 1) * inner / buckets);
            int lo = -1;
            int hi = -1;
            for (int i = from; i < to; i++) {
                double v = values[i];
                if (!Double.isFinite(v)) {
                    continue;
                }
                if (lo < 0 || v < values[lo]) {
                    lo = i;
                }
                if (hi < 0 || v > values[hi]) {
                    hi = i;
                }
            }
            if (lo < 0) {
                continue; // nothing drawable in this run
            }
            keep[k++] = Math.min(lo, hi);
            if (hi != lo) {
                keep[k++] = Math.max(lo, hi);
            }
        }
        keep[k++] = n - 1;
        return java.util.Arrays.copyOf(keep, k);
    }
}
