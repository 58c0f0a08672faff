package org.aeworkbench.analysis.retrieval;

import java.util.SplittableRandom;
import org.aeworkbench.data.RandomDraws;
import org.aeworkbench.engine.blas.Gemm;

/**
 * LSH by random hyperplanes (Charikar, "Similarity estimation techniques from rounding
 * algorithms", STOC 2002): bit j set when {@code (x - mean) . w_j > 0} with each w_j drawn from
 * N(0, I) by a seeded stream. Centring on the training mean is what the hashing comparisons do
 * (Gong and Lazebnik, CVPR 2011, section 4), so that a hyperplane cuts through the data.
 */
public final class RandomProjectionHashing implements Hasher {

    private final Gemm gemm;
    private final int features;
    private final int bits;
    private final float[] directions;
    private final double[] offsets;

    private RandomProjectionHashing(Gemm gemm, int features, int bits, float[] directions, double[] offsets) {
        this.gemm = gemm;
        this.features = features;
        this.bits = bits;
        this.directions = directions;
        this.offsets = offsets;
    }

    /**
     * Draws b directions for d features and takes the mean of the n training samples.
     *
     * @param x n x d training samples, row-major
     */
    public static RandomProjectionHashing fit(Gemm gemm, float[] x, int n, int d, int bits, long seed) {
        BinaryCodes.checkBits(bits);
        if ((long) n * d != x.length || n < 1) {
            throw new IllegalArgumentException(x.length + " values do not make " + n + " samples of " + d);
        }
        SplittableRandom random = new SplittableRandom(seed);
        float[] w = new float[d * bits]; // d x b, so that codes = x W
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) RandomDraws.gaussian(random);
        }
        double[] mean = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                mean[j] += x[i * d + j];
            }
        }
        double[] offsets = new double[bits];
        for (int j = 0; j < d; j++) {
            mean[j] /= n;
            for (int b = 0; b < bits; b++) {
                offsets[b] += mean[j] * w[j * bits + b];
            }
        }
        return new RandomProjectionHashing(gemm, d, bits, w, offsets);
    }

    @Override
    public String name() {
        return "LSH";
    }

    @Override
    public int bits() {
        return bits;
    }

    @Override
    public BinaryCodes hash(float[] x, int n) {
        if ((long) n * features != x.length) {
            throw new IllegalArgumentException(x.length + " values do not make " + n + " samples of " + features);
        }
        float[] projected = new float[n * bits];
        gemm.sgemm(false, false, n, bits, features, 1f, x, 0, features, directions, 0, bits, 0f, projected, 0, bits);
        long[] words = new long[n];
        for (int i = 0; i < n; i++) {
            long word = 0;
            for (int b = 0; b < bits; b++) {
                if (projected[i * bits + b] - offsets[b] > 0) {
                    word |= 1L << b;
                }
            }
            words[i] = word;
        }
        return new BinaryCodes(bits, words);
    }
}
