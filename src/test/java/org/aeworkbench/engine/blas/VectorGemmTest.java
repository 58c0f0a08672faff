package org.aeworkbench.engine.blas;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link VectorGemm} against a double-precision product computed here, with BLAS semantics for
 * transposes, offsets, leading dimensions, alpha and beta, and the bit-level properties the
 * engine's row split and repeatability rest on.
 */
class VectorGemmTest {

    /** Edge sizes around the 8 x 32 tile, the 16-lane vector and the packing blocks. */
    private static final int[] SIZES = {1, 2, 15, 16, 17, 33, 127, 129, 784};
    private static final float EPS = Math.ulp(1f);

    private static Gemm gemm;

    @BeforeAll
    static void vectorApi() {
        assumeTrue(Simd.available(), "the JVM was started without jdk.incubator.vector");
        gemm = new VectorGemm();
    }

    /** Operands of one product, stored with padding around them so strides and offsets matter. */
    private record Problem(boolean transA, boolean transB, int m, int n, int k, float alpha, float beta,
                           float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                           float[] c, int cOff, int ldc) {

        static Problem random(boolean transA, boolean transB, int m, int n, int k, float alpha, float beta,
                              long seed) {
            SplittableRandom r = new SplittableRandom(seed);
            int lda = (transA ? m : k) + 3;
            int ldb = (transB ? k : n) + 5;
            int ldc = n + 7;
            int aOff = 2;
            int bOff = 9;
            int cOff = 4;
            float[] a = filled(aOff + (transA ? k : m) * lda, r);
            float[] b = filled(bOff + (transB ? n : k) * ldb, r);
            float[] c = filled(cOff + m * ldc + 3, r);
            return new Problem(transA, transB, m, n, k, alpha, beta, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
        }

        float opA(int i, int p) {
            return transA ? a[aOff + p * lda + i] : a[aOff + i * lda + p];
        }

        float opB(int p, int j) {
            return transB ? b[bOff + j * ldb + p] : b[bOff + p * ldb + j];
        }

        float[] run(Gemm g) {
            float[] out = c.clone();
            g.sgemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, out, cOff, ldc);
            return out;
        }

        String label() {
            return (transA ? "T" : "N") + (transB ? "T" : "N") + " m=" + m + " n=" + n + " k=" + k
                    + " alpha=" + alpha + " beta=" + beta;
        }
    }

    private static float[] filled(int size, SplittableRandom r) {
        float[] x = new float[size];
        for (int i = 0; i < size; i++) {
            x[i] = (float) (r.nextDouble() * 2 - 1);
        }
        return x;
    }

    /**
     * Compares with the product in double. The bound is the standard one for a float dot
     * product, k eps sum |a||b| (Higham, Accuracy and Stability of Numerical Algorithms, 2002,
     * section 3.1), plus the rounding of alpha and of the update of C; elements of the array
     * outside C must be left as they were.
     */
    private static void assertMatchesReference(Problem q) {
        float[] got = q.run(gemm);
        for (int idx = 0; idx < q.c.length; idx++) {
            int rel = idx - q.cOff;
            boolean inside = rel >= 0 && rel / q.ldc < q.m && rel % q.ldc < q.n;
            if (!inside && Float.floatToIntBits(got[idx]) != Float.floatToIntBits(q.c[idx])) {
                fail(q.label() + ": element " + idx + " outside C was overwritten");
            }
        }
        for (int i = 0; i < q.m; i++) {
            for (int j = 0; j < q.n; j++) {
                double dot = 0;
                double abs = 0;
                for (int p = 0; p < q.k; p++) {
                    double t = (double) q.opA(i, p) * q.opB(p, j);
                    dot += t;
                    abs += Math.abs(t);
                }
                int at = q.cOff + i * q.ldc + j;
                double old = q.beta == 0f ? 0 : (double) q.beta * q.c[at];
                double expected = q.alpha * dot + old;
                double tol = (q.k + 2) * EPS * Math.abs(q.alpha) * abs + 2 * EPS * (Math.abs(old) + Math.abs(expected));
                assertEquals(expected, got[at], tol + Float.MIN_NORMAL, q.label() + " at (" + i + ", " + j + ")");
            }
        }
    }

    @Test
    void allFourTransposesMatchTheDoublePrecisionProductAtEdgeSizes() {
        long seed = 1;
        for (boolean transA : new boolean[] {false, true}) {
            for (boolean transB : new boolean[] {false, true}) {
                for (int s : SIZES) {
                    assertMatchesReference(Problem.random(transA, transB, s, 17, 33, 1f, 0f, seed++));
                    assertMatchesReference(Problem.random(transA, transB, 16, s, 129, 1f, 1f, seed++));
                    assertMatchesReference(Problem.random(transA, transB, 33, 127, s, -0.5f, 2f, seed++));
                }
            }
        }
    }

    @Test
    void blocksLargerThanOnePackedPanelInEveryDimension() {
        // m > MC, n > NC and k > KC, so every blocking loop runs more than once, with partial blocks.
        assertTrue(600 > VectorGemm.MC && 1100 > VectorGemm.NC && 600 > VectorGemm.KC);
        assertMatchesReference(Problem.random(false, false, 600, 40, 20, 1f, 0f, 11));
        assertMatchesReference(Problem.random(true, true, 9, 1100, 20, 1.5f, 1f, 12));
        assertMatchesReference(Problem.random(true, false, 20, 45, 600, 1f, 1f, 13));
        assertMatchesReference(Problem.random(false, true, 20, 45, 600, 1f, 0.25f, 14));
    }

    @Test
    void betaZeroOverwritesNaNGarbageAndAlphaZeroReadsNeitherOperand() {
        for (boolean transA : new boolean[] {false, true}) {
            Problem q = Problem.random(transA, !transA, 19, 37, 45, 1f, 0f, 21);
            Arrays.fill(q.c, Float.NaN);
            float[] got = q.run(gemm);
            for (int i = 0; i < q.m; i++) {
                for (int j = 0; j < q.n; j++) {
                    assertTrue(Float.isFinite(got[q.cOff + i * q.ldc + j]), "NaN from C leaked through beta = 0");
                }
            }
            assertMatchesReference(withC(q, q.c.clone()));
        }
        // alpha = 0: C = beta C, and NaN in A or B (never read, as in BLAS) does not reach it.
        Problem q = Problem.random(false, false, 9, 40, 7, 0f, 0.5f, 22);
        Arrays.fill(q.a, Float.NaN);
        float[] got = q.run(gemm);
        for (int j = 0; j < q.n; j++) {
            assertEquals(0.5f * q.c[q.cOff + 3 * q.ldc + j], got[q.cOff + 3 * q.ldc + j], 0f);
        }
        // k = 0 with beta = 0: C is cleared.
        Problem empty = Problem.random(true, false, 5, 6, 0, 1f, 0f, 23);
        float[] cleared = empty.run(gemm);
        assertEquals(0f, cleared[empty.cOff + 2 * empty.ldc + 5], 0f);
    }

    private static Problem withC(Problem q, float[] c) {
        return new Problem(q.transA, q.transB, q.m, q.n, q.k, q.alpha, q.beta, q.a, q.aOff, q.lda,
                q.b, q.bOff, q.ldb, c, q.cOff, q.ldc);
    }

    @Test
    void aRowBlockComputedAloneEqualsTheSameRowsOfTheFullProductBitForBit() {
        for (boolean transA : new boolean[] {false, true}) {
            for (boolean transB : new boolean[] {false, true}) {
                Problem full = Problem.random(transA, transB, 129, 100, 300, 1f, 1f, 31);
                float[] whole = full.run(gemm);
                int[][] blocks = {{0, 64}, {64, 129}, {1, 8}, {7, 40}, {13, 129}, {100, 101}};
                for (int[] blk : blocks) {
                    int r0 = blk[0];
                    int rows = blk[1] - r0;
                    float[] part = full.c.clone();
                    // Rows of op(A) are rows of A, or columns of A when it is transposed.
                    int aOff = full.aOff + (transA ? r0 : r0 * full.lda);
                    gemm.sgemm(transA, transB, rows, full.n, full.k, full.alpha, full.a, aOff, full.lda,
                            full.b, full.bOff, full.ldb, full.beta, part, full.cOff + r0 * full.ldc, full.ldc);
                    for (int i = r0; i < r0 + rows; i++) {
                        int from = full.cOff + i * full.ldc;
                        assertArrayEquals(Arrays.copyOfRange(whole, from, from + full.n),
                                Arrays.copyOfRange(part, from, from + full.n),
                                full.label() + ": row " + i + " of block " + Arrays.toString(blk));
                    }
                }
            }
        }
    }

    @Test
    void columnsComputedByTheNarrowTileEqualTheSameColumnsOfAWideProductBitForBit() {
        int lanes = GemmMicroKernel.L;
        for (boolean transB : new boolean[] {false, true}) {
            Problem full = Problem.random(true, transB, 40, 3 * lanes + 5, 200, 0.75f, 1f, 51);
            float[] whole = full.run(gemm);
            for (int j0 : new int[] {0, 5, 2 * lanes}) {
                for (int cols : new int[] {1, 2, lanes}) {
                    float[] part = full.c.clone();
                    // Columns of op(B) are columns of B, or rows of B when it is transposed.
                    int bOff = full.bOff + (transB ? j0 * full.ldb : j0);
                    gemm.sgemm(true, transB, full.m, cols, full.k, full.alpha, full.a, full.aOff, full.lda,
                            full.b, bOff, full.ldb, full.beta, part, full.cOff + j0, full.ldc);
                    for (int i = 0; i < full.m; i++) {
                        int from = full.cOff + i * full.ldc + j0;
                        assertArrayEquals(Arrays.copyOfRange(whole, from, from + cols),
                                Arrays.copyOfRange(part, from, from + cols),
                                full.label() + ": row " + i + ", columns from " + j0 + ", " + cols + " wide");
                    }
                }
            }
        }
    }

    @Test
    void repeatedCallsAndTheRowSplitOverThreadsGiveIdenticalBits() {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Gemm split = new RowSplitGemm(gemm, pool, 3);
            for (boolean transA : new boolean[] {false, true}) {
                Problem q = Problem.random(transA, false, 128, 512, 784, 1f, 0f, 41);
                float[] first = q.run(gemm);
                float[] again = q.run(gemm);
                float[] threaded = q.run(split);
                assertArrayEquals(first, again, "two calls differ");
                assertArrayEquals(first, threaded, "rows split over three threads differ from one call");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theJavaBackendUsesItWhenTheVectorApiIsPresent() {
        try (Compute c = Compute.create(Backend.JAVA, 1)) {
            assertTrue(c.gemm().name().startsWith("Java Vector API GEMM"), c.gemm().name());
        }
    }
}
