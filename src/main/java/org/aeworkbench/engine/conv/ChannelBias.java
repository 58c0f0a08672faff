package org.aeworkbench.engine.conv;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.blas.FloatArrays;
import org.aeworkbench.engine.blas.Simd;
import org.aeworkbench.engine.blas.VectorMath;
import org.aeworkbench.engine.layer.Activation;

/**
 * Bias per channel and activation on a channels-last batch of {@code pixels} rows of
 * {@code channels} values. Convolutions have few channels and many pixels, so these kernels sweep
 * blocks of whole rows rather than calling a vector kernel per row (a one-channel row would make
 * each call a scalar tail).
 */
final class ChannelBias {

    /** Values per block: a few L1 pages, so the activation reads what the bias add just wrote. */
    private static final int BLOCK = 4096;
    /** Lanes of the partial sums for the bias gradient, at least one full vector. */
    private static final int PARTIAL = 64;

    private ChannelBias() {
    }

    /** z[p, c] += bias[c]; a = f(z), block by block. When f is the identity, a may be z itself. */
    static void addAndActivate(Compute compute, float[] z, float[] bias, float[] a, int pixels, int channels,
                               Activation f) {
        int rowsPerBlock = Math.max(1, BLOCK / channels);
        float[] tile = Simd.available() ? Lanes.tile(bias, channels) : null;
        compute.parallelRows(pixels, channels, (from, to) -> {
            for (int r0 = from; r0 < to; r0 += rowsPerBlock) {
                int r1 = Math.min(to, r0 + rowsPerBlock);
                if (tile != null) {
                    Lanes.addBias(z, bias, tile, r0 * channels, r1 * channels, channels);
                } else {
                    addBias(z, bias, r0 * channels, r1 * channels, channels);
                }
                if (a != z || f != Activation.IDENTITY) {
                    f.apply(z, a, r0 * channels, (r1 - r0) * channels);
                }
            }
        });
    }

    /** z[i] += bias[i % channels] for i in [from, to), whole rows. */
    static void addBias(float[] z, float[] bias, int from, int to, int channels) {
        for (int i = from; i < to; i += channels) {
            for (int j = 0; j < channels; j++) {
                z[i + j] += bias[j];
            }
        }
    }

    /**
     * biasGrad[c] += sum over pixels of g[p, c]. Rows are added in runs of whole rows into
     * {@link #PARTIAL}-ish partial sums (a multiple of the channel count), which are then folded
     * per channel: a fixed order, so the result does not depend on the thread count either.
     */
    static void accumulateColumnSums(float[] g, float[] biasGrad, int pixels, int channels) {
        int rowsPerRun = Math.max(1, PARTIAL / channels);
        int run = rowsPerRun * channels;
        float[] partial = new float[run];
        int runs = pixels / rowsPerRun;
        for (int r = 0; r < runs; r++) {
            FloatArrays.addInPlace(partial, 0, g, r * run, run);
        }
        for (int i = runs * run, end = pixels * channels; i < end; i += channels) {
            for (int j = 0; j < channels; j++) {
                partial[j] += g[i + j];
            }
        }
        for (int j = 0; j < channels; j++) {
            float sum = 0f;
            for (int i = j; i < run; i += channels) {
                sum += partial[i];
            }
            biasGrad[j] += sum;
        }
    }

    /**
     * The bias add on lanes. The layers of a small convolutional network have 1 to 16 channels,
     * so the plain loop's inner trip is at most a vector and a one-channel row is one scalar add:
     * measured with JFR on conv-ae, that loop was a quarter of the epoch's Java time. A vector of
     * the bias repeated (when the channels divide the lanes) or the bias's own vectors (when the
     * lanes divide the channels) adds the same values in the same float operation.
     */
    static final class Lanes {
        private static final VectorSpecies<Float> S = VectorMath.S;

        private Lanes() {
        }

        /**
         * The vector to add: the bias repeated when the channels divide the lanes, the bias itself
         * when the lanes divide the channels; null when neither (the plain loop then adds).
         */
        static float[] tile(float[] bias, int channels) {
            int step = S.length();
            if (channels % step == 0) {
                return bias;
            }
            if (step % channels != 0) {
                return null;
            }
            float[] tiled = new float[step];
            for (int k = 0; k < step; k++) {
                tiled[k] = bias[k % channels];
            }
            return tiled;
        }

        static void addBias(float[] z, float[] bias, float[] tile, int from, int to, int channels) {
            int step = S.length();
            if (channels % step == 0) {
                for (int i = from; i < to; i += channels) {
                    for (int j = 0; j < channels; j += step) {
                        FloatVector.fromArray(S, z, i + j).add(FloatVector.fromArray(S, bias, j)).intoArray(z, i + j);
                    }
                }
                return;
            }
            FloatVector b = FloatVector.fromArray(S, tile, 0);
            int i = from;
            for (int bound = from + S.loopBound(to - from); i < bound; i += step) {
                FloatVector.fromArray(S, z, i).add(b).intoArray(z, i);
            }
            // what is left is whole rows (from and to are), fewer than a vector's worth
            ChannelBias.addBias(z, bias, i, to, channels);
        }
    }
}
