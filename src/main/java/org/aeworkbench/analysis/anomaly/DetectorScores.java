package org.aeworkbench.analysis.anomaly;

import org.aeworkbench.analysis.ranking.DetectionSummary;
import org.aeworkbench.analysis.ranking.ThresholdSweep;

/**
 * One detector's scores on the test set and what they achieve. The arrays are shared, not copied;
 * treat them as read-only.
 *
 * @param method          "autoencoder" or "PCA"
 * @param scores          one score per test sample, higher = more anomalous
 * @param reconstructions the test samples' reconstructions, row-major (for galleries)
 * @param sweep           the counts at every threshold; null without labels
 * @param summary         AUROC, AP and the best F1; null without labels
 */
public record DetectorScores(String method, double[] scores, float[] reconstructions, ThresholdSweep sweep,
                             DetectionSummary summary) {

    /** Scores a detector, measuring them against {@code anomalous} when it is given. */
    public static DetectorScores of(String method, double[] scores, float[] reconstructions, boolean[] anomalous) {
        if (anomalous == null) {
            return new DetectorScores(method, scores, reconstructions, null, null);
        }
        ThresholdSweep sweep = ThresholdSweep.of(scores, anomalous);
        return new DetectorScores(method, scores, reconstructions, sweep, DetectionSummary.of(scores, anomalous));
    }

    /** Mean score of the samples where {@code selected} is true (NaN when none is). */
    public double meanScore(boolean[] selected) {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < scores.length; i++) {
            if (selected[i]) {
                sum += scores[i];
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }
}
