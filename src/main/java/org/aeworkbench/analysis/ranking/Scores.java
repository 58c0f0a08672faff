package org.aeworkbench.analysis.ranking;

/** Checks shared by the ranking measures on their inputs. */
final class Scores {

    private Scores() {
    }

    static void checkNoNaN(double[] scores) {
        for (int i = 0; i < scores.length; i++) {
            if (Double.isNaN(scores[i])) {
                throw new IllegalArgumentException("the score of sample " + (i + 1) + " is NaN; a score must be a number to be ranked");
            }
        }
    }

    static void checkSameLength(double[] scores, boolean[] positive) {
        if (scores.length != positive.length) {
            throw new IllegalArgumentException(scores.length + " scores but " + positive.length + " truth values; give one per sample");
        }
        checkNoNaN(scores);
    }
}
