package org.aeworkbench.analysis.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Best totals from scipy 1.10's {@code linear_sum_assignment(w, maximize=True)}, computed by
 * src/test/resources/org/aeworkbench/analysis/cluster/cluster_reference.py.
 */
class HungarianTest {

    private static double total(double[][] w, int[] assignment) {
        double t = 0;
        Set<Integer> columns = new HashSet<>();
        for (int r = 0; r < assignment.length; r++) {
            if (assignment[r] >= 0) {
                t += w[r][assignment[r]];
                assertEquals(true, columns.add(assignment[r]), "column " + assignment[r] + " used twice");
            }
        }
        return t;
    }

    @Test
    void squareMatchesScipy() {
        double[][] w = {{0, 13, 8, 12, 5}, {2, 12, 2, 2, 13}, {13, 17, 8, 4, 4}, {4, 2, 14, 15, 9}, {13, 8, 14, 6, 9}};
        assertEquals(69, total(w, Hungarian.maximise(w)), 0.0);
    }

    @Test
    void moreColumnsThanRowsMatchesScipy() {
        double[][] w = {{1, 3, 9, 3, 6, 0}, {7, 2, 10, 6, 13, 1}, {12, 0, 14, 5, 0, 5}, {13, 5, 10, 18, 17, 2}};
        assertEquals(52, total(w, Hungarian.maximise(w)), 0.0);
    }

    @Test
    void moreRowsThanColumnsLeavesTheWeakestRowsWithout() {
        double[][] w = {{18, 9, 0, 4}, {16, 15, 5, 3}, {12, 9, 15, 0}, {16, 11, 18, 0}, {12, 1, 17, 16}, {9, 3, 4, 11}};
        int[] a = Hungarian.maximise(w);
        assertEquals(67, total(w, a), 0.0);
        int without = 0;
        for (int c : a) {
            if (c < 0) {
                without++;
            }
        }
        assertEquals(2, without);
    }

    @Test
    void byHand() {
        // The diagonal is worth 3, the anti-diagonal 2 + 2 = 4.
        assertArrayEquals(new int[] {1, 0}, Hungarian.maximise(new double[][] {{1, 2}, {2, 2}}));
        assertNotEquals(0, Hungarian.maximise(new double[][] {{0, 5}, {0, 0}})[0]);
        assertArrayEquals(new int[0], Hungarian.maximise(new double[0][0]));
    }
}
