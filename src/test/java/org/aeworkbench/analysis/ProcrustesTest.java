package org.aeworkbench.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ProcrustesTest {

    @Test
    void recoversAKnownRotationScaleAndShift() {
        double angle = Math.toRadians(37);
        double[] rotation = {Math.cos(angle), Math.sin(angle), -Math.sin(angle), Math.cos(angle)};
        checkRecovers(rotation, 2, 2.5, new double[] {3, -1});
    }

    @Test
    void recoversAReflection() {
        // PCA's axis signs are arbitrary, so the map onto the autoencoder's codes may well flip one.
        double angle = Math.toRadians(-120);
        double[] reflection = {Math.cos(angle), Math.sin(angle), Math.sin(angle), -Math.cos(angle)};
        checkRecovers(reflection, 2, 0.4, new double[] {-7, 0.5});
    }

    @Test
    void recoversAThreeDimensionalRotation() {
        double a = 0.3, b = -1.1;
        // Rotation about z by a, then about x by b.
        double[] rz = {Math.cos(a), -Math.sin(a), 0, Math.sin(a), Math.cos(a), 0, 0, 0, 1};
        double[] rx = {1, 0, 0, 0, Math.cos(b), -Math.sin(b), 0, Math.sin(b), Math.cos(b)};
        double[] r = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                for (int m = 0; m < 3; m++) {
                    r[i * 3 + j] += rz[i * 3 + m] * rx[m * 3 + j];
                }
            }
        }
        checkRecovers(r, 3, 1.7, new double[] {0.2, 4, -2});
    }

    @Test
    void noisyAlignmentIsALeastSquaresMinimum() {
        int n = 200;
        Random random = new Random(8);
        float[] source = new float[2 * n];
        float[] target = new float[2 * n];
        for (int i = 0; i < n; i++) {
            source[2 * i] = (float) random.nextGaussian();
            source[2 * i + 1] = (float) (3 * random.nextGaussian());
            target[2 * i] = (float) (-source[2 * i + 1] + 0.3 * random.nextGaussian());
            target[2 * i + 1] = (float) (source[2 * i] + 0.3 * random.nextGaussian());
        }
        Procrustes best = Procrustes.align(source, target, n, 2);
        double[] r = best.rotation();
        // Nudging the angle, the scale or the shift must not lower the residual.
        for (double delta : new double[] {-0.01, 0.01}) {
            double c = Math.cos(delta), s = Math.sin(delta);
            double[] turned = {r[0] * c - r[1] * s, r[0] * s + r[1] * c, r[2] * c - r[3] * s, r[2] * s + r[3] * c};
            Procrustes nudged = new Procrustes(2, turned, best.scale(), best.translation(), 0);
            assertTrue(nudged.rmsDistance(source, target, n) > best.rmsDistance(), "angle " + delta);
            Procrustes rescaled = new Procrustes(2, r, best.scale() * (1 + delta), best.translation(), 0);
            assertTrue(rescaled.rmsDistance(source, target, n) > best.rmsDistance(), "scale " + delta);
            double[] t = best.translation();
            t[1] += delta;
            Procrustes shifted = new Procrustes(2, r, best.scale(), t, 0);
            assertTrue(shifted.rmsDistance(source, target, n) > best.rmsDistance(), "shift " + delta);
        }
    }

    @Test
    void coincidentPointsCannotBeAligned() {
        float[] same = {1, 2, 1, 2, 1, 2};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Procrustes.align(same, new float[] {0, 0, 1, 1, 2, 2}, 3, 2));
        assertTrue(e.getMessage().contains("all coincide"), e.getMessage());
    }

    private static void checkRecovers(double[] rotation, int dims, double scale, double[] shift) {
        int n = 50;
        Random random = new Random(dims * 31L);
        float[] source = new float[n * dims];
        float[] target = new float[n * dims];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < dims; a++) {
                source[i * dims + a] = (float) (random.nextGaussian() * (a + 1));
            }
            for (int b = 0; b < dims; b++) {
                double s = 0;
                for (int a = 0; a < dims; a++) {
                    s += source[i * dims + a] * rotation[a * dims + b];
                }
                target[i * dims + b] = (float) (scale * s + shift[b]);
            }
        }
        Procrustes fit = Procrustes.align(source, target, n, dims);
        // Exact up to the float rounding of the target points.
        assertArrayEquals(rotation, fit.rotation(), 1e-6);
        assertEquals(scale, fit.scale(), 1e-6 * scale);
        assertArrayEquals(shift, fit.translation(), 1e-5);
        assertEquals(0.0, fit.rmsDistance(), 1e-5);
        float[] mapped = fit.apply(source, n);
        for (int i = 0; i < mapped.length; i++) {
            assertEquals(target[i], mapped[i], 1e-5 * (1 + Math.abs(target[i])), "value " + i);
        }
    }
}
