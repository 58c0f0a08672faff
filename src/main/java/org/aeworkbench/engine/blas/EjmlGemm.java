package org.aeworkbench.engine.blas;

import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_FDRM;

/**
 * Last-resort GEMM on EJML's {@code CommonOps_FDRM}, used when netlib cannot load at all.
 * EJML wants whole matrices, so strided operands are copied in and out; this backend is
 * correct everywhere but several times slower than the BLAS ones.
 */
final class EjmlGemm implements Gemm {

    @Override
    public String name() {
        return "EJML CommonOps (pure Java)";
    }

    @Override
    public void sgemm(boolean transA, boolean transB, int m, int n, int k,
                      float alpha, float[] a, int aOff, int lda,
                      float[] b, int bOff, int ldb,
                      float beta, float[] c, int cOff, int ldc) {
        FMatrixRMaj ma = copy(a, aOff, lda, transA ? k : m, transA ? m : k);
        FMatrixRMaj mb = copy(b, bOff, ldb, transB ? n : k, transB ? k : n);
        FMatrixRMaj product = new FMatrixRMaj(m, n);
        if (transA && transB) {
            CommonOps_FDRM.multTransAB(alpha, ma, mb, product);
        } else if (transA) {
            CommonOps_FDRM.multTransA(alpha, ma, mb, product);
        } else if (transB) {
            CommonOps_FDRM.multTransB(alpha, ma, mb, product);
        } else {
            CommonOps_FDRM.mult(alpha, ma, mb, product);
        }
        for (int i = 0; i < m; i++) {
            int row = cOff + i * ldc;
            for (int j = 0; j < n; j++) {
                float p = product.data[i * n + j];
                c[row + j] = beta == 0f ? p : beta * c[row + j] + p;
            }
        }
    }

    private static FMatrixRMaj copy(float[] x, int off, int ld, int rows, int cols) {
        FMatrixRMaj m = new FMatrixRMaj(rows, cols);
        for (int i = 0; i < rows; i++) {
            System.arraycopy(x, off + i * ld, m.data, i * cols, cols);
        }
        return m;
    }
}
