package org.aeworkbench.engine.layer;

import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.blas.FloatArrays;

/**
 * The element-wise halves of an affine layer, fused so each buffer is swept once:
 * bias plus activation after the product, and activation derivative plus bias gradient before it.
 */
public final class AffineKernels {

    private AffineKernels() {
    }

    /**
     * The buffer to hold a = f(z): z itself for the identity (nothing to compute or store), else
     * {@code current} grown to {@code size} (never z, which backward still needs).
     */
    public static float[] activationBuffer(float[] current, float[] z, int size, Activation f) {
        if (f == Activation.IDENTITY) {
            return z;
        }
        return Buffers.ensure(current == z ? null : current, size);
    }

    /** z[b, j] += bias[j]; a = f(z). When f is the identity, a may be z itself. */
    public static void addBiasAndActivate(Compute compute, float[] z, float[] bias, float[] a,
                                          int batch, int width, Activation f) {
        compute.parallelFor(batch * width, (from, to) -> {
            int rowFrom = from / width;
            int rowTo = (to + width - 1) / width;
            for (int r = rowFrom; r < rowTo; r++) {
                int start = Math.max(from, r * width);
                int end = Math.min(to, (r + 1) * width);
                int off = r * width;
                FloatArrays.addInPlace(z, start, bias, start - off, end - start);
                if (a != z || f != Activation.IDENTITY) {
                    f.apply(z, a, start, end - start);
                }
            }
        });
    }

    /** Turns dL/da into dL/dz in place (g *= f'(z)). */
    public static void activationBackward(Compute compute, float[] z, float[] a, float[] g,
                                          int batch, int width, Activation f) {
        if (f == Activation.IDENTITY) {
            return;
        }
        compute.parallelFor(batch * width, (from, to) -> f.backprop(z, a, g, from, to - from));
    }

    /** biasGrad[j] += sum over rows of g[b, j], each column summed in row order by one thread. */
    public static void accumulateColumnSums(Compute compute, float[] g, float[] biasGrad, int batch, int width) {
        backpropAndSumColumns(compute, null, null, g, biasGrad, batch, width, Activation.IDENTITY);
    }

    /**
     * Turns dL/da into dL/dz in place (g *= f'(z)) and adds its column sums to {@code biasGrad}, in
     * one sweep: each thread takes a block of columns and, row by row, scales that run and adds it
     * to the sums while it is in cache. The same element-wise rule and the same order of sums as
     * two separate passes, so the same bits.
     */
    public static void backpropAndSumColumns(Compute compute, float[] z, float[] a, float[] g, float[] biasGrad,
                                             int batch, int width, Activation f) {
        // Blocks of whole 16-float vectors, at most one per thread, and one block for small buffers.
        int vectors = (width + 15) / 16;
        compute.parallelFor(batch * vectors * 16, (from, to) -> {
            int c0 = Math.min(width, from / batch / 16 * 16);
            int c1 = Math.min(width, to / batch / 16 * 16);
            if (to == batch * vectors * 16) {
                c1 = width;
            }
            if (c0 >= c1) {
                return;
            }
            for (int r = 0; r < batch; r++) {
                int off = r * width;
                if (f != Activation.IDENTITY) {
                    f.backprop(z, a, g, off + c0, c1 - c0);
                }
                FloatArrays.addInPlace(biasGrad, c0, g, off + c0, c1 - c0);
            }
        });
    }
}
