package org.aeworkbench.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CodeMomentsTest {

    /** numpy: z = np.array([[1, 2], [3, 1], [0, 0], [2, 5.]]); z.mean(0), np.cov(z.T, ddof=1). */
    @Test
    void meanAndCovarianceAsNumpyComputesThem() {
        CodeMoments m = CodeMoments.of(new float[] {1, 2, 3, 1, 0, 0, 2, 5}, 4, 2);
        assertArrayEquals(new double[] {1.5, 2.0}, m.mean(), 1e-12);
        assertArrayEquals(new double[] {1.6666666667, 1.0, 1.0, 4.6666666667}, m.covariance(), 1e-9);
        assertEquals(2.0, m.largestMeanOffset(), 1e-12);
        assertEquals(3.6666666667, m.largestCovarianceOffset(), 1e-9);
    }
}
