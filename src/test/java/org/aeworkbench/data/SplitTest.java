package org.aeworkbench.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.aeworkbench.engine.tensor.Shape;
import org.junit.jupiter.api.Test;

class SplitTest {

    /** 100 samples of one feature whose value is the sample's index; label = 0 for 90 of them, 1 for 10. */
    private static Dataset imbalanced() {
        float[] v = new float[100];
        int[] labels = new int[100];
        for (int i = 0; i < 100; i++) {
            v[i] = i;
            labels[i] = i < 90 ? 0 : 1;
        }
        return new Dataset("imb", Shape.vector(1), v, labels, List.of("a", "b"), "test");
    }

    @Test
    void stratifiedKeepsClassProportionsInEveryPart() {
        Split s = Split.of(imbalanced(), 0.2, 0.1, 42);
        assertArrayEquals(new int[] {63, 7}, Labels.counts(s.train().labels(), 2));
        assertArrayEquals(new int[] {18, 2}, Labels.counts(s.validation().labels(), 2));
        assertArrayEquals(new int[] {9, 1}, Labels.counts(s.test().labels(), 2));
    }

    @Test
    void partsAreDisjointAndCoverEverySample() {
        Split s = Split.of(imbalanced(), 0.2, 0.1, 42);
        Set<Float> seen = new HashSet<>();
        for (Dataset part : List.of(s.train(), s.validation(), s.test())) {
            for (int i = 0; i < part.samples(); i++) {
                float id = part.values()[i];
                assertTrue(seen.add(id), "sample " + id + " in two parts");
                // Labels travel with their samples.
                assertEquals(id < 90 ? 0 : 1, part.labels()[i]);
            }
        }
        assertEquals(100, seen.size());
    }

    @Test
    void deterministicForASeedAndDifferentForAnother() {
        Split a = Split.of(imbalanced(), 0.2, 0.1, 7);
        Split b = Split.of(imbalanced(), 0.2, 0.1, 7);
        Split c = Split.of(imbalanced(), 0.2, 0.1, 8);
        assertArrayEquals(a.train().values(), b.train().values());
        assertArrayEquals(a.test().values(), b.test().values());
        assertFalse(Arrays.equals(a.train().values(), c.train().values()));
    }

    @Test
    void unlabelledDataIsSplitByFraction() {
        Dataset d = DatasetRegistry.load("curves:n=50");
        Split s = Split.of(d, 0.1, 0.2, 1);
        assertEquals(35, s.train().samples());
        assertEquals(5, s.validation().samples());
        assertEquals(10, s.test().samples());
        assertEquals(Shape.image(28, 28, 1), s.test().sampleShape());
    }

    @Test
    void zeroFractionsGiveEmptyParts() {
        Split s = Split.of(imbalanced(), 0, 0, 1);
        assertEquals(100, s.train().samples());
        assertEquals(0, s.validation().samples());
        assertEquals(0, s.test().samples());
    }

    @Test
    void badFractionsAreRefusedWithMessages() {
        DataException e = assertThrows(DataException.class, () -> Split.of(imbalanced(), -0.1, 0.1, 1));
        assertTrue(e.getMessage().contains("validation fraction -0.1"), e.getMessage());
        e = assertThrows(DataException.class, () -> Split.of(imbalanced(), 0.5, 0.5, 1));
        assertTrue(e.getMessage().contains("nothing for training"), e.getMessage());
        e = assertThrows(DataException.class, () -> Split.of(imbalanced(), 0.1, Double.NaN, 1));
        assertTrue(e.getMessage().contains("test fraction NaN"), e.getMessage());
    }

    @Test
    void heldOutTestSetIsKeptAndMustMatchShape() {
        Dataset test = new Dataset("held", Shape.vector(1), new float[] {500, 501}, null, List.of(), "");
        Split s = Split.withHeldOutTest(imbalanced(), test, 0.1, 3);
        assertEquals(90, s.train().samples());
        assertEquals(10, s.validation().samples());
        assertArrayEquals(new float[] {500, 501}, s.test().values());
        Dataset wide = new Dataset("wide", Shape.vector(2), new float[2], null, List.of(), "");
        assertThrows(DataException.class, () -> Split.withHeldOutTest(imbalanced(), wide, 0.1, 3));
    }
}
