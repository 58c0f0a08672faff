package org.aeworkbench.engine.blas;

import static org.aeworkbench.engine.blas.GemmMicroKernel.MR;
import static org.aeworkbench.engine.blas.GemmMicroKernel.NR;

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
    private static final int L = S.length();

    private GemmPanels() {
    }

    /**
     * Rows [i0, i0 + mc) and columns [p0, p0 + kc) of op(A) into MR-row panels; panel q starts
     * at {@code q * MR * kc} and holds element (i, p) at {@code p * MR + i}.
     */
    static void packA(boolean transA, float[] a, int aOff, int lda, int i0, int mc, int p0, int kc, float[] dst) {
        for (int ir = 0; ir < mc; ir += MR) {
            int mr = Math.min(MR, mc - ir);
            int base = ir * kc;
            if (transA) {
                // op(A)(i, p) = A(p, i): each step of k is MR consecutive floats of a row of A.
                for (int p = 0; p < kc; p++) {
                    int src = aOff + (p0 + p) * lda + i0 + ir;
                    int d = base + p * MR;
                    for (int i = 0; i < mr; i++) {
                        dst[d + i] = a[src + i];
                    }
                    for (int i = mr; i < MR; i++) {
                        dst[d + i] = 0f;
                    }
                }
            } else {
                // A row-major: transpose MR rows into k-major order.
                for (int i = 0; i < mr; i++) {
                    int src = aOff + (i0 + ir + i) * lda + p0;
                    for (int p = 0; p < kc; p++) {
                        dst[base + p * MR + i] = a[src + p];
                    }
                }
                for (int i = mr; i < MR; i++) {
                    for (int p = 0; p < kc; p++) {
                        dst[base + p * MR + i] = 0f;
                    }
                }
            }
        }
    }

    /**
     * Rows [p0, p0 + kc) and columns [j0, j0 + nc) of op(B) into NR-column panels; panel q
     * starts at {@code q * NR * kc} and holds element (p, j) at {@code p * NR + j}.
     * {@code rowStarts} is scratch of {@link #L} ints for the transposed case.
     */
    static void packB(boolean transB, float[] b, int bOff, int ldb, int p0, int kc, int j0, int nc, float[] dst,
                      int[] rowStarts) {
        for (int jr = 0; jr < nc; jr += NR) {
            int nr = Math.min(NR, nc - jr);
            int base = jr * kc;
            if (transB) {
                packTransposedB(b, bOff + (j0 + jr) * ldb + p0, ldb, kc, nr, dst, base, rowStarts);
            } else if (nr == NR) {
                for (int p = 0; p < kc; p++) {
                    int src = bOff + (p0 + p) * ldb + j0 + jr;
                    int d = base + p * NR;
                    FloatVector.fromArray(S, b, src).intoArray(dst, d);
                    FloatVector.fromArray(S, b, src + L).intoArray(dst, d + L);
                }
            } else {
                for (int p = 0; p < kc; p++) {
                    int src = bOff + (p0 + p) * ldb + j0 + jr;
                    int d = base + p * NR;
                    for (int j = 0; j < nr; j++) {
                        dst[d + j] = b[src + j];
                    }
                    for (int j = nr; j < NR; j++) {
                        dst[d + j] = 0f;
                    }
                }
            }
        }
    }

    /**
     * One NR-column panel of op(B) = B^T: column j of the panel is row j of B from {@code src}.
     * A gather reads one element of each of L rows of B per step, a vector at a time: about
     * twice as fast as a scalar transpose in any loop order, and this transpose is a third of
     * the time of a product with a transposed B when the row split leaves 64 rows of C.
     */
    private static void packTransposedB(float[] b, int src, int ldb, int kc, int nr, float[] dst, int base,
                                        int[] rowStarts) {
        for (int l = 0; l < L; l++) {
            rowStarts[l] = l * ldb;
        }
        int j = 0;
        for (; j + L <= nr; j += L) {
            int from = src + j * ldb;
            for (int p = 0; p < kc; p++) {
                FloatVector.fromArray(S, b, from + p, rowStarts, 0).intoArray(dst, base + p * NR + j);
            }
        }
        for (; j < nr; j++) {
            int from = src + j * ldb;
            for (int p = 0; p < kc; p++) {
                dst[base + p * NR + j] = b[from + p];
            }
        }
        for (; j < NR; j++) {
            for (int p = 0; p < kc; p++) {
                dst[base + p * NR + j] = 0f;
            }
        }
    }
}
