package org.aeworkbench.analysis.cluster;

/**
 * How k-means runs. The defaults are scikit-learn's ({@code KMeans(n_init=10, max_iter=300,
 * tol=1e-4)}), the settings of the k-means rows in the deep-clustering papers.
 *
 * @param clusters      k
 * @param restarts      independent k-means++ starts; the one of lowest inertia is kept
 * @param maxIterations Lloyd iterations per start at most
 * @param tolerance     a start stops when its centres move by at most this times the mean
 *                      feature variance (summed squared shift), as scikit-learn's {@code tol}
 * @param seed          seeds every start
 */
public record KMeansSettings(int clusters, int restarts, int maxIterations, double tolerance, long seed) {

    public KMeansSettings {
        if (clusters < 1) {
            throw new IllegalArgumentException("k-means needs at least 1 cluster, got " + clusters);
        }
        if (restarts < 1 || maxIterations < 1 || !(tolerance >= 0)) {
            throw new IllegalArgumentException("k-means needs at least 1 restart and 1 iteration and a tolerance of 0 or more");
        }
    }

    /** k clusters with scikit-learn's defaults: 10 restarts, 300 iterations, tolerance 1e-4. */
    public static KMeansSettings of(int clusters, long seed) {
        return new KMeansSettings(clusters, 10, 300, 1e-4, seed);
    }

    public KMeansSettings withRestarts(int r) {
        return new KMeansSettings(clusters, r, maxIterations, tolerance, seed);
    }
}
