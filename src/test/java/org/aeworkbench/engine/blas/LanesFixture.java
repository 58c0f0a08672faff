package org.aeworkbench.engine.blas;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

/**
 * Inputs for the tests that a kernel's SIMD lanes and its plain loop agree bit for bit: lengths
 * that leave a tail after the last whole vector, and values that reach the subnormals, zeros of
 * both signs and the saturations.
 */
public final class LanesFixture {

    /** Three vectors and a tail on any lane count up to 16, and a run shorter than one vector. */
    public static final int[] LENGTHS = {67, 5};

    private LanesFixture() {
    }

    /**
     * Values of every magnitude: normal values spread over [-spread, spread], subnormals, signed
     * zeros and the smallest normals.
     */
    public static float[] values(int n, float spread, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = switch (i % 7) {
                case 0 -> (float) ((r.nextDouble() * 2 - 1) * spread);
                case 1 -> (float) ((r.nextDouble() * 2 - 1) * Float.MIN_NORMAL); // subnormal
                case 2 -> i % 2 == 0 ? 0f : -0f;
                case 3 -> (float) ((r.nextDouble() * 2 - 1) * Math.pow(2, -r.nextInt(140)));
                case 4 -> (r.nextBoolean() ? 1 : -1) * Float.MIN_NORMAL;
                default -> (float) (r.nextGaussian() * spread / 4);
            };
        }
        return x;
    }

    public static void assertSameBits(float[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(Float.floatToRawIntBits(expected[i]), Float.floatToRawIntBits(actual[i]),
                    what + " at " + i + ": " + expected[i] + " against " + actual[i]);
        }
    }
}
