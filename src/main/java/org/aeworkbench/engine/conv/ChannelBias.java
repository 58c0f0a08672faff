package org.aeworkbench.engine.conv;

import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.blas.FloatArrays;
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
        compute.parallelRows(pixels, channels, (from, to) -> {
            for (int r0 = from; r0 < to; r0 += rowsPerBlock) {
                int r1 = Math.min(to, r0 + rowsPerBlock);
                for (int i = r0 * channels, end = r1 * channels; i < end; i += channels) {
                    for (int j = 0; j < channels; j++) {
                        z[i + j] += bias[j];
                    }
                }
                if (a != z || f != Activation.IDENTITY) {
                    f.apply(z, a, r0 * channels, (r1 - r0) * channels);
                }
            }
        });
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
}
