package org.aeworkbench.analysis.ranking;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ThresholdSweepTest {

    private static final ThresholdSweep REFERENCE = ThresholdSweep.of(RankingReference.SCORES, RankingReference.POSITIVE);

    @Test
    void averagePrecisionMatchesScikitLearn() {
        assertEquals(RankingReference.AVERAGE_PRECISION_SCORE, REFERENCE.averagePrecision(), 1e-15);
        boolean[] y = {false, false, true, true};
        // scikit-learn's documentation example: recall 1/2 at precision 1, then 1 at precision 2/3.
        assertEquals(0.8333333333333333, ThresholdSweep.of(new double[] {0.1, 0.4, 0.35, 0.8}, y).averagePrecision(), 1e-15);
        // A tie across classes is one step: recall 1/2 at precision 1/2, then 1 at precision 2/4: 0.5.
        assertEquals(0.5, ThresholdSweep.of(new double[] {0.9, 0.9, 0.5, 0.5, 0.1},
                new boolean[] {true, false, true, false, false}).averagePrecision(), 0.0);
        // All tied: one threshold flags everything, AP = the share of positives.
        assertEquals(0.5, ThresholdSweep.of(new double[] {1, 1, 1, 1}, y).averagePrecision(), 0.0);
        assertEquals(1.0, ThresholdSweep.of(new double[] {0, 1, 2, 3}, y).averagePrecision(), 0.0);
    }

    @Test
    void rocCurveMatchesScikitLearn() {
        RocCurve roc = REFERENCE.roc();
        assertArrayEquals(RankingReference.ROC_FPR, roc.falsePositiveRate(), 1e-15);
        assertArrayEquals(RankingReference.ROC_TPR, roc.truePositiveRate(), 1e-15);
        assertArrayEquals(RankingReference.ROC_THRESHOLDS, roc.thresholds(), 0.0);
        assertEquals(RankingReference.ROC_AUC_SCORE, roc.area(), 1e-15);
    }

    @Test
    void precisionRecallCurveMatchesScikitLearnReversed() {
        PrecisionRecallCurve pr = REFERENCE.precisionRecall();
        assertArrayEquals(reversed(RankingReference.PR_PRECISION), pr.precision(), 1e-15);
        assertArrayEquals(reversed(RankingReference.PR_RECALL), pr.recall(), 1e-15);
        double[] t = pr.thresholds();
        assertEquals(Double.POSITIVE_INFINITY, t[0]);
        assertArrayEquals(reversed(RankingReference.PR_THRESHOLDS), java.util.Arrays.copyOfRange(t, 1, t.length), 0.0);
    }

    @Test
    void bestF1MatchesScikitLearn() {
        BestF1 best = REFERENCE.bestF1();
        assertEquals(RankingReference.BEST_F1, best.f1(), 1e-15);
        assertEquals(RankingReference.THRESHOLD_AT_BEST_F1, best.threshold(), 0.0);
        DetectionSummary s = DetectionSummary.of(RankingReference.SCORES, RankingReference.POSITIVE);
        assertEquals(RankingReference.ROC_AUC_SCORE, s.auroc(), 1e-15);
        assertEquals(RankingReference.AVERAGE_PRECISION_SCORE, s.averagePrecision(), 1e-15);
        assertEquals(best.f1(), s.bestF1(), 0.0);
        assertEquals(1.1, s.thresholdAtBestF1(), 0.0);
    }

    @Test
    void countsAtAThresholdMatchScikitLearn() {
        // sklearn.metrics.confusion_matrix / precision_score / recall_score / f1_score on scores >= t.
        Confusion at05 = REFERENCE.at(0.5);
        assertEquals(new Confusion(6, 16, 5, 13), at05);
        assertEquals(0.2727272727272727, at05.precision(), 1e-15);
        assertEquals(0.5454545454545454, at05.recall(), 1e-15);
        assertEquals(0.3636363636363636, at05.f1(), 1e-15);
        assertEquals(0.5517241379310345, at05.falsePositiveRate(), 1e-15);
        Confusion at12 = REFERENCE.at(1.2);
        assertEquals(new Confusion(5, 7, 6, 22), at12);
        assertEquals(0.4166666666666667, at12.precision(), 1e-15);
        assertEquals(0.45454545454545453, at12.recall(), 1e-15);
        assertEquals(0.43478260869565216, at12.f1(), 1e-15);
        assertEquals(0.2413793103448276, at12.falsePositiveRate(), 1e-15);
        // Between two scores the count is that of the next score up; above all, nothing is flagged.
        assertEquals(REFERENCE.at(1.2), REFERENCE.at(1.15));
        Confusion none = REFERENCE.at(3.0);
        assertEquals(new Confusion(0, 0, 11, 29), none);
        assertTrue(Double.isNaN(none.precision()));
        assertEquals(0.0, none.f1(), 0.0);
        assertEquals(new Confusion(11, 29, 0, 0), REFERENCE.at(-100));
    }

    @Test
    void infiniteScoresAreRankedAndTiedGroupsStayWhole() {
        ThresholdSweep s = ThresholdSweep.of(new double[] {Double.NEGATIVE_INFINITY, 0.0, -0.0, Double.POSITIVE_INFINITY},
                new boolean[] {false, true, false, true});
        assertArrayEquals(new double[] {Double.POSITIVE_INFINITY, 0.0, Double.NEGATIVE_INFINITY}, s.thresholds(), 0.0);
        assertEquals(new Confusion(2, 1, 0, 1), s.at(0.0));
        // Pairs: +inf over both negatives, 0.0 over -infinity, and 0.0 tied with -0.0 (one half): 3.5 of 4.
        assertEquals(0.875, s.roc().area(), 0.0);
    }

    @Test
    void withoutPositivesThereIsNoBestF1() {
        ThresholdSweep s = ThresholdSweep.of(new double[] {1, 2}, new boolean[] {false, false});
        assertNull(s.bestF1());
        assertTrue(Double.isNaN(s.averagePrecision()));
        assertTrue(Double.isNaN(DetectionSummary.of(new double[] {1, 2}, new boolean[] {false, false}).auroc()));
    }

    private static double[] reversed(double[] a) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = a[a.length - 1 - i];
        }
        return r;
    }
}
