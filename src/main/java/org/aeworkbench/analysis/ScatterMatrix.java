package org.aeworkbench.analysis;

/**
 * The scatter matrix S = sum_i (x_i - mean)(x_i - mean)^T of row-major float samples, in double:
 * the covariance times (n - 1). PCA's principal axes are its eigenvectors.
 *
 * <p>The samples are centred before the product (not S = X^T X - n mean mean^T afterwards), which
 * avoids cancellation when the mean is large against the spread. Rows go through in fixed chunks;
 * each chunk is centred into a feature-major buffer so that every entry of S is a dot product
 * of two contiguous columns, the form netlib's vectorised {@code dgemm("T", "N")} is fastest at.
 * The upper triangle is cut into fixed column tiles shared among the threads; a tile's arithmetic
 * does not depend on which thread runs it, so S is bit-identical for any thread count.
 */
final class ScatterMatrix {

    /** Rows centred per pass: 1024 x 784 doubles is 6.4 MB, comfortably inside the caches' reach. */
    static final int ROWS_PER_CHUNK = 1024;
    /** Columns of S per tile; 784 / 56 = 14 tiles, enough to balance two to eight threads. */
    static final int COLUMNS_PER_TILE = 56;

    private ScatterMatrix() {
    }

    /** The mean of every column, summed in double in row order. */
    static double[] columnMeans(float[] x, int n, int d) {
        double[] mean = new double[d];
        for (int i = 0; i < n; i++) {
            int row = i * d;
            for (int j = 0; j < d; j++) {
                mean[j] += x[row + j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= n;
        }
        return mean;
    }

    /** S as a row-major d x d array (symmetric, so also column-major). */
    static double[] of(float[] x, int n, int d, double[] mean, int threads) {
        double[] scatter = new double[d * d];
        int tiles = (d + COLUMNS_PER_TILE - 1) / COLUMNS_PER_TILE;
        double[] chunk = new double[d * Math.min(n, ROWS_PER_CHUNK)];
        try (ParallelTiles parallel = new ParallelTiles(threads)) {
            for (int first = 0; first < n; first += ROWS_PER_CHUNK) {
                Pca.stopIfInterrupted();
                int rows = Math.min(ROWS_PER_CHUNK, n - first);
                int start = first;
                // chunk[j * rows + r] = x[first + r][j] - mean[j]: column j of the chunk is contiguous.
                parallel.run(tiles, t -> centreColumns(x, d, mean, start, rows,
                        t * COLUMNS_PER_TILE, Math.min(d, (t + 1) * COLUMNS_PER_TILE), chunk));
                parallel.run(tiles, t -> {
                    // Largest tiles first so the last one to finish is short.
                    int tile = tiles - 1 - t;
                    int j0 = tile * COLUMNS_PER_TILE;
                    int j1 = Math.min(d, j0 + COLUMNS_PER_TILE);
                    // S[0..j1, j0..j1] += C[:, 0..j1]^T C[:, j0..j1], C = the centred chunk (rows x d, column-major).
                    Matrices.BLAS.dgemm("T", "N", j1, j1 - j0, rows, 1.0, chunk, 0, rows,
                            chunk, j0 * rows, rows, 1.0, scatter, j0 * d, d);
                });
            }
        }
        // Only the upper triangle (row <= column, column-major) was accumulated; mirror it.
        for (int col = 0; col < d; col++) {
            for (int row = col + 1; row < d; row++) {
                scatter[col * d + row] = scatter[row * d + col];
            }
        }
        return scatter;
    }

    private static void centreColumns(float[] x, int d, double[] mean, int first, int rows,
                                      int j0, int j1, double[] chunk) {
        for (int r = 0; r < rows; r++) {
            int row = (first + r) * d;
            for (int j = j0; j < j1; j++) {
                chunk[j * rows + r] = x[row + j] - mean[j];
            }
        }
    }
}
