package org.aeworkbench.analysis.ranking;

/**
 * Receiver operating characteristic points in order of decreasing threshold (increasing rates).
 * The arrays are shared; treat them as read-only.
 *
 * @param falsePositiveRate x of each point
 * @param truePositiveRate  y of each point (recall)
 * @param thresholds        samples scoring at or above this are flagged; +infinity for the first point
 */
public record RocCurve(double[] falsePositiveRate, double[] truePositiveRate, double[] thresholds) {

    /** Trapezoidal area under the points; equals {@link Auroc} (ties are one point, so one diagonal step). */
    public double area() {
        double a = 0;
        for (int k = 1; k < thresholds.length; k++) {
            a += (falsePositiveRate[k] - falsePositiveRate[k - 1]) * (truePositiveRate[k] + truePositiveRate[k - 1]) / 2;
        }
        return a;
    }
}
