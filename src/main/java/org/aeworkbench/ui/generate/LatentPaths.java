package org.aeworkbench.ui.generate;

import java.util.Arrays;

/**
 * Points in a latent space to decode: straight and spherical interpolation between two codes,
 * and the quantile grid of Kingma and Welling's manifold figures.
 */
final class LatentPaths {

    private LatentPaths() {
    }

    /** {@code steps} codes from a to b inclusive, n x k row-major: z(t) = (1 - t) a + t b. */
    static float[] linear(float[] a, float[] b, int steps) {
        int k = a.length;
        float[] out = new float[steps * k];
        for (int s = 0; s < steps; s++) {
            double t = steps == 1 ? 0 : (double) s / (steps - 1);
            for (int j = 0; j < k; j++) {
                out[s * k + j] = (float) ((1 - t) * a[j] + t * b[j]);
            }
        }
        return out;
    }

    /**
     * Spherical interpolation (Shoemake 1985; for latent spaces White, "Sampling Generative Networks",
     * 2016): z(t) = sin((1 - t) w) / sin w * a + sin(t w) / sin w * b with cos w = a.b / (|a| |b|).
     * It keeps the norm of Gaussian codes typical along the way; nearly parallel codes fall back to
     * the straight line.
     */
    static float[] spherical(float[] a, float[] b, int steps) {
        double na = norm(a);
        double nb = norm(b);
        if (na == 0 || nb == 0) {
            return linear(a, b, steps);
        }
        double dot = 0;
        for (int j = 0; j < a.length; j++) {
            dot += a[j] * b[j];
        }
        double omega = Math.acos(Math.max(-1, Math.min(1, dot / (na * nb))));
        if (Math.sin(omega) < 1e-6) {
            return linear(a, b, steps);
        }
        int k = a.length;
        float[] out = new float[steps * k];
        for (int s = 0; s < steps; s++) {
            double t = steps == 1 ? 0 : (double) s / (steps - 1);
            double wa = Math.sin((1 - t) * omega) / Math.sin(omega);
            double wb = Math.sin(t * omega) / Math.sin(omega);
            for (int j = 0; j < k; j++) {
                out[s * k + j] = (float) (wa * a[j] + wb * b[j]);
            }
        }
        return out;
    }

    /**
     * The n x n grid of 2-D codes at probabilities p_i = (i + 0.5) / n in each direction, mapped
     * through {@code quantile} per dimension: the inverse normal CDF for a VAE's N(0, I) prior
     * (Kingma and Welling 2014, figure 4), the codes' own quantiles for other models. Rows run
     * from high z2 at the top to low z2, as a plot reads.
     */
    static float[] manifold(int n, java.util.function.DoubleUnaryOperator q1, java.util.function.DoubleUnaryOperator q2) {
        float[] out = new float[n * n * 2];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                int i = r * n + c;
                out[2 * i] = (float) q1.applyAsDouble((c + 0.5) / n);
                out[2 * i + 1] = (float) q2.applyAsDouble(1 - (r + 0.5) / n);
            }
        }
        return out;
    }

    /** The empirical p-quantile of column {@code dim} of n x k codes (linear between order statistics). */
    static double empiricalQuantile(float[] codes, int n, int k, int dim, double p) {
        double[] col = new double[n];
        for (int i = 0; i < n; i++) {
            col[i] = codes[i * k + dim];
        }
        Arrays.sort(col);
        double pos = p * (n - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(n - 1, lo + 1);
        return col[lo] + (pos - lo) * (col[hi] - col[lo]);
    }

    /**
     * The inverse of the standard normal CDF, by Acklam's rational approximation (relative error
     * below 1.15e-9 on (0, 1)).
     */
    static double normalQuantile(double p) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("probability must lie strictly between 0 and 1, not " + p);
        }
        double[] a = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02,
            -3.066479806614716e+01, 2.506628277459239e+00};
        double[] b = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01,
            -1.328068155288572e+01};
        double[] c = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00,
            4.374664141464968e+00, 2.938163982698783e+00};
        double[] d = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00};
        double low = 0.02425;
        double x;
        if (p < low) {
            double q = Math.sqrt(-2 * Math.log(p));
            x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                    / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        } else if (p <= 1 - low) {
            double q = p - 0.5;
            double r = q * q;
            x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
                    / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
        } else {
            double q = Math.sqrt(-2 * Math.log(1 - p));
            x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                    / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }
        return x;
    }

    private static double norm(float[] v) {
        double s = 0;
        for (float x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }
}
