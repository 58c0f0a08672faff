package org.aeworkbench.engine.blas;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Runs a single-threaded GEMM on several threads by splitting the rows of C into contiguous
 * blocks. Each element of C is computed by exactly one thread in the same order whatever the
 * timing, so results are bit-identical for a given thread count.
 */
final class RowSplitGemm implements Gemm {

    /** Below this many multiply-adds a product is not worth handing to another thread. */
    private static final long MIN_PARALLEL_WORK = 1L << 18;

    private final ThreadLocal<float[]> scratch = ThreadLocal.withInitial(() -> new float[0]);
    private final Gemm single;
    private final ExecutorService pool;
    private final int threads;

    RowSplitGemm(Gemm single, ExecutorService pool, int threads) {
        this.single = single;
        this.pool = pool;
        this.threads = threads;
    }

    @Override
    public String name() {
        return single.name() + ", rows split over " + threads + " threads";
    }

    @Override
    public void sgemm(boolean transA, boolean transB, int m, int n, int k,
                      float alpha, float[] a, int aOff, int lda,
                      float[] b, int bOff, int ldb,
                      float beta, float[] c, int cOff, int ldc) {
        int parts = (int) Math.min(threads, Math.max(1, (long) m * n * k / MIN_PARALLEL_WORK));
        parts = Math.min(parts, m);
        if (parts <= 1) {
            single.sgemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
            return;
        }
        Future<?>[] futures = new Future<?>[parts - 1];
        for (int p = 1; p < parts; p++) {
            int r0 = (int) ((long) m * p / parts);
            int r1 = (int) ((long) m * (p + 1) / parts);
            futures[p - 1] = pool.submit(() -> block(transA, transB, r0, r1, n, k, alpha, a, aOff, lda,
                    b, bOff, ldb, beta, c, cOff, ldc));
        }
        block(transA, transB, 0, (int) ((long) m / parts), n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
        Parallel.awaitAll(futures);
    }

    private float[] scratch(int size) {
        float[] s = scratch.get();
        if (s.length < size) {
            s = new float[size];
            scratch.set(s);
        }
        return s;
    }

    private void block(boolean transA, boolean transB, int r0, int r1, int n, int k,
                       float alpha, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                       float beta, float[] c, int cOff, int ldc) {
        int rows = r1 - r0;
        if (!transA || !(single instanceof NetlibGemm)) {
            // Rows of op(A) are rows of A, or columns of A when it is transposed.
            single.sgemm(transA, transB, rows, n, k, alpha, a, aOff + (transA ? r0 : r0 * lda), lda, b, bOff, ldb,
                    beta, c, cOff + r0 * ldc, ldc);
            return;
        }
        // netlib's bounds check assumes every operand spans whole leading dimensions, so a block
        // of columns of a transposed A is copied out rather than offset.
        float[] block = scratch(k * rows);
        for (int p = 0; p < k; p++) {
            System.arraycopy(a, aOff + p * lda + r0, block, p * rows, rows);
        }
        single.sgemm(true, transB, rows, n, k, alpha, block, 0, rows, b, bOff, ldb,
                beta, c, cOff + r0 * ldc, ldc);
    }
}
