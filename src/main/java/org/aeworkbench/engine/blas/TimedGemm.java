package org.aeworkbench.engine.blas;

import java.util.concurrent.atomic.AtomicLong;

/** A GEMM that adds its wall time to a counter, for training profiles; only built when one is asked for. */
final class TimedGemm implements Gemm {

    private final Gemm inner;
    private final AtomicLong nanos;

    TimedGemm(Gemm inner, AtomicLong nanos) {
        this.inner = inner;
        this.nanos = nanos;
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public void sgemm(boolean transA, boolean transB, int m, int n, int k,
                      float alpha, float[] a, int aOff, int lda,
                      float[] b, int bOff, int ldb,
                      float beta, float[] c, int cOff, int ldc) {
        long t0 = System.nanoTime();
        inner.sgemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
        nanos.addAndGet(System.nanoTime() - t0);
    }
}
