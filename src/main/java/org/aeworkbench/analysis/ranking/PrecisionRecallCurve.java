package org.aeworkbench.analysis.ranking;

/**
 * Precision-recall points in order of decreasing threshold (increasing recall). The arrays are
 * shared; treat them as read-only.
 *
 * @param recall     x of each point
 * @param precision  y of each point
 * @param thresholds samples scoring at or above this are flagged; +infinity for the first point
 *                   (nothing flagged, precision taken as 1 as scikit-learn does)
 */
public record PrecisionRecallCurve(double[] recall, double[] precision, double[] thresholds) {
}
