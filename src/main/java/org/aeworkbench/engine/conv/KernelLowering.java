package org.aeworkbench.engine.conv;

import java.util.Arrays;
import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.layer.Buffers;

/**
 * kn2row (Vasudevan, Anderson and Gregg, "Parallel Multi Channel Convolution using General Matrix
 * Multiplication", ASAP 2017): one GEMM multiplies every input pixel by every kernel tap,
 * {@code Q[pixel, (ky * k + kx) * F + f] = sum_c x[pixel, c] W[(ky * k + kx) * C + c, f]}, and each
 * output sums the k*k taps that reach it, {@code z[p, f] = sum_{ky,kx} Q[pixel(p, ky, kx), (ky * k + kx) * F + f]}
 * (a shift-add). Q holds k*k*F values per pixel instead of im2col's k*k*C per position, so this is
 * the cheaper lowering when the output has fewer channels than the input (a decoder's last layer).
 *
 * <p>Backward: dQ takes dz[p] at each tap it was gathered from (the adjoint of the shift-add),
 * {@code dW' += X^T dQ}, {@code dX = dQ W'^T}, where W' is W with taps and channels reordered
 * ({@code W'[c, (ky * k + kx) * F + f]}).
 */
final class KernelLowering implements ConvLowering {

    private final WindowGeometry g;
    private final int filters;
    /** Values of Q per pixel: k*k*F. */
    private final int taps;
    private final float[] wt;
    private final float[] wtGrad;
    private float[] q;

    KernelLowering(WindowGeometry g, int filters) {
        this.g = g;
        this.filters = filters;
        this.taps = g.kernel() * g.kernel() * filters;
        this.wt = new float[g.channels() * taps];
        this.wtGrad = new float[g.channels() * taps];
    }

    private int pixels() {
        return g.height() * g.width();
    }

    private int chunk(int batch) {
        return ConvLowering.chunkSamples((long) pixels() * taps, batch);
    }

    @Override
    public void forward(Compute compute, float[] x, int batch, float[] w, float[] z) {
        int c = g.channels();
        int kk = g.kernel() * g.kernel();
        // W'[c, t * F + f] = W[t * C + c, f] for each tap t.
        for (int t = 0; t < kk; t++) {
            for (int ch = 0; ch < c; ch++) {
                System.arraycopy(w, (t * c + ch) * filters, wt, ch * taps + t * filters, filters);
            }
        }
        int hw = pixels();
        int chunk = chunk(batch);
        q = Buffers.ensure(q, chunk * hw * taps);
        int outSize = g.positions() * filters;
        for (int first = 0; first < batch; first += chunk) {
            int n = Math.min(chunk, batch - first);
            compute.gemm().sgemm(false, false, n * hw, taps, c, 1f, x, first * hw * c, c, wt, 0, taps, 0f, q, 0, taps);
            int base = first;
            compute.parallelRows(n, hw * taps, (from, to) -> {
                for (int b = from; b < to; b++) {
                    shiftAdd(q, b * hw * taps, z, (base + b) * outSize);
                }
            });
        }
    }

    @Override
    public void backward(Compute compute, float[] x, float[] dz, int batch, float[] w, float[] wGrad, float[] gradIn) {
        int c = g.channels();
        int hw = pixels();
        int chunk = chunk(batch);
        int outSize = g.positions() * filters;
        Arrays.fill(wtGrad, 0f);
        for (int first = 0; first < batch; first += chunk) {
            int n = Math.min(chunk, batch - first);
            int base = first;
            compute.parallelRows(n, hw * taps, (from, to) -> {
                for (int b = from; b < to; b++) {
                    spread(dz, (base + b) * outSize, q, b * hw * taps);
                }
            });
            compute.gemm().sgemm(true, false, c, taps, n * hw, 1f, x, first * hw * c, c, q, 0, taps,
                    1f, wtGrad, 0, taps);
            if (gradIn != null) {
                compute.gemm().sgemm(false, true, n * hw, c, taps, 1f, q, 0, taps, wt, 0, taps,
                        0f, gradIn, first * hw * c, c);
            }
        }
        int kk = g.kernel() * g.kernel();
        for (int t = 0; t < kk; t++) {
            for (int ch = 0; ch < c; ch++) {
                int dst = (t * c + ch) * filters;
                int src = ch * taps + t * filters;
                for (int f = 0; f < filters; f++) {
                    wGrad[dst + f] += wtGrad[src + f];
                }
            }
        }
    }

    /** z[p, f] = sum over the taps inside the image of Q[pixel(p, ky, kx), (ky * k + kx) * F + f]. */
    private void shiftAdd(float[] q, int qOff, float[] z, int zOff) {
        int k = g.kernel();
        int o = zOff;
        for (int oy = 0; oy < g.outHeight(); oy++) {
            int iy0 = oy * g.stride() - g.padTop();
            int ky0 = Math.max(0, -iy0);
            int ky1 = Math.min(k, g.height() - iy0);
            for (int ox = 0; ox < g.outWidth(); ox++) {
                int ix0 = ox * g.stride() - g.padLeft();
                int kx0 = Math.max(0, -ix0);
                int kx1 = Math.min(k, g.width() - ix0);
                Arrays.fill(z, o, o + filters, 0f);
                for (int ky = ky0; ky < ky1; ky++) {
                    for (int kx = kx0; kx < kx1; kx++) {
                        int src = qOff + ((iy0 + ky) * g.width() + ix0 + kx) * taps + (ky * k + kx) * filters;
                        for (int f = 0; f < filters; f++) {
                            z[o + f] += q[src + f];
                        }
                    }
                }
                o += filters;
            }
        }
    }

    /** The adjoint of {@link #shiftAdd}: every tap that fed output p receives dz[p]; the rest of Q is zero. */
    private void spread(float[] dz, int dzOff, float[] q, int qOff) {
        int k = g.kernel();
        Arrays.fill(q, qOff, qOff + pixels() * taps, 0f);
        int o = dzOff;
        for (int oy = 0; oy < g.outHeight(); oy++) {
            int iy0 = oy * g.stride() - g.padTop();
            int ky0 = Math.max(0, -iy0);
            int ky1 = Math.min(k, g.height() - iy0);
            for (int ox = 0; ox < g.outWidth(); ox++) {
                int ix0 = ox * g.stride() - g.padLeft();
                int kx0 = Math.max(0, -ix0);
                int kx1 = Math.min(k, g.width() - ix0);
                for (int ky = ky0; ky < ky1; ky++) {
                    for (int kx = kx0; kx < kx1; kx++) {
                        int dst = qOff + ((iy0 + ky) * g.width() + ix0 + kx) * taps + (ky * k + kx) * filters;
                        Im2col.copy(dz, o, q, dst, filters);
                    }
                }
                o += filters;
            }
        }
    }
}
