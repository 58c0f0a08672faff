package org.aeworkbench.analysis.ranking;

import java.util.Arrays;

/**
 * Ranks of values in increasing order, 1 for the smallest, with tied values sharing the mean of
 * the ranks they occupy (the "average" method of scipy's {@code rankdata}, and the convention of
 * the Mann-Whitney U statistic).
 */
public final class Ranks {

    private Ranks() {
    }

    /**
     * The averaged rank of each value: a value with {@code below} smaller values and {@code equal}
     * values equal to it (itself included) occupies ranks below + 1 .. below + equal, whose mean is
     * below + (equal + 1) / 2.
     *
     * @throws IllegalArgumentException when a value is NaN, which has no place in an order
     */
    public static double[] averaged(double[] values) {
        Scores.checkNoNaN(values);
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double[] ranks = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            int below = firstAtLeast(sorted, values[i]);
            int equal = firstAbove(sorted, values[i]) - below;
            ranks[i] = below + (equal + 1) / 2.0;
        }
        return ranks;
    }

    /** Index of the first element >= v in an ascending array (its length when there is none). */
    static int firstAtLeast(double[] ascending, double v) {
        int lo = 0;
        int hi = ascending.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (ascending[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Index of the first element > v in an ascending array (its length when there is none). */
    static int firstAbove(double[] ascending, double v) {
        int lo = 0;
        int hi = ascending.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (ascending[mid] <= v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
