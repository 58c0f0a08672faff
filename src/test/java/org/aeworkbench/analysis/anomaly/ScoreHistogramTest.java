package org.aeworkbench.analysis.anomaly;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class ScoreHistogramTest {

    @Test
    void countsEachGroupInEqualBinsOverTheWholeRange() {
        double[] s = {0, 1, 2, 3, 4, 4, 10};
        boolean[] a = {false, false, false, true, false, true, true};
        ScoreHistogram h = ScoreHistogram.of(s, a, 5);
        assertArrayEquals(new double[] {0, 2, 4, 6, 8, 10}, h.edges(), 0.0);
        // [0,2): 0 1   [2,4): 2 3(a)   [4,6): 4 4(a)   [6,8): -   [8,10]: 10(a), the top edge in the last bin
        assertArrayEquals(new int[] {2, 1, 1, 0, 0}, h.normal());
        assertArrayEquals(new int[] {0, 1, 1, 0, 1}, h.anomalous());
        // Without labels every sample is normal; one distinct value still gets a bin of width one.
        ScoreHistogram one = ScoreHistogram.of(new double[] {3, 3}, null, 2);
        assertArrayEquals(new double[] {2.5, 3, 3.5}, one.edges(), 0.0);
        assertArrayEquals(new int[] {0, 2}, one.normal());
    }
}
