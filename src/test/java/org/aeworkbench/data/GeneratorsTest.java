package org.aeworkbench.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.aeworkbench.engine.tensor.Shape;
import org.junit.jupiter.api.Test;

class GeneratorsTest {

    @Test
    void sameSeedSameDataOtherSeedOtherData() {
        for (String name : new String[] {"curves:n=50", "swiss-roll:n=50", "blobs:n=50", "two-moons:n=50"}) {
            Dataset a = DatasetRegistry.load(name + ",seed=7");
            Dataset b = DatasetRegistry.load(name + ",seed=7");
            Dataset c = DatasetRegistry.load(name + ",seed=8");
            assertArrayEquals(a.values(), b.values(), name);
            assertFalse(Arrays.equals(a.values(), c.values()), name);
            assertEquals(50, a.samples());
        }
    }

    @Test
    void curvesAreStrokesInTheUnitInterval() {
        Dataset d = DatasetRegistry.load("curves:n=200,seed=3");
        assertEquals(Shape.image(28, 28, 1), d.sampleShape());
        for (int i = 0; i < d.samples(); i++) {
            float[] img = d.sample(i);
            int lit = 0;
            for (float v : img) {
                assertTrue(v >= 0 && v <= 1);
                lit += v > 0.5f ? 1 : 0;
            }
            // A stroke about 2 px wide through 3 points at least a few pixels apart lights more
            // than a handful of pixels, and never most of the image.
            assertTrue(lit >= 4 && lit < 400, "image " + i + " has " + lit + " lit pixels");
        }
    }

    @Test
    void distanceToSegmentGoldenValues() {
        assertEquals(1.0, CurvesGenerator.distanceToSegment(1, 1, 0, 0, 2, 0), 1e-12);
        assertEquals(Math.sqrt(2), CurvesGenerator.distanceToSegment(3, 1, 0, 0, 2, 0), 1e-12);
        assertEquals(5.0, CurvesGenerator.distanceToSegment(3, 4, 0, 0, 0, 0), 1e-12);
    }

    /** Without noise every point satisfies x^2 + z^2 = t^2 with t in [1.5 pi, 4.5 pi], labelled by t. */
    @Test
    void swissRollPointsLieOnTheRoll() {
        Dataset d = DatasetRegistry.load("swiss-roll:n=500,noise=0,classes=3");
        for (int i = 0; i < d.samples(); i++) {
            float[] p = d.sample(i);
            double t = Math.hypot(p[0], p[2]);
            assertTrue(t >= 1.5 * Math.PI - 1e-4 && t <= 4.5 * Math.PI + 1e-4);
            assertTrue(p[1] >= 0 && p[1] < 21);
            double position = (t / (1.5 * Math.PI) - 1) / 2 * 3; // u * classes
            if (Math.abs(position - Math.rint(position)) > 1e-3) { // float rounding decides at a boundary
                assertEquals(Math.min(2, (int) position), d.labels()[i], "label follows position along the roll");
            }
            // The angle of (x, z) is t itself (mod 2 pi).
            assertEquals(Math.cos(t), p[0] / t, 1e-4);
        }
    }

    @Test
    void moonsWithoutNoiseLieOnTheirCircles() {
        Dataset d = DatasetRegistry.load("two-moons:n=100,noise=0");
        for (int i = 0; i < d.samples(); i++) {
            float[] p = d.sample(i);
            if (d.labels()[i] == 0) {
                assertEquals(1, Math.hypot(p[0], p[1]), 1e-5);
                assertTrue(p[1] >= 0);
            } else {
                assertEquals(1, Math.hypot(p[0] - 1, p[1] - 0.5), 1e-5);
                assertTrue(p[1] <= 0.5);
            }
        }
    }

    @Test
    void blobsClusterAroundTheirCentres() {
        Dataset d = DatasetRegistry.load("blobs:n=2000,dims=5,centers=4,std=0.5");
        assertEquals(5, d.features());
        assertArrayEquals(new int[] {500, 500, 500, 500}, Labels.counts(d.labels(), 4));
        // Within-blob spread per coordinate is std^2 = 0.25; the sample variance must match.
        double[] mean = new double[5];
        int count = 0;
        for (int i = 0; i < d.samples(); i++) {
            if (d.labels()[i] == 2) {
                float[] p = d.sample(i);
                for (int k = 0; k < 5; k++) {
                    mean[k] += p[k];
                }
                count++;
            }
        }
        for (int k = 0; k < 5; k++) {
            mean[k] /= count;
        }
        double var = 0;
        for (int i = 0; i < d.samples(); i++) {
            if (d.labels()[i] == 2) {
                float[] p = d.sample(i);
                for (int k = 0; k < 5; k++) {
                    var += (p[k] - mean[k]) * (p[k] - mean[k]);
                }
            }
        }
        var /= count * 5.0 - 5;
        assertEquals(0.25, var, 0.03);
    }

    @Test
    void boxMullerGivesStandardNormalMoments() {
        SplittableRandom r = new SplittableRandom(1);
        double s = 0;
        double s2 = 0;
        int n = 100_000;
        for (int i = 0; i < n; i++) {
            double g = RandomDraws.gaussian(r);
            s += g;
            s2 += g * g;
        }
        assertEquals(0, s / n, 0.02);
        assertEquals(1, s2 / n, 0.02);
    }
}
