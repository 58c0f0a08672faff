package org.aeworkbench.analysis.probe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.aeworkbench.analysis.Features;
import org.aeworkbench.data.RandomDraws;
import org.aeworkbench.engine.blas.Backend;
import org.aeworkbench.engine.blas.Compute;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class LinearProbeTest {

    private static final Compute COMPUTE = Compute.create(Backend.JAVA, 1);

    @AfterAll
    static void close() {
        COMPUTE.close();
    }

    private static int[] labels(int n, int classes) {
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % classes;
        }
        return y;
    }

    /** Class c has its mean at 2 on feature c and 0 elsewhere; feature 3 is noise. */
    private static float[] samples(int[] y, long seed, float scaleOfFirst) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[y.length * 4];
        for (int i = 0; i < y.length; i++) {
            for (int j = 0; j < 4; j++) {
                x[i * 4 + j] = (float) ((j == y[i] ? 2 : 0) + 0.5 * RandomDraws.gaussian(r)) * (j == 0 ? scaleOfFirst : 1);
            }
        }
        return x;
    }

    @Test
    void balancedBudgetGivesEachClassItsShare() {
        int[] y = labels(1000, 10);
        int[] picked = LabelledSubset.draw(y, 100, 3);
        int[] perClass = new int[10];
        for (int i : picked) {
            perClass[y[i]]++;
        }
        for (int c : perClass) {
            assertEquals(10, c);
        }
        assertArrayEquals(picked, LabelledSubset.draw(y, 100, 3), "seeded");
        assertEquals(1000, LabelledSubset.draw(y, 5000, 3).length);
        // A class smaller than its share gives what it has; the others make up the rest.
        int[] skewed = new int[50];
        skewed[0] = 1;
        int[] two = LabelledSubset.draw(skewed, 10, 1);
        assertEquals(10, two.length);
        assertTrue(java.util.Arrays.stream(two).anyMatch(i -> i == 0));
    }

    @Test
    void linearlySeparableClassesAreReadAndScaleDoesNotMatter() {
        int[] train = labels(300, 3);
        int[] test = labels(150, 3);
        int[] all = LabelledSubset.draw(train, 300, 1);
        ProbeResult plain = LinearProbe.run(COMPUTE.gemm(), new Features("x", 4, samples(train, 1, 1), samples(test, 2, 1)),
                train, test, all, 3, 1.0);
        ProbeResult scaled = LinearProbe.run(COMPUTE.gemm(), new Features("x", 4, samples(train, 1, 1000),
                samples(test, 2, 1000)), train, test, all, 3, 1.0);
        assertTrue(plain.accuracy() > 0.9, "accuracy " + plain.accuracy());
        // Standardised features: multiplying one by 1000 changes nothing beyond float rounding.
        assertEquals(plain.accuracy(), scaled.accuracy(), 1.0 / 150 + 1e-12);
        assertTrue(plain.stop() != Lbfgs.Stop.ITERATION_LIMIT);
    }

    @Test
    void everyRepresentationSeesTheSameLabelledSamples() {
        int[] train = labels(300, 3);
        int[] test = labels(90, 3);
        Features a = new Features("a", 4, samples(train, 1, 1), samples(test, 2, 1));
        Features noise = new Features("noise", 4, samples(labels(300, 1), 3, 1), samples(labels(90, 1), 4, 1));
        List<ProbeResult> r = ProbeComparison.run(COMPUTE.gemm(), List.of(a, noise), train, test, new int[] {30, 0}, 5);
        assertEquals(4, r.size());
        assertEquals(30, r.get(0).labelsUsed());
        assertEquals(300, r.get(2).labelsUsed());
        assertTrue(r.get(2).accuracy() > 0.9);
        // Features that carry no class: chance level, about a third.
        assertTrue(r.get(3).accuracy() < 0.55, "noise accuracy " + r.get(3).accuracy());
    }
}
