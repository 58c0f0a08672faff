package org.aeworkbench.ui.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.jfree.data.xy.XYSeries;
import org.junit.jupiter.api.Test;

class DecimationTest {

    @Test
    void shortCurvesAreDrawnWhole() {
        assertArrayEquals(new int[] {0, 1, 2, 3, 4}, Decimation.minMax(new double[] {5, 1, 4, 2, 3}, 5, 8));
        assertArrayEquals(new int[0], Decimation.minMax(new double[0], 0, 8));
    }

    @Test
    void longCurvesKeepEndsAndEveryBucketsExtremesWithinBudget() {
        SplittableRandom r = new SplittableRandom(7);
        for (int n : new int[] {9, 601, 1000, 23_451}) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = 1.0 / (1 + i * 0.01) + 0.2 * r.nextGaussian();
            }
            int budget = 8;
            int[] keep = Decimation.minMax(v, n, budget);
            assertTrue(keep.length <= budget, n + " points gave " + keep.length);
            assertEquals(0, keep[0]);
            assertEquals(n - 1, keep[keep.length - 1]);
            for (int i = 1; i < keep.length; i++) {
                assertTrue(keep[i] > keep[i - 1], "indices in time order");
            }
            int lowest = 0;
            int highest = 0;
            for (int i = 1; i < n; i++) {
                lowest = v[i] < v[lowest] ? i : lowest;
                highest = v[i] > v[highest] ? i : highest;
            }
            int[] sorted = keep.clone();
            Arrays.sort(sorted);
            assertTrue(Arrays.binarySearch(sorted, lowest) >= 0, "the lowest loss is drawn");
            assertTrue(Arrays.binarySearch(sorted, highest) >= 0, "the highest loss is drawn");
        }
    }

    @Test
    void undrawableValuesAreNotChosenOverFiniteOnes() {
        double[] v = new double[100];
        Arrays.fill(v, Double.NaN);
        v[0] = 1;
        v[37] = 2;
        v[99] = 3;
        int[] keep = Decimation.minMax(v, 100, 6);
        assertArrayEquals(new int[] {0, 37, 99}, keep);
    }

    @Test
    void aBudgetTooSmallToHoldTheEndsAndOneBucketIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Decimation.minMax(new double[10], 10, 3));
    }

    @Test
    void aTraceAppendsWhileItFitsThenDecimatesAndALogAxisHidesWhatItCannotShow() {
        Trace t = new Trace(new XYSeries("batch", false, true));
        for (int i = 0; i < 10; i++) {
            t.add(i, i - 2); // -2 .. 7
        }
        t.publish(20, false);
        assertEquals(10, t.shown().getItemCount());
        t.invalidate();
        t.publish(20, true);
        assertEquals(7, t.shown().getItemCount(), "0 and below are left out on a log axis");
        t.invalidate();
        t.publish(20, false);
        assertEquals(10, t.shown().getItemCount(), "and come back on a linear one");
        for (int i = 10; i < 1000; i++) {
            t.add(i, Math.sin(i));
        }
        t.publish(20, false);
        assertTrue(t.shown().getItemCount() <= 20, "decimated to the budget: " + t.shown().getItemCount());
        assertEquals(999.0, t.shown().getX(t.shown().getItemCount() - 1).doubleValue(), "the newest point is drawn");
        assertEquals(1000, t.size(), "every point is kept");
    }
}
