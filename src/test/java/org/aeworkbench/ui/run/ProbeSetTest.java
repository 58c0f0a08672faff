package org.aeworkbench.ui.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
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
        for (int r = 0; r < p.size(); r += 97) {
            assertArrayEquals(DATA.all().sample(p.indices()[r]), Arrays.copyOfRange(p.values(), r * 784, (r + 1) * 784),
                    "row " + r + " is the data set's sample " + p.indices()[r]);
            assertEquals(DATA.all().labels()[p.indices()[r]], p.labels()[r]);
        }
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

    @Test
    void moreValidationSamplesThanTheMostFollowedGiveTheLeadingOnes() {
        int n = ProbeSet.MAX + 50;
        float[] values = new float[3 * n];
        int[] labels = new int[n];
        int[] at = new int[n];
        for (int i = 0; i < n; i++) {
            at[i] = n - 1 - i; // the validation set in the split's order, not the data set's
            labels[i] = at[i] % 7;
            for (int j = 0; j < 3; j++) {
                values[3 * i + j] = at[i] + j / 4f;
            }
        }
        var shape = org.aeworkbench.engine.tensor.Shape.vector(3);
        var validation = new org.aeworkbench.data.Dataset("v", shape, values, labels, java.util.List.of("a", "b", "c", "d", "e", "f", "g"), "test");
        var split = new PreparedData.TrainSplit(validation, validation, at, at, 0.5, 1);
        ProbeSet p = ProbeSet.forSplit(DATA.all(), split, 1);
        assertEquals(ProbeSet.MAX, p.size());
        assertSame(values, p.values(), "the validation rows are shared, not copied, as Train is pressed");
        assertEquals(3, p.features());
        assertEquals(ProbeSet.MAX, p.labels().length);
        int last = ProbeSet.MAX - 1;
        assertEquals(n - 1 - last, p.indices()[last]);
        assertArrayEquals(new float[] {n - 1 - last, n - 1 - last + 0.25f, n - 1 - last + 0.5f}, p.row(last));
        assertEquals((n - 1 - last) % 7, p.labels()[last]);
    }

    @Test
    void theLeadingSamplesAreTheDataSetsFirstRowsInOrder() {
        ProbeSet every = ProbeSet.leading(DATA.all(), DATA.all().samples());
        ProbeSet some = ProbeSet.leading(DATA.all(), 1000);
        assertEquals(DATA.all().samples(), every.size());
        assertEquals(1000, some.size());
        assertEquals(1000 * 784, some.values().length);
        assertSame(DATA.all().values(), every.values(), "every sample: the data set's own array");
        for (ProbeSet p : new ProbeSet[] {every, some}) {
            assertFalse(p.validation());
            for (int r = 0; r < p.size(); r += 331) {
                assertEquals(r, p.indices()[r]);
                assertArrayEquals(DATA.all().sample(r), Arrays.copyOfRange(p.values(), r * 784, (r + 1) * 784));
                assertEquals(DATA.all().labels()[r], p.labels()[r]);
            }
        }
    }
}
