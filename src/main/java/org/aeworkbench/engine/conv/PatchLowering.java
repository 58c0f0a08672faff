package org.aeworkbench.engine.conv;

import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.layer.Buffers;

/**
 * im2col (Chellapilla, Puri and Simard 2006): each output position's window becomes a row of
 * k*k*C values ({@link Im2col}), and the convolution is one GEMM per chunk of samples,
 * {@code Z = cols . W}. Backward: {@code dW += cols^T dZ}, {@code dX = col2im(dZ W^T)}. Best when
 * the input has fewer channels than the output (the first layers of an encoder).
 */
final class PatchLowering implements ConvLowering {

    private final WindowGeometry g;
    private final int filters;
    private float[] cols;
    /** First sample whose rows {@link #cols} holds from the last forward pass, or -1. */
    private int loweredFirst = -1;

    PatchLowering(WindowGeometry g, int filters) {
        this.g = g;
        this.filters = filters;
    }

    private int chunk(int batch) {
        return ConvLowering.chunkSamples((long) g.positions() * g.patchSize(), batch);
    }

    @Override
    public void forward(Compute compute, float[] x, int batch, float[] w, float[] z) {
        int p = g.positions();
        int k = g.patchSize();
        int chunk = chunk(batch);
        cols = Buffers.ensure(cols, chunk * p * k);
        for (int first = 0; first < batch; first += chunk) {
            int n = Math.min(chunk, batch - first);
            Im2col.lower(compute, g, x, first, n, cols);
            compute.gemm().sgemm(false, false, n * p, filters, k, 1f, cols, 0, k, w, 0, filters,
                    0f, z, first * p * filters, filters);
            loweredFirst = first;
        }
    }

    @Override
    public void backward(Compute compute, float[] x, float[] dz, int batch, float[] w, float[] wGrad, float[] gradIn) {
        int p = g.positions();
        int k = g.patchSize();
        int chunk = chunk(batch);
        // Last chunk first: the forward pass left its lowering in cols.
        for (int first = (batch - 1) / chunk * chunk; first >= 0; first -= chunk) {
            int n = Math.min(chunk, batch - first);
            if (first != loweredFirst) {
                Im2col.lower(compute, g, x, first, n, cols);
            }
            compute.gemm().sgemm(true, false, k, filters, n * p, 1f, cols, 0, k, dz, first * p * filters, filters,
                    1f, wGrad, 0, filters);
            loweredFirst = -1;
            if (gradIn != null) {
                compute.gemm().sgemm(false, true, n * p, k, filters, 1f, dz, first * p * filters, filters,
                        w, 0, filters, 0f, cols, 0, k);
                Im2col.raise(compute, g, cols, gradIn, first, n);
            }
        }
    }
}
