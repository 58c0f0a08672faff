package org.aeworkbench.engine.blas;

/**
 * Single-precision matrix product on row-major arrays:
 * {@code C = alpha * op(A) * op(B) + beta * C}, where op(X) is X or its transpose.
 * Every hot product of the engine goes through this one interface, so the backend
 * (native BLAS, the Java Vector API, or EJML) is chosen in one place.
 *
 * <p>Dimensions follow BLAS: op(A) is m x k, op(B) is k x n, C is m x n; {@code lda},
 * {@code ldb}, {@code ldc} are the row strides of the arrays as stored.
 */
public interface Gemm {

    /** Short name shown to the user, e.g. "native OpenBLAS (netlib JNI)". */
    String name();

    void sgemm(boolean transA, boolean transB, int m, int n, int k,
               float alpha, float[] a, int aOff, int lda,
               float[] b, int bOff, int ldb,
               float beta, float[] c, int cOff, int ldc);

    /** Convenience for dense, unstrided operands. */
    default void sgemm(boolean transA, boolean transB, int m, int n, int k,
                       float alpha, float[] a, float[] b, float beta, float[] c) {
        sgemm(transA, transB, m, n, k, alpha, a, 0, transA ? m : k, b, 0, transB ? k : n, beta, c, 0, n);
    }
}
