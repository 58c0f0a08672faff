package org.aeworkbench.ui.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.aeworkbench.ui.dataset.DataModel;
import org.aeworkbench.ui.dataset.DataReference;
import org.aeworkbench.ui.dataset.PreparedData;
import org.junit.jupiter.api.Test;

class ProbeSetTest {

    private static final PreparedData DATA = DataModel.prepare(DataReference.of("mnist").withLimit(6000));

    @Test
    void withEnoughValidationSamplesTheProbeIsEveryOneOfThem() {
        PreparedData.TrainSplit split = DATA.split(0.2, 1);
        ProbeSet p = ProbeSet.forSplit(DATA.all(), split, 1);
        assertEquals(750, ProbeSet.sizeFor(6000), "an eighth, for a draw");
        assertEquals(split.validation().samples(), p.size(), "every validation sample, up to " + ProbeSet.MAX);
        assertTrue(p.size() > 750, "more than a draw would take");
        assertArrayEquals(Arrays.copyOf(split.validationIndices(), p.size()), p.indices());
        assertArrayEquals(Arrays.copyOf(split.validation().values(), p.size() * 784), p.values(), "rows as the trainer sees them");
        assertTrue(p.leadsValidationOf(split));
        assertTrue(p.validation());
        assertFalse(p.leadsValidationOf(DATA.split(0.3, 1)), "another split has other validation samples");
    }

    @Test
    void aValidationSetSmallerThanADrawButAboveTheFloorIsFollowedWhole() {
        PreparedData.TrainSplit split = DATA.split(0.1, 1); // 600 validation samples; a draw would be 750
        ProbeSet p = ProbeSet.forSplit(DATA.all(), split, 1);
        assertEquals(600, p.size());
        assertTrue(p.leadsValidationOf(split));
    }

    @Test
    void withTooFewValidationSamplesTheProbeIsADrawFromAllTheData() {
        PreparedData.TrainSplit split = DATA.split(0.05, 1); // 300 validation samples, below the floor of 500
        ProbeSet p = ProbeSet.forSplit(DATA.all(), split, 1);
        assertEquals(750, p.size());
        assertFalse(p.leadsValidationOf(split));
        assertFalse(p.validation());
        assertArrayEquals(ProbeSet.of(DATA.all(), 750, 1).indices(), p.indices());
    }
}
