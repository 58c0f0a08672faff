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

    @Test
    void whenEveryClassIsTooSmallForItsShareTheSplitIsBySamplesAndSaysSo() {
        // Ten classes of one sample each: 20% of one sample rounds to none, in every class.
        float[] v = new float[10];
        int[] labels = new int[10];
        for (int i = 0; i < 10; i++) {
            v[i] = i;
            labels[i] = i;
        }
        Dataset singles = new Dataset("singles", Shape.vector(1), v, labels,
                List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), "test");
        Split s = Split.of(singles, 0, 0.2, 3);
        assertEquals(8, s.train().samples());
        assertEquals(2, s.test().samples());
        assertEquals("split by samples, not by class: 20% of each class rounds to no test samples", s.note());
        Split v2 = Split.of(singles, 0.1, 0, 3);
        assertEquals(1, v2.validation().samples(), "a validation share asked for is never left empty");
        assertTrue(v2.note().contains("validation"), v2.note());
        assertEquals(null, Split.of(imbalanced(), 0.2, 0.1, 42).note(), "a plain stratified split needs no note");
    }

    @Test
    void aTinyUnlabelledSetStillHoldsOneSampleOut() {
        Dataset four = new Dataset("four", Shape.vector(1), new float[] {1, 2, 3, 4}, null, List.of(), "");
        Split s = Split.of(four, 0.1, 0, 1);
        assertEquals(3, s.train().samples());
        assertEquals(1, s.validation().samples());
        assertEquals("at least one sample held out: 10% of 4 samples rounds to no validation samples", s.note());
    }

    @Test
    void theAssignmentNamesTheRowsOfEachPart() {
        Split.Assignment a = Split.assign(imbalanced(), 0.2, 0.1, 42);
        Split s = Split.of(imbalanced(), 0.2, 0.1, 42);
        assertArrayEquals(imbalanced().subset(a.validation(), "v").values(), s.validation().values());
        assertArrayEquals(imbalanced().subset(a.train(), "t").values(), s.train().values());
    }
}
