package org.aeworkbench.analysis;

import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.blas.JavaBLAS;

/**
 * Checks and small kernels shared by the analysis classes, on row-major float samples.
 *
 * <p>All products go through netlib's pure-Java BLAS rather than whatever native library the
 * machine happens to have, so a figure in the README reproduces bit for bit on any machine;
 * with the Vector API enabled (the launcher does this) it runs at SIMD speed.
 */
final class Matrices {

    /** The BLAS used for every product in analysis. */
    static final BLAS BLAS = JavaBLAS.getInstance();

    private Matrices() {
    }

    /**
     * Checks that {@code values} holds n rows of width finite numbers.
     *
     * @param what the name shown to the user, e.g. "training codes"
     */
    static void checkRows(float[] values, int n, int width, String what) {
        check(values, n, width, what, true);
    }

    /**
     * Checks that the first n rows of width in {@code values} are there and finite; rows after
     * them are not looked at (an array shared with a larger set).
     */
    static void checkLeadingRows(float[] values, int n, int width, String what) {
        check(values, n, width, what, false);
    }

    /** The rows' shape, then their values; {@code exact}: no values after the n rows either. */
    private static void check(float[] values, int n, int width, String what, boolean exact) {
        if (values == null) {
            throw new IllegalArgumentException(what + " are missing");
        }
        if (n < 1 || width < 1) {
            throw new IllegalArgumentException(what + ": need at least one row and one column, got "
                    + n + " x " + width);
        }
        long length = (long) n * width;
        if (exact ? length != values.length : length > values.length) {
            throw new IllegalArgumentException(what + ": " + values.length + " values do not make "
                    + n + " rows of " + width);
        }
        for (int i = 0; i < length; i++) {
            if (!Float.isFinite(values[i])) {
                throw new IllegalArgumentException(what + ": row " + (i / width) + ", column "
                        + (i % width) + " is " + values[i] + "; remove or replace non-finite values first");
            }
        }
    }

    /** Checks that there is one label per row. */
    static void checkLabels(int[] labels, int n, String what) {
        if (labels == null) {
            throw new IllegalArgumentException(what + " are missing: this measure needs class labels");
        }
        if (labels.length != n) {
            throw new IllegalArgumentException(what + ": " + labels.length + " labels for " + n + " rows");
        }
    }

    /** Row-major float to row-major double. */
    static double[] toDouble(float[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }

    /** Squared Euclidean norm of every row, in double. */
    static double[] rowSquaredNorms(double[] x, int n, int d) {
        double[] norms = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = i * d, end = j + d; j < end; j++) {
                s += x[j] * x[j];
            }
            norms[i] = s;
        }
        return norms;
    }
}
