package org.aeworkbench.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ReconstructionErrorTest {

    @Test
    void summedAndPerFeatureErrorsByHand() {
        float[] inputs = {1, 2, 3, 0, 0, 0};
        float[] recon = {1, 0, 3, 1, 1, -1};
        // Sample 0: (2)^2 = 4; sample 1: 1 + 1 + 1 = 3. Mean summed: 3.5; per value: 7 / 6.
        ReconstructionError e = ReconstructionError.of(inputs, recon, 2, 3);
        assertEquals(3.5, e.meanSummedSquaredError(), 1e-15);
        assertEquals(7.0 / 6.0, e.perFeatureError(), 1e-15);
        assertEquals(7.0, e.totalSquaredError(), 1e-15);
        org.junit.jupiter.api.Assertions.assertArrayEquals(new double[] {4, 3},
                ReconstructionError.perSample(inputs, recon, 2, 3), 0.0);
    }
}
