package org.aeworkbench.analysis.cluster;

import org.aeworkbench.analysis.SquaredDistances;

/**
 * The soft assignment and target distribution of deep embedded clustering (Xie, Girshick and
 * Farhadi, "Unsupervised deep embedding for clustering analysis", ICML 2016, section 3.1), on
 * n codes z_i of width L and k centres mu_j, row-major, in double:
 * <ul>
 *   <li>eq. 1, soft assignment by a Student's t kernel with alpha degrees of freedom:
 *       {@code q_ij = (1 + ||z_i - mu_j||^2 / alpha)^(-(alpha + 1) / 2) / sum_j' (same for j')};</li>
 *   <li>eq. 3, the sharpened target, which puts more weight on confident assignments and divides by
 *       the soft cluster frequency f_j = sum_i q_ij so that large clusters do not take over:
 *       {@code p_ij = (q_ij^2 / f_j) / sum_j' (q_ij'^2 / f_j')};</li>
 *   <li>eq. 2, the loss {@code L = KL(P || Q) = sum_i sum_j p_ij log(p_ij / q_ij)};</li>
 *   <li>eqs. 4 and 5, its gradients with P held fixed, where w_ij = (1 + ||z_i - mu_j||^2 / alpha)^-1:
 *       {@code dL/dz_i = (alpha + 1) / alpha sum_j w_ij (p_ij - q_ij)(z_i - mu_j)} and
 *       {@code dL/dmu_j = -(alpha + 1) / alpha sum_i w_ij (p_ij - q_ij)(z_i - mu_j)}.</li>
 * </ul>
 * The paper sets alpha = 1.
 */
public final class StudentTAssignment {

    /** The paper's degrees of freedom. */
    public static final double ALPHA = 1.0;

    private StudentTAssignment() {
    }

    /** Eq. 1: q (n x k) of n codes against k centres. */
    public static double[] soft(float[] z, int n, int width, float[] centres, int k, double alpha) {
        double[] q = new double[n * k];
        double exponent = -(alpha + 1) / 2;
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int j = 0; j < k; j++) {
                double d2 = SquaredDistances.between(z, i, centres, j, width);
                double kernel = Math.pow(1 + d2 / alpha, exponent);
                q[i * k + j] = kernel;
                sum += kernel;
            }
            for (int j = 0; j < k; j++) {
                q[i * k + j] /= sum;
            }
        }
        return q;
    }

    /** Eq. 3: the target p (n x k) from q. */
    public static double[] target(double[] q, int n, int k) {
        double[] frequency = new double[k];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                frequency[j] += q[i * k + j];
            }
        }
        double[] p = new double[n * k];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int j = 0; j < k; j++) {
                double v = q[i * k + j] * q[i * k + j] / frequency[j];
                p[i * k + j] = v;
                sum += v;
            }
            for (int j = 0; j < k; j++) {
                p[i * k + j] /= sum;
            }
        }
        return p;
    }

    /** Eq. 2: KL(P || Q) summed over the n rows. */
    public static double divergence(double[] p, double[] q) {
        double kl = 0;
        for (int i = 0; i < p.length; i++) {
            if (p[i] > 0) {
                kl += p[i] * Math.log(p[i] / q[i]);
            }
        }
        return kl;
    }

    /**
     * Eqs. 4 and 5, scaled by {@code scale} (1 / batch for a mean loss): adds dL/dz into
     * {@code gradZ} (n x width) and dL/dmu into {@code gradCentres} (k x width).
     */
    public static void gradients(float[] z, int n, int width, float[] centres, int k, double alpha, double[] p,
                                 double[] q, double scale, float[] gradZ, float[] gradCentres) {
        double factor = (alpha + 1) / alpha * scale;
        double[] gz = new double[width];
        double[] gc = new double[k * width];
        for (int i = 0; i < n; i++) {
            java.util.Arrays.fill(gz, 0);
            for (int j = 0; j < k; j++) {
                double w = 1 / (1 + SquaredDistances.between(z, i, centres, j, width) / alpha);
                double c = factor * w * (p[i * k + j] - q[i * k + j]);
                for (int t = 0; t < width; t++) {
                    double diff = z[i * width + t] - centres[j * width + t];
                    gz[t] += c * diff;
                    gc[j * width + t] -= c * diff;
                }
            }
            for (int t = 0; t < width; t++) {
                gradZ[i * width + t] += (float) gz[t];
            }
        }
        for (int i = 0; i < gc.length; i++) {
            gradCentres[i] += (float) gc[i];
        }
    }

    /** The most probable cluster of each row of q (ties to the lower index). */
    public static int[] hardAssignments(double[] q, int n, int k) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            int best = 0;
            for (int j = 1; j < k; j++) {
                if (q[i * k + j] > q[i * k + best]) {
                    best = j;
                }
            }
            a[i] = best;
        }
        return a;
    }
}
