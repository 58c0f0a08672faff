package org.aeworkbench.analysis.ranking;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AurocTest {

    @Test
    void ranksAverageTiesAsScipyDoes() {
        assertArrayEquals(RankingReference.RANKS, Ranks.averaged(RankingReference.SCORES), 0.0);
        assertArrayEquals(new double[] {2.5, 1, 2.5, 4}, Ranks.averaged(new double[] {3, -1, 3, 7}), 0.0);
    }

    @Test
    void matchesScikitLearnOnScoresWithTies() {
        assertEquals(RankingReference.ROC_AUC_SCORE, Auroc.of(RankingReference.SCORES, RankingReference.POSITIVE), 1e-15);
    }

    @Test
    void handCases() {
        boolean[] y = {false, false, true, true};
        // Perfect ranking, reversed ranking, and all tied.
        assertEquals(1.0, Auroc.of(new double[] {0, 1, 2, 3}, y), 0.0);
        assertEquals(0.0, Auroc.of(new double[] {3, 2, 1, 0}, y), 0.0);
        assertEquals(0.5, Auroc.of(new double[] {5, 5, 5, 5}, y), 0.0);
        // scikit-learn's documentation example: 3 of the 4 positive-negative pairs are ordered right.
        assertEquals(0.75, Auroc.of(new double[] {0.1, 0.4, 0.35, 0.8}, y), 0.0);
        // One positive-negative tie counts one half: pairs (0.9+, 0.9-) = 1/2, (0.9+, 0.5-) = 1, (0.9+, 0.1-) = 1,
        // (0.5+, 0.9-) = 0, (0.5+, 0.5-) = 1/2, (0.5+, 0.1-) = 1: 4 of 6.
        assertEquals(4 / 6.0, Auroc.of(new double[] {0.9, 0.9, 0.5, 0.5, 0.1}, new boolean[] {true, false, true, false, false}), 1e-15);
    }

    @Test
    void equalsThePairCountAndTheAreaUnderTheRocCurve() {
        SplittableRandom random = new SplittableRandom(5);
        int n = 500;
        double[] s = new double[n];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            y[i] = random.nextDouble() < 0.2;
            s[i] = Math.floor(random.nextGaussian() * 4 + (y[i] ? 2 : 0)); // coarse: many ties
        }
        double pairs = 0;
        long count = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (y[i] && !y[j]) {
                    pairs += s[i] > s[j] ? 1 : s[i] == s[j] ? 0.5 : 0;
                    count++;
                }
            }
        }
        double auroc = Auroc.of(s, y);
        assertEquals(pairs / count, auroc, 1e-12);
        assertEquals(auroc, ThresholdSweep.of(s, y).roc().area(), 1e-12);
        assertTrue(auroc > 0.6, "a shifted class should rank higher: " + auroc);
    }

    @Test
    void isNanWithoutBothClassesAndRefusesNan() {
        assertTrue(Double.isNaN(Auroc.of(new double[] {1, 2}, new boolean[] {true, true})));
        assertTrue(Double.isNaN(Auroc.of(new double[] {1, 2}, new boolean[] {false, false})));
        var e = assertThrows(IllegalArgumentException.class, () -> Auroc.of(new double[] {1, Double.NaN}, new boolean[] {true, false}));
        assertTrue(e.getMessage().contains("sample 2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Auroc.of(new double[] {1}, new boolean[] {true, false}));
    }
}
