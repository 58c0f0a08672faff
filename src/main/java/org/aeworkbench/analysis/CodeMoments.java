package org.aeworkbench.analysis;

/**
 * The first two moments of a set of codes: how closely they follow a standard normal prior, the
 * test of an adversarial autoencoder with a Gaussian prior (Makhzani et al. 2015, section 2). Sums
 * are taken in double.
 *
 * @param mean       per dimension
 * @param covariance d x d, row-major, with the unbiased n - 1 divisor
 */
public record CodeMoments(double[] mean, double[] covariance) {

    /** Moments of n codes of {@code dims} values each, row-major. */
    public static CodeMoments of(float[] codes, int n, int dims) {
        if (n < 2) {
            throw new IllegalArgumentException("moments need at least 2 codes, not " + n);
        }
        double[] mean = new double[dims];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < dims; j++) {
                mean[j] += codes[i * dims + j];
            }
        }
        for (int j = 0; j < dims; j++) {
            mean[j] /= n;
        }
        double[] cov = new double[dims * dims];
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < dims; p++) {
                double dp = codes[i * dims + p] - mean[p];
                for (int q = 0; q < dims; q++) {
                    cov[p * dims + q] += dp * (codes[i * dims + q] - mean[q]);
                }
            }
        }
        for (int k = 0; k < cov.length; k++) {
            cov[k] /= n - 1;
        }
        return new CodeMoments(mean, cov);
    }

    /** max_j |mean_j|: the distance of the mean from 0 in the worst dimension. */
    public double largestMeanOffset() {
        double worst = 0;
        for (double m : mean) {
            worst = Math.max(worst, Math.abs(m));
        }
        return worst;
    }

    /** max_pq |covariance_pq - I_pq|: the distance of the covariance from the identity in the worst entry. */
    public double largestCovarianceOffset() {
        int d = mean.length;
        double worst = 0;
        for (int p = 0; p < d; p++) {
            for (int q = 0; q < d; q++) {
                worst = Math.max(worst, Math.abs(covariance[p * d + q] - (p == q ? 1 : 0)));
            }
        }
        return worst;
    }
}
