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
    /** {@link #outputTable} for rows and for columns. */
    private final int[] outRow;
    private final int[] outCol;

    KernelLowering(WindowGeometry g, int filters) {
        this.g = g;
        this.filters = filters;
        this.taps = g.kernel() * g.kernel() * filters;
        this.wt = new float[g.channels() * taps];
        this.wtGrad = new float[g.channels() * taps];
        this.outRow = outputTable(g.height(), g.outHeight(), g.kernel(), g.stride(), g.padTop());
        this.outCol = outputTable(g.width(), g.outWidth(), g.kernel(), g.stride(), g.padLeft());
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

    /**
     * z[p, f] = sum over the taps inside the image of Q[pixel(p, ky, kx), (ky * k + kx) * F + f],
     * summed in tap order. Taps run outside the loop over a row's outputs, so the bounds are worked
     * out once per row and tap rather than per output.
     */
    private void shiftAdd(float[] q, int qOff, float[] z, int zOff) {
        int k = g.kernel();
        int s = g.stride();
        int outW = g.outWidth();
        int rowLength = outW * filters;
        for (int oy = 0; oy < g.outHeight(); oy++) {
            int o = zOff + oy * rowLength;
            Arrays.fill(z, o, o + rowLength, 0f);
            int iy0 = oy * s - g.padTop();
            int ky0 = Math.max(0, -iy0);
            int ky1 = Math.min(k, g.height() - iy0);
            for (int ky = ky0; ky < ky1; ky++) {
                int rowBase = qOff + (iy0 + ky) * g.width() * taps;
                for (int kx = 0; kx < k; kx++) {
                    int ox0 = firstOutput(kx);
                    int ox1 = endOutput(kx);
                    int tap = (ky * k + kx) * filters;
                    int src = rowBase + (ox0 * s - g.padLeft() + kx) * taps + tap;
                    int step = s * taps;
                    if (filters == 1) {
                        // A decoder's last layer: one value per tap, so no inner loop to set up.
                        for (int ox = ox0; ox < ox1; ox++, src += step) {
                            z[o + ox] += q[src];
                        }
                        continue;
                    }
                    for (int ox = ox0; ox < ox1; ox++, src += step) {
                        int dst = o + ox * filters;
                        for (int f = 0; f < filters; f++) {
                            z[dst + f] += q[src + f];
                        }
                    }
                }
            }
        }
    }

    /** First output column whose tap kx falls inside the image: ox * s - padLeft + kx &gt;= 0. */
    private int firstOutput(int kx) {
        int need = g.padLeft() - kx;
        return need <= 0 ? 0 : (need + g.stride() - 1) / g.stride();
    }

    /** One past the last output column whose tap kx falls inside the image: ox * s - padLeft + kx &lt; width. */
    private int endOutput(int kx) {
        int last = g.width() - 1 + g.padLeft() - kx;
        return last < 0 ? 0 : Math.min(g.outWidth(), last / g.stride() + 1);
    }

    /**
     * The adjoint of {@link #shiftAdd}: Q[pixel, tap] = dz[p] for the one output p that tap
     * gathered from that pixel, or 0 when none did. Written pixel by pixel as a gather, so Q is
     * written once, in order, with no separate zero fill; which output a tap reads comes from the
     * tables {@link #outRow} and {@link #outCol}, not from a division per value.
     */
    private void spread(float[] dz, int dzOff, float[] q, int qOff) {
        int k = g.kernel();
        if (filters == 1) {
            spreadOneFilter(dz, dzOff, q, qOff);
            return;
        }
        int dst = qOff;
        for (int iy = 0; iy < g.height(); iy++) {
            for (int ix = 0; ix < g.width(); ix++) {
                for (int ky = 0; ky < k; ky++) {
                    int oy = outRow[iy * k + ky];
                    for (int kx = 0; kx < k; kx++) {
                        int ox = outCol[ix * k + kx];
                        if (oy >= 0 && ox >= 0) {
                            int src = dzOff + (oy * g.outWidth() + ox) * filters;
                            for (int f = 0; f < filters; f++) {
                                q[dst + f] = dz[src + f];
                            }
                        } else {
                            for (int f = 0; f < filters; f++) {
                                q[dst + f] = 0f;
                            }
                        }
                        dst += filters;
                    }
                }
            }
        }
    }

    /** {@link #spread} for one filter, Q[pixel, tap] a single value: no inner loop over filters. */
    private void spreadOneFilter(float[] dz, int dzOff, float[] q, int qOff) {
        int k = g.kernel();
        int outW = g.outWidth();
        int dst = qOff;
        for (int iy = 0; iy < g.height(); iy++) {
            for (int ix = 0; ix < g.width(); ix++) {
                for (int ky = 0; ky < k; ky++) {
                    int oy = outRow[iy * k + ky];
                    for (int kx = 0; kx < k; kx++) {
                        int ox = outCol[ix * k + kx];
                        q[dst++] = oy >= 0 && ox >= 0 ? dz[dzOff + oy * outW + ox] : 0f;
                    }
                }
            }
        }
    }

    /**
     * For each input coordinate i and kernel offset kk, the output coordinate o with
     * o * stride - pad + kk = i, or -1 when there is none.
     */
    private static int[] outputTable(int length, int outLength, int k, int stride, int pad) {
        int[] table = new int[length * k];
        for (int i = 0; i < length; i++) {
            for (int kk = 0; kk < k; kk++) {
                int n = i + pad - kk;
                int o = n >= 0 && n % stride == 0 ? n / stride : -1;
                table[i * k + kk] = o < outLength ? o : -1;
            }
        }
        return table;
    }
}
