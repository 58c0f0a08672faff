package org.aeworkbench.analysis;

import org.aeworkbench.engine.blas.Gemm;

/**
 * Squared Euclidean distances between a block of query rows and every reference row, through the
 * engine's GEMM: {@code ||q - x||^2 = ||q||^2 + ||x||^2 - 2 q.x}, the cross term for the whole block
 * as one product. Rounding can leave a distance of two near-equal rows a hair below zero; such a
 * value is stored as 0, since no distance is negative.
 *
 * <p>Retrieval ranks, k-means assigns and DEC measures through this one class, so codes meet
 * one distance everywhere.
 */
public final class SquaredDistances {

    private SquaredDistances() {
    }

    /** Squared norm of every row of an n x d row-major array, summed in double. */
    public static float[] rowNorms(float[] x, int n, int d) {
        float[] norms = new float[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = i * d, end = j + d; j < end; j++) {
                s += (double) x[j] * x[j];
            }
            norms[i] = (float) s;
        }
        return norms;
    }

    /**
     * Writes the distances of queries [first, first + rows) to every reference row into
     * {@code out} (rows x nReference, row-major).
     *
     * @param queries        query rows, d wide
     * @param queryNorms     {@link #rowNorms} of all queries
     * @param reference      nReference rows, d wide
     * @param referenceNorms {@link #rowNorms} of the reference rows
     */
    public static void block(Gemm gemm, float[] queries, float[] queryNorms, int first, int rows,
                             float[] reference, float[] referenceNorms, int nReference, int d, float[] out) {
        // out = -2 Q X^T, then each entry gets its two norms added.
        gemm.sgemm(false, true, rows, nReference, d, -2f, queries, first * d, d, reference, 0, d, 0f, out, 0, nReference);
        for (int r = 0; r < rows; r++) {
            float qn = queryNorms[first + r];
            int base = r * nReference;
            for (int j = 0; j < nReference; j++) {
                float v = out[base + j] + qn + referenceNorms[j];
                out[base + j] = v > 0f ? v : 0f;
            }
        }
    }

    /** The squared distance between row i of {@code a} and row j of {@code b}, both {@code width} wide, in double. */
    public static double between(float[] a, int i, float[] b, int j, int width) {
        double s = 0;
        for (int t = 0; t < width; t++) {
            double diff = a[i * width + t] - b[j * width + t];
            s += diff * diff;
        }
        return s;
    }
}
