package org.aeworkbench.analysis.ranking;

import java.util.Arrays;

/**
 * Every way of cutting a list of scores with one threshold: the distinct scores in decreasing
 * order, and at each the number of positives and negatives scoring at or above it. ROC and
 * precision-recall curves, average precision and the best F1 all read these counts, which is how
 * scikit-learn builds them ({@code _binary_clf_curve}): tied scores are one threshold, never split.
 *
 * <p>Built by sorting the positives' and the negatives' scores apart and walking both from the
 * top, so no sample index is boxed. Immutable; accessors return copies.
 */
public final class ThresholdSweep {

    private final double[] thresholds;
    private final int[] truePositives;
    private final int[] falsePositives;
    private final int positives;
    private final int negatives;

    private ThresholdSweep(double[] thresholds, int[] truePositives, int[] falsePositives, int positives, int negatives) {
        this.thresholds = thresholds;
        this.truePositives = truePositives;
        this.falsePositives = falsePositives;
        this.positives = positives;
        this.negatives = negatives;
    }

    /**
     * @param scores   one score per sample, higher meaning "more likely positive"
     * @param positive whether each sample is positive
     */
    public static ThresholdSweep of(double[] scores, boolean[] positive) {
        Scores.checkSameLength(scores, positive);
        int p = 0;
        for (boolean b : positive) {
            p += b ? 1 : 0;
        }
        double[] pos = new double[p];
        double[] neg = new double[scores.length - p];
        for (int i = 0, a = 0, b = 0; i < scores.length; i++) {
            if (positive[i]) {
                pos[a++] = scores[i];
            } else {
                neg[b++] = scores[i];
            }
        }
        Arrays.sort(pos);
        Arrays.sort(neg);
        double[] t = new double[scores.length];
        int[] tp = new int[scores.length];
        int[] fp = new int[scores.length];
        int i = pos.length - 1;
        int j = neg.length - 1;
        int k = 0;
        int tpCount = 0;
        int fpCount = 0;
        while (i >= 0 || j >= 0) {
            double next = i < 0 ? neg[j] : j < 0 ? pos[i] : Math.max(pos[i], neg[j]);
            while (i >= 0 && pos[i] == next) {
                tpCount++;
                i--;
            }
            while (j >= 0 && neg[j] == next) {
                fpCount++;
                j--;
            }
            t[k] = next;
            tp[k] = tpCount;
            fp[k] = fpCount;
            k++;
        }
        return new ThresholdSweep(Arrays.copyOf(t, k), Arrays.copyOf(tp, k), Arrays.copyOf(fp, k), pos.length, neg.length);
    }

    public int positives() {
        return positives;
    }

    public int negatives() {
        return negatives;
    }

    /** The distinct scores, largest first: each is a threshold "flag what scores at or above it". */
    public double[] thresholds() {
        return thresholds.clone();
    }

    /** The counts when samples scoring at or above {@code threshold} are flagged. */
    public Confusion at(double threshold) {
        // thresholds are descending: count those >= threshold.
        int lo = 0;
        int hi = thresholds.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (thresholds[mid] >= threshold) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo == 0 ? confusion(0, 0) : confusion(truePositives[lo - 1], falsePositives[lo - 1]);
    }

    private Confusion confusion(int tp, int fp) {
        return new Confusion(tp, fp, positives - tp, negatives - fp);
    }

    /**
     * The ROC curve: false-positive rate against true-positive rate, from (0, 0) (threshold
     * +infinity, nothing flagged) through one point per distinct score to (1, 1). As scikit-learn's
     * {@code roc_curve(drop_intermediate=False)}; NaN rates without positives or negatives.
     */
    public RocCurve roc() {
        int m = thresholds.length + 1;
        double[] fpr = new double[m];
        double[] tpr = new double[m];
        double[] t = new double[m];
        t[0] = Double.POSITIVE_INFINITY;
        fpr[0] = negatives == 0 ? Double.NaN : 0;
        tpr[0] = positives == 0 ? Double.NaN : 0;
        for (int k = 0; k < thresholds.length; k++) {
            fpr[k + 1] = falsePositives[k] / (double) negatives;
            tpr[k + 1] = truePositives[k] / (double) positives;
            t[k + 1] = thresholds[k];
        }
        return new RocCurve(fpr, tpr, t);
    }

    /**
     * The precision-recall curve, one point per distinct score from the highest threshold down,
     * then the point (recall 0, precision 1) with threshold +infinity that scikit-learn's
     * {@code precision_recall_curve} appends; here in order of increasing recall, so the appended
     * point comes first.
     */
    public PrecisionRecallCurve precisionRecall() {
        int m = thresholds.length + 1;
        double[] recall = new double[m];
        double[] precision = new double[m];
        double[] t = new double[m];
        recall[0] = 0;
        precision[0] = 1;
        t[0] = Double.POSITIVE_INFINITY;
        for (int k = 0; k < thresholds.length; k++) {
            recall[k + 1] = truePositives[k] / (double) positives;
            precision[k + 1] = truePositives[k] / (double) (truePositives[k] + falsePositives[k]);
            t[k + 1] = thresholds[k];
        }
        return new PrecisionRecallCurve(recall, precision, t);
    }

    /**
     * Average precision as scikit-learn's {@code average_precision_score}: the precision at each
     * threshold weighted by the recall gained there, AP = sum_k (R_k - R_(k-1)) P_k with R_(-1) = 0,
     * a step-wise sum with no interpolation between points. NaN without positives.
     */
    public double averagePrecision() {
        if (positives == 0) {
            return Double.NaN;
        }
        double ap = 0;
        int previousTp = 0;
        for (int k = 0; k < thresholds.length; k++) {
            int gained = truePositives[k] - previousTp;
            if (gained > 0) {
                ap += gained / (double) positives * truePositives[k] / (truePositives[k] + falsePositives[k]);
            }
            previousTp = truePositives[k];
        }
        return ap;
    }

    /**
     * The threshold with the highest F1 among the distinct scores; on a tie the higher threshold
     * (fewer samples flagged). Null when there are no positives, where F1 has nothing to find.
     */
    public BestF1 bestF1() {
        if (positives == 0) {
            return null;
        }
        int best = 0;
        double bestF1 = -1;
        for (int k = 0; k < thresholds.length; k++) {
            double f1 = confusion(truePositives[k], falsePositives[k]).f1();
            if (f1 > bestF1) {
                bestF1 = f1;
                best = k;
            }
        }
        return new BestF1(thresholds[best], confusion(truePositives[best], falsePositives[best]));
    }
}
