package org.aeworkbench.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.aeworkbench.engine.tensor.Shape;
import org.junit.jupiter.api.Test;

class PreprocessingTest {

    /** Two features; rows (1, 10), (3, 10), (5, 40). */
    private static final Dataset TRAIN = new Dataset("t", Shape.vector(2), new float[] {1, 10, 3, 10, 5, 40},
            null, List.of(), "test");
    private static final Dataset OTHER = new Dataset("o", Shape.vector(2), new float[] {7, 25}, null, List.of(), "test");

    @Test
    void noneReturnsTheSameSet() {
        assertSame(TRAIN, Preprocessing.fit(Scaling.NONE, TRAIN).apply(TRAIN));
    }

    @Test
    void divideBy255() {
        Dataset bytes = new Dataset("b", Shape.vector(2), new float[] {0, 255, 51, 127.5f}, null, List.of(), "test");
        assertArrayEquals(new float[] {0, 1, 0.2f, 0.5f}, Preprocessing.fit(Scaling.DIVIDE_255, bytes).apply(bytes).values(), 1e-7f);
    }

    @Test
    void minMaxPerFeatureFittedOnTrain() {
        Preprocessing p = Preprocessing.fit(Scaling.MIN_MAX, TRAIN);
        // Feature 0: min 1, range 4. Feature 1: min 10, range 30.
        assertArrayEquals(new float[] {0, 0, 0.5f, 0, 1, 1}, p.apply(TRAIN).values(), 1e-7f);
        assertArrayEquals(new float[] {1.5f, 0.5f}, p.apply(OTHER).values(), 1e-7f);
        assertTrue(p.apply(TRAIN).inUnitInterval());
        assertFalse(p.apply(OTHER).inUnitInterval());
    }

    /**
     * Feature 0: mean 3, population variance ((-2)^2 + 0 + 2^2) / 3 = 8/3. Feature 1: mean 20,
     * variance (100 + 100 + 400) / 3 = 200. The other set is scaled by train's numbers only.
     */
    @Test
    void zScoreFittedOnTrainOnlyAndAppliedToOthers() {
        Preprocessing p = Preprocessing.fit(Scaling.Z_SCORE, TRAIN);
        assertArrayEquals(new float[] {3, 20}, p.offset(), 1e-6f);
        assertArrayEquals(new float[] {(float) Math.sqrt(8.0 / 3), (float) Math.sqrt(200)}, p.scale(), 1e-5f);
        float[] z = p.apply(TRAIN).values();
        assertEquals(-2 / Math.sqrt(8.0 / 3), z[0], 1e-6);
        assertEquals(-10 / Math.sqrt(200), z[1], 1e-6);
        assertArrayEquals(new float[] {(float) (4 / Math.sqrt(8.0 / 3)), (float) (5 / Math.sqrt(200))},
                p.apply(OTHER).values(), 1e-6f);
        // Fitting on the other set instead would give different numbers: the fit really is train-only.
        Dataset both = new Dataset("b", Shape.vector(2), new float[] {1, 10, 3, 10, 5, 40, 7, 25}, null, List.of(), "");
        assertFalse(Preprocessing.fit(Scaling.Z_SCORE, both).equals(p));
    }

    @Test
    void constantFeatureDoesNotDivideByZero() {
        Dataset flat = new Dataset("f", Shape.vector(1), new float[] {4, 4, 4}, null, List.of(), "");
        assertArrayEquals(new float[] {0, 0, 0}, Preprocessing.fit(Scaling.Z_SCORE, flat).apply(flat).values());
        assertArrayEquals(new float[] {0, 0, 0}, Preprocessing.fit(Scaling.MIN_MAX, flat).apply(flat).values());
    }

    @Test
    void invertRestoresOriginalUnits() {
        Preprocessing p = Preprocessing.fit(Scaling.Z_SCORE, TRAIN);
        assertArrayEquals(new float[] {7, 25}, p.invert(p.apply(OTHER).sample(0)), 1e-5f);
    }

    @Test
    void wrongFeatureCountIsRefused() {
        Preprocessing p = Preprocessing.fit(Scaling.MIN_MAX, TRAIN);
        Dataset three = new Dataset("three", Shape.vector(3), new float[3], null, List.of(), "");
        DataException e = assertThrows(DataException.class, () -> p.apply(three));
        assertTrue(e.getMessage().startsWith("three: has 3 features"), e.getMessage());
    }

    @Test
    void savesAndRestoresThroughJson() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Preprocessing p = Preprocessing.fit(Scaling.Z_SCORE, TRAIN);
        Preprocessing back = json.readValue(json.writeValueAsString(p), Preprocessing.class);
        assertEquals(p, back);
    }

    @Test
    void unitIntervalCheck() {
        assertTrue(DatasetRegistry.load("customers").inUnitInterval());
        assertFalse(DatasetRegistry.load("digits").inUnitInterval());
        assertEquals(16f, DatasetRegistry.load("digits").maxValue());
    }
}
