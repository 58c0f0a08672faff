package org.aeworkbench.analysis.ranking;

/**
 * Area under the ROC curve from ranks: the probability that a positive sample scores higher than
 * a negative one, counting ties as one half. With R+ the sum of the positives' ranks among all
 * scores (ties averaged, {@link Ranks}), P positives and N negatives,
 * <pre>  AUROC = (R+ - P (P + 1) / 2) / (P N),</pre>
 * the Mann-Whitney U statistic divided by P N (Mann and Whitney 1947; Hanley and McNeil,
 * "The meaning and use of the area under a ROC curve", Radiology 1982). It equals the trapezoidal
 * area under {@link ThresholdSweep#roc()} and scikit-learn's {@code roc_auc_score}.
 */
public final class Auroc {

    private Auroc() {
    }

    /**
     * @param scores   one score per sample, higher meaning "more likely positive"
     * @param positive whether each sample is positive (for anomaly detection: an anomaly)
     * @return the area, or NaN when there are no positives or no negatives
     */
    public static double of(double[] scores, boolean[] positive) {
        Scores.checkSameLength(scores, positive);
        double[] ranks = Ranks.averaged(scores);
        long p = 0;
        double rankSum = 0;
        for (int i = 0; i < ranks.length; i++) {
            if (positive[i]) {
                p++;
                rankSum += ranks[i];
            }
        }
        long n = ranks.length - p;
        if (p == 0 || n == 0) {
            return Double.NaN;
        }
        return (rankSum - p * (p + 1) / 2.0) / ((double) p * n);
    }
}
