package org.aeworkbench.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.aeworkbench.data.Dataset;

/** What a loaded data set must satisfy whatever file it came from. */
final class ValidDatasets {

    private ValidDatasets() {
    }

    static void check(Dataset d) {
        if (d == null) {
            return; // refused
        }
        assertTrue(d.samples() >= 1, "a loaded set has samples");
        assertEquals((long) d.samples() * d.features(), d.values().length);
        if (d.hasLabels()) {
            assertEquals(d.samples(), d.labels().length);
            for (int label : d.labels()) {
                assertTrue(label >= 0 && label < d.classNames().size(),
                        "label " + label + " has a class name (" + d.classNames().size() + " classes)");
            }
        }
    }

    /** CSV cells are refused unless finite, so a CSV set holds finite values only. */
    static void checkFinite(Dataset d) {
        if (d == null) {
            return;
        }
        for (float v : d.values()) {
            assertTrue(Float.isFinite(v), "a CSV set holds finite values, not " + v);
        }
    }

    /** Images become gray levels on the byte scale, 0..255. */
    static void checkByteScale(Dataset d) {
        if (d == null) {
            return;
        }
        for (float v : d.values()) {
            assertTrue(v >= 0 && v <= 255, "an image pixel lies in [0, 255], not " + v);
        }
    }
}
