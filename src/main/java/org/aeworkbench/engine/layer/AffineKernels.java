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

    /** biasGrad[j] += sum over rows of g[b, j]; columns are split across threads. */
    public static void accumulateColumnSums(Compute compute, float[] g, float[] biasGrad, int batch, int width) {
        Runnable serial = () -> columnSums(g, biasGrad, batch, width, 0, width);
        if ((long) batch * width < (1 << 15)) {
            serial.run();
            return;
        }
        compute.parallelFor(width * 64, (from, to) -> columnSums(g, biasGrad, batch, width, from / 64, to / 64));
    }

    private static void columnSums(float[] g, float[] out, int batch, int width, int c0, int c1) {
        for (int r = 0; r < batch; r++) {
            int off = r * width;
            FloatArrays.addInPlace(out, c0, g, off + c0, c1 - c0);
        }
    }
}
