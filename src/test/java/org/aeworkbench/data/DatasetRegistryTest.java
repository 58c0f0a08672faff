package org.aeworkbench.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.aeworkbench.engine.tensor.Shape;
import org.junit.jupiter.api.Test;

class DatasetRegistryTest {

    @Test
    void listsEveryRequiredSet() {
        List<String> names = DatasetRegistry.list().stream().map(DatasetInfo::name).toList();
        for (String required : List.of("mnist", "fashion-mnist", "digits", "iris", "customers", "curves",
                "swiss-roll", "blobs", "two-moons")) {
            assertTrue(names.contains(required), required + " missing from " + names);
        }
    }

    /** Each set's loaded size, shape and class count agree with what the registry advertises. */
    @Test
    void everySetLoadsAsAdvertised() {
        for (DatasetInfo info : DatasetRegistry.list()) {
            if (info.name().equals("fashion-mnist-full")) {
                continue; // only where Debian's package is installed; 70,000 images is too slow for a unit test
            }
            String spec = info.name().equals("curves") ? "curves:n=" + info.samples() : info.name();
            Dataset d = DatasetRegistry.load(spec);
            assertEquals(info.samples(), d.samples(), info.name());
            assertEquals(info.shape(), d.sampleShape(), info.name());
            assertEquals(info.classes(), d.hasLabels() ? d.classNames().size() : 0, info.name());
            assertFalse(info.description().isBlank());
            assertFalse(info.source().isBlank());
        }
    }

    /** Golden values computed with python3's gzip and csv modules from the shipped files. */
    @Test
    void fashionMnistMatchesTheShippedFile() {
        Dataset d = DatasetRegistry.load("fashion-mnist");
        assertArrayEquals(new int[] {1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000},
                Labels.counts(d.labels(), 10));
        assertEquals(9, d.labels()[0]);
        assertEquals("Ankle boot", d.classNames().get(9));
        double sum = 0;
        for (float v : d.sample(0)) {
            sum += Math.round(v * 255f);
        }
        assertEquals(33456, sum, 0);
    }

    @Test
    void digitsAreEightByEightWithValuesUpToSixteen() {
        Dataset d = DatasetRegistry.load("digits");
        assertEquals(Shape.image(8, 8, 1), d.sampleShape());
        assertEquals(0, d.labels()[0]);
        double sum = 0;
        for (float v : d.sample(0)) {
            sum += v;
        }
        assertEquals(294, sum, 0);
        assertArrayEquals(new int[] {178, 182, 177, 183, 181, 182, 181, 179, 174, 180}, Labels.counts(d.labels(), 10));
        float max = 0;
        for (float v : d.values()) {
            max = Math.max(max, v);
        }
        assertEquals(16, max, 0);
    }

    @Test
    void irisHasFiftyOfEachSpecies() {
        Dataset d = DatasetRegistry.load("iris");
        assertArrayEquals(new float[] {5.1f, 3.5f, 1.4f, 0.2f}, d.sample(0));
        assertEquals(List.of("setosa", "versicolor", "virginica"), d.classNames());
        assertArrayEquals(new int[] {50, 50, 50}, Labels.counts(d.labels(), 3));
        double sum = 0;
        for (float v : d.values()) {
            sum += v;
        }
        assertEquals(2078.7, sum, 1e-3);
    }

    @Test
    void customersIsTheTeachingMatrix() {
        Dataset d = DatasetRegistry.load("customers");
        assertArrayEquals(new float[] {
            1, 1, 0, 0, 0, 0,
            1, 0, 0, 0, 1, 0,
            0, 1, 1, 1, 0, 0,
            1, 1, 0, 0, 1, 0,
            0, 0, 0, 1, 0, 1}, d.values());
        assertEquals(List.of("Customer1", "Customer2", "Customer3", "Customer4", "Customer5"), d.classNames());
        assertArrayEquals(new int[] {0, 1, 2, 3, 4}, d.labels());
        assertEquals(List.of("Product1", "Product2", "Product3", "Product4", "Product5", "Product6"), d.featureNames());
    }

    @Test
    void unknownNamesAndParametersAreRefused() {
        DataException e = assertThrows(DataException.class, () -> DatasetRegistry.load("mnits"));
        assertTrue(e.getMessage().contains("mnist"), e.getMessage());
        e = assertThrows(DataException.class, () -> DatasetRegistry.load("curves:size=10"));
        assertTrue(e.getMessage().contains("unknown parameter 'size'") && e.getMessage().contains("n, seed"),
                e.getMessage());
        e = assertThrows(DataException.class, () -> DatasetRegistry.load("curves:n=ten"));
        assertTrue(e.getMessage().contains("n=ten"), e.getMessage());
        e = assertThrows(DataException.class, () -> DatasetRegistry.load("blobs:n=0"));
        assertTrue(e.getMessage().contains("outside"), e.getMessage());
        e = assertThrows(DataException.class, () -> DatasetRegistry.load("mnist:n=5"));
        assertTrue(e.getMessage().contains("takes no parameters"), e.getMessage());
        e = assertThrows(DataException.class, () -> DataSources.load("no/such/file.csv"));
        assertTrue(e.getMessage().startsWith("no/such/file.csv: no such file"), e.getMessage());
    }
}
