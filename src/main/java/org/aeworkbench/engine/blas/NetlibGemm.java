package org.aeworkbench.engine.blas;

import dev.ludovic.netlib.blas.BLAS;

/**
 * GEMM through {@code dev.ludovic.netlib:blas}: the system's native BLAS via JNI when one is
 * installed, else its Java Vector-API implementation. BLAS is column-major; a row-major
 * product {@code C = A B} is the column-major product {@code C^T = B^T A^T}, so the operands
 * are passed swapped and no data is copied.
 */
final class NetlibGemm implements Gemm {

    private final BLAS blas;
    private final String name;

    NetlibGemm(BLAS blas, String name) {
        this.blas = blas;
        this.name = name;
    }

    /** Whether netlib loaded a native library for it (rather than one of its Java implementations). */
    boolean isNative() {
        return blas instanceof dev.ludovic.netlib.blas.NativeBLAS;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void sgemm(boolean transA, boolean transB, int m, int n, int k,
                      float alpha, float[] a, int aOff, int lda,
                      float[] b, int bOff, int ldb,
                      float beta, float[] c, int cOff, int ldc) {
        if (m == 0 || n == 0) {
            return;
        }
        blas.sgemm(transB ? "T" : "N", transA ? "T" : "N", n, m, k,
                alpha, b, bOff, ldb, a, aOff, lda, beta, c, cOff, ldc);
    }
}
