package org.aeworkbench.analysis.ranking;

/**
 * The four counts at one threshold: samples flagged (score at or above it) or not, against their
 * truth. Rates that would divide by zero are NaN, except F1, which is computed as
 * 2 TP / (2 TP + FP + FN) and so is 0 whenever there are errors but no true positives (as
 * scikit-learn's {@code f1_score} with {@code zero_division=0}).
 */
public record Confusion(int truePositives, int falsePositives, int falseNegatives, int trueNegatives) {

    /** TP / (TP + FP): the share of flagged samples that are positive; NaN when nothing is flagged. */
    public double precision() {
        return ratio(truePositives, truePositives + falsePositives);
    }

    /** TP / (TP + FN): the share of positives flagged (true-positive rate); NaN without positives. */
    public double recall() {
        return ratio(truePositives, truePositives + falseNegatives);
    }

    /** FP / (FP + TN): the share of negatives flagged; NaN without negatives. */
    public double falsePositiveRate() {
        return ratio(falsePositives, falsePositives + trueNegatives);
    }

    /** Harmonic mean of precision and recall, 2 TP / (2 TP + FP + FN); NaN only when all three are 0. */
    public double f1() {
        return ratio(2.0 * truePositives, 2.0 * truePositives + falsePositives + falseNegatives);
    }

    public int flagged() {
        return truePositives + falsePositives;
    }

    private static double ratio(double num, double den) {
        return den == 0 ? Double.NaN : num / den;
    }
}
