package org.aeworkbench.analysis;

/**
 * Trustworthiness of an embedding (Venna and Kaski, "Neighborhood preservation in nonlinear
 * projection methods: an experimental study", ICANN 2001): how far the k nearest neighbours of
 * each point in the embedding are from being its neighbours in the original space,
 *
 * <pre>T(k) = 1 - 2 / (n k (2n - 3k - 1)) * sum_i sum_{j in U_k(i)} max(0, r(i, j) - k)</pre>
 *
 * where U_k(i) are the k nearest neighbours of i in the embedding and r(i, j) is the rank of j
 * among i's neighbours in the original space (1 = nearest). This is the formula of
 * scikit-learn's {@code sklearn.manifold.trustworthiness} with the Euclidean metric; 1 means
 * every embedded neighbourhood is a true one. Ties in distance go to the lower index.
 *
 * <p>Original-space distances come row block by row block from a {@code dgemm} of the data with
 * itself (||a - b||^2 = ||a||^2 + ||b||^2 - 2 a.b), so memory stays at one block, not n x n;
 * a few thousand points take well under a second. The penalty is an exact integer, so the
 * result does not depend on the thread count.
 */
public final class Trustworthiness {

    /** scikit-learn's default neighbourhood size. */
    public static final int DEFAULT_NEIGHBOURS = 5;

    private static final int ROWS_PER_TILE = 64;

    private Trustworthiness() {
    }

    /** T(5) on every core. */
    public static double of(float[] original, int originalDims, float[] embedded, int embeddedDims, int n) {
        return of(original, originalDims, embedded, embeddedDims, n, DEFAULT_NEIGHBOURS, ParallelTiles.defaultThreads());
    }

    /**
     * @param original   n samples in the input space, row-major
     * @param embedded   the same n samples' codes, row-major
     * @param neighbours k, below n / 2 as the formula's normalisation requires
     * @param threads    threads to use; the result does not depend on it
     */
    public static double of(float[] original, int originalDims, float[] embedded, int embeddedDims, int n,
                            int neighbours, int threads) {
        Matrices.checkRows(original, n, originalDims, "original samples");
        Matrices.checkRows(embedded, n, embeddedDims, "embedded codes");
        if (neighbours < 1 || neighbours >= n / 2.0) {
            throw new IllegalArgumentException("trustworthiness needs 1 <= k < n / 2; got k = " + neighbours
                    + " for n = " + n + " points");
        }
        double[] x = Matrices.toDouble(original);
        double[] squaredNorms = Matrices.rowSquaredNorms(x, n, originalDims);
        double[] z = Matrices.toDouble(embedded);
        int tiles = (n + ROWS_PER_TILE - 1) / ROWS_PER_TILE;
        long[] penalties = new long[tiles];
        try (ParallelTiles parallel = new ParallelTiles(threads)) {
            parallel.run(tiles, t -> penalties[t] = penalty(x, squaredNorms, originalDims, z, embeddedDims, n,
                    neighbours, t * ROWS_PER_TILE, Math.min(n, (t + 1) * ROWS_PER_TILE)));
        }
        long total = 0;
        for (long p : penalties) {
            total += p;
        }
        double k = neighbours;
        return 1.0 - total * (2.0 / (n * k * (2.0 * n - 3.0 * k - 1.0)));
    }

    /** sum over rows i in [first, end) of sum_{j in U_k(i)} max(0, r(i, j) - k). */
    private static long penalty(double[] x, double[] squaredNorms, int d, double[] z, int dz, int n,
                                int k, int first, int end) {
        int rows = end - first;
        // gram(i, l) = x_i . x_l at l * rows + (i - first): column-major rows x n.
        double[] gram = new double[rows * n];
        Matrices.BLAS.dgemm("T", "N", rows, n, d, 1.0, x, first * d, d, x, 0, d, 0.0, gram, 0, rows);
        int[] embeddedNeighbours = new int[k];
        double[] scratch = new double[k];
        long penalty = 0;
        for (int i = first; i < end; i++) {
            NearestNeighbours.nearest(z, i * dz, z, n, dz, k, i, embeddedNeighbours, scratch);
            int r = i - first;
            for (int j : embeddedNeighbours) {
                // ||x_i - x_l||^2 minus the constant ||x_i||^2 orders i's neighbours just as well.
                double key = squaredNorms[j] - 2 * gram[j * rows + r];
                int rank = 1;
                for (int l = 0; l < n; l++) {
                    if (l == i) {
                        continue;
                    }
                    double other = squaredNorms[l] - 2 * gram[l * rows + r];
                    if (other < key || (other == key && l < j)) {
                        rank++;
                    }
                }
                penalty += Math.max(0, rank - k);
            }
        }
        return penalty;
    }
}
