package org.aeworkbench.engine.conv;

import org.aeworkbench.engine.blas.Compute;

/**
 * How a convolution's products are arranged as GEMMs: {@code Z = conv(X, W)} without bias and its
 * backward pass, on channels-last batches, with W stored as {@code [(ky * k + kx) * C + c, f]}.
 * Two arrangements are offered because their costs differ by the ratio of input to output channels.
 */
interface ConvLowering {

    /** z[n * positions, filters] = the convolution of samples [0, batch) of x by w. */
    void forward(Compute compute, float[] x, int batch, float[] w, float[] z);

    /**
     * Accumulates dL/dW into {@code wGrad} and, when {@code gradIn} is not null, writes dL/dX into it,
     * for the x of the last {@link #forward}.
     */
    void backward(Compute compute, float[] x, float[] dz, int batch, float[] w, float[] wGrad, float[] gradIn);

    /**
     * The cheaper arrangement for {@code g} and {@code filters}: im2col holds positions x k*k*C
     * values per sample, kn2row holds pixels x k*k*F; whichever matrix is smaller moves less memory.
     */
    static ConvLowering choose(WindowGeometry g, int filters) {
        long patches = (long) g.positions() * g.patchSize();
        long kernels = (long) g.height() * g.width() * g.kernel() * g.kernel() * filters;
        return kernels < patches ? new KernelLowering(g, filters) : new PatchLowering(g, filters);
    }

    /** Largest lowered matrix held at once; bigger batches are lowered in chunks of samples. */
    long MAX_LOWERED_FLOATS = 1L << 22;

    /** Samples per chunk when each needs {@code perSample} lowered values: equal chunks fixed by the sizes. */
    static int chunkSamples(long perSample, int batch) {
        long chunks = Math.max(1, ((long) batch * perSample + MAX_LOWERED_FLOATS - 1) / MAX_LOWERED_FLOATS);
        return (int) Math.max(1, (batch + chunks - 1) / chunks);
    }
}
