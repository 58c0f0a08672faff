package org.aeworkbench.engine.variant;

import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.tensor.Shape;

/**
 * Sparsity target on mean firing rates (Ng, "Sparse autoencoder", CS294A lecture notes, 2011):
 * with {@code rho_hat_j} the mean activation of unit j over the batch, the penalty is
 * <pre>  beta * sum_j [ rho log(rho / rho_hat_j) + (1 - rho) log((1 - rho) / (1 - rho_hat_j)) ]</pre>
 * and, since d rho_hat_j / d h_bj = 1 / batch, every sample's activation receives
 * <pre>  dP/dh_bj = beta * (-rho / rho_hat_j + (1 - rho) / (1 - rho_hat_j)) / batch.</pre>
 * Activations must lie in (0, 1) (sigmoid units); rho_hat is clamped into (1e-6, 1 - 1e-6) so a
 * unit that is always off or always on gives a large but finite penalty.
 */
public final class KlSparsityPenalty extends ActivityPenalty {

    private static final double EPS = 1e-6;

    private final double rho;
    private double[] rhoHat;
    private float[] columnGrad;

    public KlSparsityPenalty(Shape shape, double weight, double rho) {
        super(shape, weight);
        if (!(rho > 0 && rho < 1)) {
            throw new IllegalArgumentException("the target activation rho must lie strictly between 0 and 1, not " + rho);
        }
        this.rho = rho;
        this.rhoHat = new double[width];
        this.columnGrad = new float[width];
    }

    @Override
    public String kind() {
        return "KL sparsity";
    }

    /** Mean activation of each unit over the last batch (before clamping). */
    public double[] meanActivations() {
        return rhoHat.clone();
    }

    @Override
    double penalty(Compute compute, float[] h, int batch) {
        java.util.Arrays.fill(rhoHat, 0);
        for (int r = 0; r < batch; r++) {
            int off = r * width;
            for (int j = 0; j < width; j++) {
                rhoHat[j] += h[off + j];
            }
        }
        double kl = 0;
        for (int j = 0; j < width; j++) {
            rhoHat[j] /= batch;
            double q = Math.min(1 - EPS, Math.max(EPS, rhoHat[j]));
            kl += rho * Math.log(rho / q) + (1 - rho) * Math.log((1 - rho) / (1 - q));
            columnGrad[j] = (float) (weight * (-rho / q + (1 - rho) / (1 - q)) / batch);
        }
        return weight * kl;
    }

    @Override
    void addGradient(Compute compute, float[] h, float[] g, int batch) {
        // The per-unit gradient was computed with the penalty; it is the same for every sample.
        float[] c = columnGrad;
        compute.parallelRows(batch, width, (r0, r1) -> {
            for (int r = r0; r < r1; r++) {
                int off = r * width;
                for (int j = 0; j < width; j++) {
                    g[off + j] += c[j];
                }
            }
        });
    }
}
