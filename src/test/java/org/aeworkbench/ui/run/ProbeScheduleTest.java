package org.aeworkbench.ui.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ProbeScheduleTest {

    @Test
    void aLargeTrainingSetAffordsExtraProbesWithinTheEpoch() {
        // 54,000 samples in batches of 128: 422 batches; 0.12 * 54,000 / 2,000 = 3.24, so 3 extra
        // probes, one every 422 / 4 = 105 batches.
        assertEquals(105, ProbeSchedule.batchesBetweenProbes(54_000, 128, 2000));
    }

    @Test
    void aSmallOneProbesAtTheEpochsEndOnly() {
        // 900 samples: 0.12 * 900 / 500 = 0.2 extra probes, none; more than the 15 batches of an epoch.
        assertEquals(16, ProbeSchedule.batchesBetweenProbes(900, 64, 500));
    }
}
