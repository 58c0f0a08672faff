package org.aeworkbench.data;

import java.util.SplittableRandom;
import org.aeworkbench.engine.core.FisherYates;

/**
 * Seeded random draws for the generators and the split. SplittableRandom's algorithm is fixed by
 * its specification, and the normal draw is our own Box-Muller transform (Box and Muller, "A Note
 * on the Generation of Random Normal Deviates", 1958) rather than the JDK's, whose algorithm may
 * change between releases: same seed, same data, on every JVM.
 */
public final class RandomDraws {

    private RandomDraws() {
    }

    /** A standard normal deviate: sqrt(-2 ln u1) cos(2 pi u2), with u1 in (0, 1]. */
    public static double gaussian(SplittableRandom random) {
        double u1 = 1.0 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }

    /** Fisher-Yates shuffle of {@code a} in place ({@link FisherYates}). */
    public static void shuffle(int[] a, SplittableRandom random) {
        FisherYates.shuffle(a, random);
    }

    /**
     * The first {@code k} indices of a seeded Fisher-Yates shuffle of 0..n-1 (all n when k >= n):
     * a seeded subset, in drawn order, for limits on loaded data and samples to display or score.
     */
    public static int[] firstOfShuffle(int n, int k, long seed) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        shuffle(order, new SplittableRandom(seed));
        return java.util.Arrays.copyOf(order, Math.min(k, n));
    }
}
