package org.aeworkbench.analysis.anomaly;

/**
 * Counts of scores in equal-width bins over their whole range, apart for normal samples and
 * anomalies, so the two distributions can be drawn over each other.
 *
 * @param edges     bins + 1 increasing edges; bin b holds lo = edges[b] <= s < edges[b + 1], the last bin
 *                  also its upper edge
 * @param normal    per bin, the normal samples' count (all samples' without labels)
 * @param anomalous per bin, the anomalies' count; all zero without labels
 */
public record ScoreHistogram(double[] edges, int[] normal, int[] anomalous) {

    /**
     * @param anomalous per sample, whether it is an anomaly; null counts every sample as normal
     * @param bins      number of bins (at least 1)
     */
    public static ScoreHistogram of(double[] scores, boolean[] anomalous, int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("a histogram needs at least one bin, not " + bins);
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double s : scores) {
            if (Double.isFinite(s)) {
                lo = Math.min(lo, s);
                hi = Math.max(hi, s);
            }
        }
        if (lo > hi) {
            lo = 0;
            hi = 1;
        } else if (lo == hi) {
            lo -= 0.5;
            hi += 0.5;
        }
        double[] edges = new double[bins + 1];
        for (int b = 0; b <= bins; b++) {
            edges[b] = lo + (hi - lo) * b / bins;
        }
        int[] normal = new int[bins];
        int[] anomalies = new int[bins];
        double width = (hi - lo) / bins;
        for (int i = 0; i < scores.length; i++) {
            if (!Double.isFinite(scores[i])) {
                continue;
            }
            int b = Math.min(bins - 1, (int) ((scores[i] - lo) / width));
            if (anomalous != null && anomalous[i]) {
                anomalies[b]++;
            } else {
                normal[b]++;
            }
        }
        return new ScoreHistogram(edges, normal, anomalies);
    }
}
