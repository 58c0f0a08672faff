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
                train, test, all, 3, 1);
        ProbeResult scaled = LinearProbe.run(COMPUTE.gemm(), new Features("x", 4, samples(train, 1, 1000),
                samples(test, 2, 1000)), train, test, all, 3, 1);
        assertTrue(plain.accuracy() > 0.9, "accuracy " + plain.accuracy());
        // Standardised features: multiplying one by 1000 changes nothing beyond float rounding.
        assertEquals(plain.accuracy(), scaled.accuracy(), 1.0 / 150 + 1e-12);
        assertTrue(plain.stop() != Lbfgs.Stop.ITERATION_LIMIT);
    }

    @Test
    void theL2WeightIsOneOfTheGridSeededAndTheStrongestWhenTheyTie() {
        // Classes far apart: every weight classifies the held-out fifth perfectly, so the strongest is kept.
        int[] train = labels(300, 3);
        int[] all = LabelledSubset.draw(train, 300, 1);
        float[] far = new float[300 * 4];
        SplittableRandom jitter = new SplittableRandom(2);
        for (int i = 0; i < 300; i++) {
            for (int j = 0; j < 4; j++) {
                far[i * 4 + j] = (float) ((j == train[i] ? 2 : 0) + 0.01 * RandomDraws.gaussian(jitter));
            }
        }
        Features separated = new Features("x", 4, far, samples(labels(60, 3), 2, 1));
        assertEquals(LinearProbe.LAMBDAS[0], LinearProbe.run(COMPUTE.gemm(), separated, train, labels(60, 3), all, 3, 5)
                .lambda(), 0.0);
        // Noisy classes: whatever is chosen comes from the grid, and the same seed chooses the same.
        int d = 50;
        SplittableRandom r = new SplittableRandom(4);
        float[] x = new float[80 * d];
        int[] y = labels(80, 2);
        for (int i = 0; i < 80; i++) {
            for (int j = 0; j < d; j++) {
                x[i * d + j] = (float) ((j == 0 ? (y[i] == 0 ? -0.5 : 0.5) : 0) + RandomDraws.gaussian(r));
            }
        }
        Features noisy = new Features("x", d, x, x);
        int[] labelled = LabelledSubset.draw(y, 80, 1);
        double a = LinearProbe.run(COMPUTE.gemm(), noisy, y, y, labelled, 2, 9).lambda();
        assertEquals(a, LinearProbe.run(COMPUTE.gemm(), noisy, y, y, labelled, 2, 9).lambda(), 0.0);
        assertTrue(java.util.Arrays.stream(LinearProbe.LAMBDAS).anyMatch(l -> l == a), "lambda " + a);
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
