package org.aeworkbench.analysis.ranking;

/**
 * How well a score separates positives from negatives, in the four numbers the anomaly reports
 * print: AUROC (from ranks), average precision (the area under the precision-recall curve as
 * scikit-learn computes it), the best F1 over thresholds and that threshold.
 */
public record DetectionSummary(double auroc, double averagePrecision, double bestF1, double thresholdAtBestF1) {

    /** Needs at least one positive and one negative; otherwise every figure is NaN. */
    public static DetectionSummary of(double[] scores, boolean[] positive) {
        ThresholdSweep sweep = ThresholdSweep.of(scores, positive);
        if (sweep.positives() == 0 || sweep.negatives() == 0) {
            return new DetectionSummary(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        BestF1 best = sweep.bestF1();
        return new DetectionSummary(Auroc.of(scores, positive), sweep.averagePrecision(), best.f1(), best.threshold());
    }
}
