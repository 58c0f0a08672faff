package org.aeworkbench.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.aeworkbench.engine.tensor.Shape;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BundledMnistTest {

    private static Dataset mnist;

    @BeforeAll
    static void load() {
        mnist = DatasetRegistry.load("mnist");
    }

    @Test
    void hasTenThousandLabelledDigits() {
        assertEquals(10_000, mnist.samples());
        assertEquals(784, mnist.features());
        assertEquals(Shape.image(28, 28, 1), mnist.sampleShape());
        assertTrue(mnist.hasLabels());
        assertEquals(10, mnist.classNames().size());
    }

    @Test
    void everyClassHasAtLeast800Samples() {
        int[] counts = Labels.counts(mnist.labels(), 10);
        for (int c = 0; c < 10; c++) {
            assertTrue(counts[c] >= 800, "class " + c + " has " + counts[c]);
        }
        // The npm package's per-digit file sizes, counted with python3 from 0.json .. 9.json.
        assertEquals(1001, counts[0]);
        assertEquals(1127, counts[1]);
        assertEquals(863, counts[5]);
    }

    @Test
    void valuesAreInUnitIntervalAndOnTheByteGrid() {
        for (float v : mnist.values()) {
            assertTrue(v >= 0f && v <= 1f, "value " + v);
            float bytes = v * 255f;
            assertEquals(Math.round(bytes), bytes, 1e-3);
        }
    }

    /**
     * Golden values computed with python3 straight from the npm JSON: the build script's seeded
     * shuffle puts the package's image 8336 (digit 8) first, whose pixels round(v*255) sum to 19934.
     */
    @Test
    void firstImageMatchesTheSourceJson() {
        assertEquals(8, mnist.labels()[0]);
        double sum = 0;
        for (float v : mnist.sample(0)) {
            sum += Math.round(v * 255f);
        }
        assertEquals(19934, sum, 0);
        assertEquals(4, mnist.labels()[1]);
        assertEquals(8, mnist.labels()[2]);
    }

    @Test
    void shuffledSoAShortPrefixHoldsEveryClass() {
        int[] counts = new int[10];
        for (int i = 0; i < 100; i++) {
            counts[mnist.labels()[i]]++;
        }
        for (int c = 0; c < 10; c++) {
            assertTrue(counts[c] > 0, "class " + c + " missing from the first 100");
        }
    }
}
