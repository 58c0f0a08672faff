package org.aeworkbench.engine.conv;

import java.util.Arrays;
import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.blas.FloatArrays;
import org.aeworkbench.engine.blas.Simd;

/**
 * Lowering of windows to a matrix, so convolution becomes one GEMM (Chellapilla, Puri and Simard,
 * "High Performance Convolutional Neural Networks for Document Processing", 2006).
 *
 * <p>{@link #lower} writes, for output pixel p = oy * outWidth + ox, the row
 * {@code cols[p, (ky * kernel + kx) * channels + c] = x[oy * stride - padTop + ky, ox * stride - padLeft + kx, c]}
 * (zero outside the image). Because samples are channels-last, the kernel * channels values of
 * one kernel row are contiguous in the input, so each is a single array copy. {@link #scatterAdd}
 * is its adjoint (col2im): it adds every row entry back onto the pixel it came from.
 *
 * <p>The batch drivers split samples over threads with {@link Compute#parallelRows}; each thread
 * writes only its own samples, in a fixed order, so results do not depend on timing.
 */
final class Im2col {

    /** Runs shorter than this are copied or added with a scalar loop; a call's setup costs more. */
    private static final int MIN_VECTOR_RUN = 16;

    private Im2col() {
    }

    /** Lowers samples [first, first + count) of {@code x} into rows of {@code cols} from row 0. */
    static void lower(Compute compute, WindowGeometry g, float[] x, int first, int count, float[] cols) {
        int in = g.inputSize();
        int rows = g.positions() * g.patchSize();
        compute.parallelRows(count, rows, (from, to) -> {
            for (int b = from; b < to; b++) {
                lowerSample(g, x, (first + b) * in, cols, b * rows);
            }
        });
    }

    /**
     * Overwrites samples [first, first + count) of {@code x} with the scatter-add of the lowered rows
     * in {@code cols} (from row 0): the adjoint of {@link #lower}.
     */
    static void raise(Compute compute, WindowGeometry g, float[] cols, float[] x, int first, int count) {
        int in = g.inputSize();
        int rows = g.positions() * g.patchSize();
        compute.parallelRows(count, rows, (from, to) -> {
            for (int b = from; b < to; b++) {
                int off = (first + b) * in;
                Arrays.fill(x, off, off + in, 0f);
                scatterAdd(g, cols, b * rows, x, off);
            }
        });
    }

    /**
     * im2col of one sample starting at {@code xOff} into rows starting at {@code colsOff}. Windows
     * that lie wholly inside the image in x (all but a few at each border) take the short path: each
     * kernel row is one run of kernel * channels values, copied without bounds work.
     */
    static void lowerSample(WindowGeometry g, float[] x, int xOff, float[] cols, int colsOff) {
        int c = g.channels();
        int k = g.kernel();
        int s = g.stride();
        int run = k * c;
        int patch = g.patchSize();
        // Output columns [oxIn, oxOut) have every kernel column inside the image.
        int oxIn = Math.min(g.outWidth(), (g.padLeft() + s - 1) / s);
        int oxOut = Math.max(oxIn, Math.min(g.outWidth(), (g.width() - k + g.padLeft()) / s + 1));
        for (int oy = 0; oy < g.outHeight(); oy++) {
            int iy0 = oy * s - g.padTop();
            int rowStart = colsOff + oy * g.outWidth() * patch;
            for (int ky = 0; ky < k; ky++) {
                int iy = iy0 + ky;
                int first = rowStart + ky * run;
                if (iy < 0 || iy >= g.height()) {
                    for (int ox = 0, dst = first; ox < g.outWidth(); ox++, dst += patch) {
                        Arrays.fill(cols, dst, dst + run, 0f);
                    }
                    continue;
                }
                int rowOff = xOff + iy * g.width() * c;
                for (int ox = 0; ox < oxIn; ox++) {
                    lowerClipped(g, x, rowOff, ox, cols, first + ox * patch);
                }
                int dst = first + oxIn * patch;
                int src = rowOff + (oxIn * s - g.padLeft()) * c;
                if (run < MIN_VECTOR_RUN) {
                    for (int ox = oxIn; ox < oxOut; ox++, dst += patch, src += s * c) {
                        for (int j = 0; j < run; j++) {
                            cols[dst + j] = x[src + j];
                        }
                    }
                } else {
                    for (int ox = oxIn; ox < oxOut; ox++, dst += patch, src += s * c) {
                        System.arraycopy(x, src, cols, dst, run);
                    }
                }
                for (int ox = oxOut; ox < g.outWidth(); ox++) {
                    lowerClipped(g, x, rowOff, ox, cols, first + ox * patch);
                }
            }
        }
    }

    /** One kernel row of the window at output column ox, zero where it leaves the image in x. */
    private static void lowerClipped(WindowGeometry g, float[] x, int rowOff, int ox, float[] cols, int dst) {
        int c = g.channels();
        int k = g.kernel();
        int ix0 = ox * g.stride() - g.padLeft();
        int kx0 = Math.min(k, Math.max(0, -ix0));
        int kx1 = Math.max(kx0, Math.min(k, g.width() - ix0));
        Arrays.fill(cols, dst, dst + kx0 * c, 0f);
        copy(x, rowOff + (ix0 + kx0) * c, cols, dst + kx0 * c, (kx1 - kx0) * c);
        Arrays.fill(cols, dst + kx1 * c, dst + k * c, 0f);
    }

    /** System.arraycopy, whose call costs more than a short loop for the few values of a one-channel row. */
    static void copy(float[] src, int srcOff, float[] dst, int dstOff, int n) {
        if (n < MIN_VECTOR_RUN) {
            for (int j = 0; j < n; j++) {
                dst[dstOff + j] = src[srcOff + j];
            }
        } else {
            System.arraycopy(src, srcOff, dst, dstOff, n);
        }
    }

    /** col2im of one sample: x[pixel] += every lowered entry that was copied from that pixel. */
    static void scatterAdd(WindowGeometry g, float[] cols, int colsOff, float[] x, int xOff) {
        int c = g.channels();
        int k = g.kernel();
        int run = k * c;
        int rowStart = colsOff;
        boolean simd = Simd.available();
        for (int oy = 0; oy < g.outHeight(); oy++) {
            int iy0 = oy * g.stride() - g.padTop();
            for (int ox = 0; ox < g.outWidth(); ox++) {
                int ix0 = ox * g.stride() - g.padLeft();
                int kx0 = Math.max(0, -ix0);
                int kx1 = Math.min(k, g.width() - ix0);
                int len = (kx1 - kx0) * c;
                for (int ky = 0; ky < k; ky++) {
                    int iy = iy0 + ky;
                    if (iy < 0 || iy >= g.height() || len <= 0) {
                        continue;
                    }
                    int src = rowStart + ky * run + kx0 * c;
                    int dst = xOff + (iy * g.width() + ix0 + kx0) * c;
                    if (simd && len >= MIN_VECTOR_RUN) {
                        FloatArrays.addInPlace(x, dst, cols, src, len);
                    } else {
                        for (int j = 0; j < len; j++) {
                            x[dst + j] += cols[src + j];
                        }
                    }
                }
                rowStart += g.patchSize();
            }
        }
    }
}
