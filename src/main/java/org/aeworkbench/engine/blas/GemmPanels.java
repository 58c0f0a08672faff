package org.aeworkbench.engine.blas;

import static org.aeworkbench.engine.blas.GemmMicroKernel.MR;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Packing for {@link VectorGemm}: copies a block of op(A) or op(B) into the contiguous, k-major
 * panels that {@link GemmMicroKernel} streams through. This is where transposes, offsets and
 * leading dimensions are absorbed, so the kernel sees one layout whatever the caller's.
 * Panels are padded with zeros to whole tiles: padded rows and columns add exact zeros that are
 * never stored, so a tile at the edge computes its valid elements exactly like a full one.
 */
final class GemmPanels {

    private static final VectorSpecies<Float> S = GemmMicroKernel.S;
    private static final int L = GemmMicroKernel.L;

    private GemmPanels() {
    }

    /**
     * Rows [i0, i0 + mc) and columns [p0, p0 + kc) of op(A) into MR-row panels; panel q starts
     * at {@code q * MR * kc} and holds element (i, p) at {@code p * MR + i}.
     */
    static void packA(boolean transA, float[] a, int aOff, int lda, int i0, int mc, int p0, int kc, float[] dst) {
        for (int ir = 0; ir < mc; ir += MR) {
            int mr = Math.min(MR, mc - ir);
            if (transA) {
                panelOfTransposedA(a, aOff + p0 * lda + i0 + ir, lda, mr, kc, dst, ir * kc);
            } else {
                panelOfA(a, aOff + (i0 + ir) * lda + p0, lda, mr, kc, dst, ir * kc);
            }
        }
    }

    // Each case of packing is its own method, so each gets its own JIT profile: with one method
    // for all, the products the engine mixes (wide, narrow, transposed or not) slowed each other's
    // packing by up to two times.

    /** A row-major: MR rows of A transposed into k-major order. */
    private static void panelOfA(float[] a, int src, int lda, int mr, int kc, float[] dst, int base) {
        for (int i = 0; i < mr; i++) {
            int row = src + i * lda;
            for (int p = 0; p < kc; p++) {
                dst[base + p * MR + i] = a[row + p];
            }
        }
        for (int i = mr; i < MR; i++) {
            for (int p = 0; p < kc; p++) {
                dst[base + p * MR + i] = 0f;
            }
        }
    }

    /**
     * op(A)(i, p) = A(p, i): each step of k is MR consecutive floats of a row of A. (Copying the
     * eight as one 256-bit vector made products with a transposed A two to three times slower.)
     */
    private static void panelOfTransposedA(float[] a, int src, int lda, int mr, int kc, float[] dst, int base) {
        for (int p = 0; p < kc; p++) {
            int row = src + p * lda;
            int d = base + p * MR;
            for (int i = 0; i < mr; i++) {
                dst[d + i] = a[row + i];
            }
            for (int i = mr; i < MR; i++) {
                dst[d + i] = 0f;
            }
        }
    }

    /**
     * Rows [p0, p0 + kc) and columns [j0, j0 + nc) of op(B) into panels {@code width} columns
     * wide ({@link GemmMicroKernel#NR} or {@link GemmMicroKernel#L}); panel q starts at
     * {@code q * width * kc} and holds element (p, j) at {@code p * width + j}.
     * {@code rowStarts} is scratch of L ints for the transposed case.
     */
    static void packB(boolean transB, float[] b, int bOff, int ldb, int p0, int kc, int j0, int nc,
                      int width, float[] dst, int[] rowStarts) {
        int full = nc / width * width;
        if (transB) {
            for (int jr = 0; jr < nc; jr += width) {
                panelOfTransposedB(b, bOff + (j0 + jr) * ldb + p0, ldb, kc, Math.min(width, nc - jr), width,
                        dst, jr * kc, rowStarts);
            }
            return;
        }
        panelsOfB(b, bOff + p0 * ldb + j0, ldb, kc, full, width, dst);
        if (full < nc) {
            partialPanelOfB(b, bOff + p0 * ldb + j0 + full, ldb, kc, nc - full, width, dst, full * kc);
        }
    }

    /**
     * B row-major, all whole panels: each step of k is a run of {@code width} floats of a row of B
     * per panel, copied by vectors. Rows of B are the outer loop, so B is read in order: read
     * panel by panel, 128 bytes from each row 2 KB apart, this copy took 14% of the dense
     * reference epoch's profile samples instead of 6%.
     */
    private static void panelsOfB(float[] b, int src, int ldb, int kc, int cols, int width, float[] dst) {
        for (int p = 0; p < kc; p++) {
            int row = src + p * ldb;
            for (int jr = 0; jr < cols; jr += width) {
                int d = jr * kc + p * width;
                for (int v = 0; v < width; v += L) {
                    FloatVector.fromArray(S, b, row + jr + v).intoArray(dst, d + v);
                }
            }
        }
    }

    /** The last columns of B, fewer than a panel, then zeros. */
    private static void partialPanelOfB(float[] b, int src, int ldb, int kc, int nr, int width, float[] dst, int base) {
        for (int p = 0; p < kc; p++) {
            int row = src + p * ldb;
            int d = base + p * width;
            for (int j = 0; j < nr; j++) {
                dst[d + j] = b[row + j];
            }
            for (int j = nr; j < width; j++) {
                dst[d + j] = 0f;
            }
        }
    }

    /**
     * One panel of op(B) = B^T: column j of the panel is row j of B from {@code src}. A gather
     * reads one element of each of L rows of B per step, a vector at a time: 1.8 times as fast as
     * the scalar transpose it replaced and 1.25 times the best loop order tried, which matters
     * because with 64 rows of C per thread the transpose took a third of such a product.
     */
    private static void panelOfTransposedB(float[] b, int src, int ldb, int kc, int nr, int width, float[] dst,
                                        int base, int[] rowStarts) {
        for (int l = 0; l < L; l++) {
            rowStarts[l] = l * ldb;
        }
        int j = 0;
        for (; j + L <= nr; j += L) {
            int from = src + j * ldb;
            for (int p = 0; p < kc; p++) {
                FloatVector.fromArray(S, b, from + p, rowStarts, 0).intoArray(dst, base + p * width + j);
            }
        }
        for (; j < nr; j++) {
            int from = src + j * ldb;
            for (int p = 0; p < kc; p++) {
                dst[base + p * width + j] = b[from + p];
            }
        }
        for (; j < width; j++) {
            for (int p = 0; p < kc; p++) {
                dst[base + p * width + j] = 0f;
            }
        }
    }
}
