package org.aeworkbench.engine.blas;

import static org.aeworkbench.engine.blas.GemmMicroKernel.MR;
import static org.aeworkbench.engine.blas.GemmMicroKernel.NR;

/**
 * Single-threaded GEMM on the Java Vector API with the Goto/BLIS structure (Goto and van de
 * Geijn, "Anatomy of High-Performance Matrix Multiplication", ACM TOMS 34(3), 2008): a kc x nc
 * block of op(B) and an mc x kc block of op(A) are packed into contiguous panels
 * ({@link GemmPanels}), and {@link GemmMicroKernel} multiplies an MR-row panel of A by an
 * NR-column panel of B with the MR x NR block of C in registers. One kc x NR panel of B
 * (32 KB) stays in the 48 KB L1 while the panels of A stream past it from L2.
 *
 * <p>Deterministic and independent of the row split: every element of C is the same sequence of
 * operations (fused multiply-adds over each kc block of k in order, then the update of C) whatever
 * the timing, and whatever rows precede it in the call, since the kc blocks depend on k alone and
 * edge tiles run the same kernel on zero-padded panels. {@link RowSplitGemm} relies on this.
 *
 * <p>Only load after {@link Simd#available()}.
 */
final class VectorGemm implements Gemm {

    /**
     * Largest depth of a packed block: a kc x NR panel of B fills two thirds of the 48 KB L1
     * (128 and 512 measured 5-10% slower on the engine's shapes, 192 and 384 the same).
     */
    static final int KC = 256;
    /** Largest number of rows of op(A) per packed block (mc x kc floats, up to 512 KB, in L2). */
    static final int MC = 512;
    /** Largest number of columns of op(B) per packed block (kc x nc floats, up to 1 MB, in L2). */
    static final int NC = 1024;

    private static final ThreadLocal<Workspace> WORKSPACE = ThreadLocal.withInitial(Workspace::new);

    /** Packing buffers of one thread, grown to the largest call seen and then reused. */
    private static final class Workspace {
        float[] a = new float[0];
        float[] b = new float[0];
        final float[] tile = new float[MR * NR];
        final int[] rowStarts = new int[GemmMicroKernel.S.length()];

        float[] a(int size) {
            if (a.length < size) {
                a = new float[size];
            }
            return a;
        }

        float[] b(int size) {
            if (b.length < size) {
                b = new float[size];
            }
            return b;
        }
    }

    @Override
    public String name() {
        int lanes = GemmMicroKernel.S.length();
        return "Java Vector API GEMM (" + (lanes * 32) + "-bit SIMD, " + lanes + " lanes)";
    }

    @Override
    public void sgemm(boolean transA, boolean transB, int m, int n, int k,
                      float alpha, float[] a, int aOff, int lda,
                      float[] b, int bOff, int ldb,
                      float beta, float[] c, int cOff, int ldc) {
        if (m == 0 || n == 0) {
            return;
        }
        // C = beta C first, so the kernel only accumulates (see GemmMicroKernel); beta = 0 clears C
        // even where it held NaN, and alpha = 0 or k = 0 reads neither A nor B, as BLAS specifies.
        if (beta != 1f) {
            scale(m, n, beta, c, cOff, ldc);
        }
        if (k == 0 || alpha == 0f) {
            return;
        }
        Workspace w = WORKSPACE.get();
        // Blocks as equal as the limits allow (k = 784 is 4 x 196 rather than 3 x 256 + 16); the
        // kc blocks, which fix the order of the sums, depend on k alone.
        int kcMax = blockLength(k, KC, 1);
        int mcMax = blockLength(m, MC, MR);
        // One vector wide tiles when one vector spans all of n: lanes wasted on padding halve.
        int width = n <= GemmMicroKernel.L ? GemmMicroKernel.L : NR;
        int ncMax = blockLength(n, NC, width);
        for (int jc = 0; jc < n; jc += ncMax) {
            int nc = Math.min(ncMax, n - jc);
            for (int pc = 0; pc < k; pc += kcMax) {
                int kc = Math.min(kcMax, k - pc);
                float[] bp = w.b(roundUp(nc, width) * kc);
                GemmPanels.packB(transB, b, bOff, ldb, pc, kc, jc, nc, width, bp, w.rowStarts);
                for (int ic = 0; ic < m; ic += mcMax) {
                    int mc = Math.min(mcMax, m - ic);
                    float[] ap = w.a(roundUp(mc, MR) * kc);
                    GemmPanels.packA(transA, a, aOff, lda, ic, mc, pc, kc, ap);
                    macroKernel(mc, nc, kc, width, ap, bp, alpha, c, cOff + ic * ldc + jc, ldc, w.tile);
                }
            }
        }
    }

    /** All tiles of an mc x nc block of C from packed panels; panels of B outside, so one stays in L1. */
    private static void macroKernel(int mc, int nc, int kc, int width, float[] ap, float[] bp,
                                    float alpha, float[] c, int cOff, int ldc, float[] tile) {
        for (int jr = 0; jr < nc; jr += width) {
            int nr = Math.min(width, nc - jr);
            int bo = jr * kc;
            for (int ir = 0; ir < mc; ir += MR) {
                int mr = Math.min(MR, mc - ir);
                int ao = ir * kc;
                int co = cOff + ir * ldc + jr;
                if (mr == MR && nr == width) {
                    GemmMicroKernel.multiply(width, kc, ap, ao, bp, bo, alpha, c, co, ldc);
                } else {
                    // A partial tile goes through a full-size scratch tile, so it runs the same kernel.
                    for (int i = 0; i < mr; i++) {
                        System.arraycopy(c, co + i * ldc, tile, i * width, nr);
                    }
                    GemmMicroKernel.multiply(width, kc, ap, ao, bp, bo, alpha, tile, 0, width);
                    for (int i = 0; i < mr; i++) {
                        System.arraycopy(tile, i * width, c, co + i * ldc, nr);
                    }
                }
            }
        }
    }

    private static void scale(int m, int n, float beta, float[] c, int cOff, int ldc) {
        for (int i = 0; i < m; i++) {
            int row = cOff + i * ldc;
            for (int j = 0; j < n; j++) {
                c[row + j] = beta == 0f ? 0f : beta * c[row + j];
            }
        }
    }

    /** The length of blocks that split {@code extent} into equal pieces of at most about {@code max}, in whole units. */
    private static int blockLength(int extent, int max, int unit) {
        int blocks = (extent + max - 1) / max;
        return roundUp((extent + blocks - 1) / blocks, unit);
    }

    private static int roundUp(int x, int multiple) {
        return (x + multiple - 1) / multiple * multiple;
    }
}
