package org.aeworkbench.engine.variant;

import java.util.List;
import java.util.SplittableRandom;
import org.aeworkbench.engine.layer.Buffers;
import org.aeworkbench.engine.layer.EpochAware;
import org.aeworkbench.engine.layer.Parameter;
import org.aeworkbench.engine.layer.Pass;
import org.aeworkbench.engine.layer.PenaltyLayer;
import org.aeworkbench.engine.tensor.Shape;

/**
 * The stochastic code of a variational autoencoder (Kingma and Welling, "Auto-Encoding Variational
 * Bayes", ICLR 2014). Its input holds, per sample, the posterior mean mu (first L values) and
 * log-variance lv = log sigma^2 (next L values) of q(z|x) = N(mu, diag(sigma^2)).
 * <ul>
 *   <li>Training, and evaluating the loss as trained ({@link Pass#sampling()}): the
 *       reparameterisation {@code z = mu + exp(lv / 2) * eps}, eps ~ N(0, I) drawn from the pass's
 *       stream, so the gradient reaches mu and lv (section 2.4).</li>
 *   <li>Inference: {@code z = mu}, the posterior mean, which is what encoding returns.</li>
 *   <li>Penalty (term "kl"), in both: {@code beta * KL(q || N(0, I))} per sample, using the closed form
 *       of the paper's appendix B, {@code KL = -1/2 sum_j (1 + lv_j - mu_j^2 - exp(lv_j))}, mean over
 *       the batch; beta != 1 is the beta-VAE of Higgins et al. 2017.</li>
 *   <li>Backward: {@code dmu = g + beta mu / B} and
 *       {@code dlv = g * eps * exp(lv / 2) / 2 + beta (exp(lv) - 1) / (2 B)}, with B the batch size.</li>
 * </ul>
 * With {@code warmupEpochs > 0} the KL weight rises linearly from 0 at the first epoch to beta at
 * epoch {@code warmupEpochs} (KL annealing, Bowman et al. 2016; Sonderby et al. 2016).
 *
 * <p>No clamp is put on lv: the exponentials are taken in double, where they stay finite for
 * lv below about 700; a run that drives lv that high makes the loss infinite, which the trainer
 * reports as divergence rather than silently training a different objective.
 */
public final class GaussianSampleLayer implements PenaltyLayer, EpochAware {

    private final int latent;
    private final double beta;
    private final int warmupEpochs;
    private double klWeight;

    private float[] input;
    private float[] z;
    private float[] eps;
    private float[] gradIn;
    private boolean sampled;
    private double lastKl;

    /**
     * @param latent       L, the latent dimension (the input has 2L values per sample)
     * @param beta         weight of the KL term
     * @param warmupEpochs epochs over which the weight rises from 0 to beta (0 = none)
     */
    public GaussianSampleLayer(int latent, double beta, int warmupEpochs) {
        if (latent < 1) {
            throw new IllegalArgumentException("the latent dimension must be at least 1, not " + latent);
        }
        this.latent = latent;
        this.beta = beta;
        this.warmupEpochs = warmupEpochs;
        this.klWeight = beta;
    }

    @Override
    public void onEpochStart(int epoch) {
        klWeight = warmupEpochs <= 0 ? beta : beta * Math.min(1.0, epoch / (double) warmupEpochs);
    }

    @Override
    public String kind() {
        return "Gaussian sample";
    }

    @Override
    public String termName() {
        return "kl";
    }

    /** The weighted KL term of the last pass, per sample. */
    @Override
    public double lastPenalty() {
        return klWeight * lastKl;
    }

    /** KL(q(z|x) || N(0, I)) of the last pass in nats per sample, without beta: the ELBO's own term. */
    public double lastKl() {
        return lastKl;
    }

    @Override
    public Shape inputShape() {
        return Shape.vector(2 * latent);
    }

    @Override
    public Shape outputShape() {
        return Shape.vector(latent);
    }

    @Override
    public List<Parameter> parameters() {
        return List.of();
    }

    @Override
    public float[] forward(float[] x, int batch, Pass pass) {
        input = x;
        sampled = pass.sampling();
        z = Buffers.ensure(z, batch * latent);
        if (sampled) {
            eps = Buffers.ensure(eps, batch * latent);
            SplittableRandom random = pass.random();
            for (int i = 0; i < batch * latent; i++) {
                eps[i] = (float) random.nextGaussian();
            }
        }
        double kl = 0;
        for (int r = 0; r < batch; r++) {
            kl += rowKl(x, r);
            int mOff = r * 2 * latent;
            for (int j = 0; j < latent; j++) {
                int o = r * latent + j;
                z[o] = sampled ? (float) (x[mOff + j] + Math.sqrt(Math.exp(x[mOff + latent + j])) * eps[o]) : x[mOff + j];
            }
        }
        lastKl = kl / batch;
        return z;
    }

    /**
     * KL(q(z|x) || N(0, I)) in nats of each sample of the last pass, without beta, written to
     * {@code out[offset .. offset + batch)}: the per-sample terms whose mean {@link #lastKl()} is.
     */
    public void klPerSample(double[] out, int offset, int batch) {
        for (int r = 0; r < batch; r++) {
            out[offset + r] = rowKl(input, r);
        }
    }

    /** -1/2 sum_j (1 + lv_j - mu_j^2 - exp(lv_j)) for row r of a (mu, lv) input (Kingma and Welling, appendix B). */
    private double rowKl(float[] x, int r) {
        int mOff = r * 2 * latent;
        int vOff = mOff + latent;
        double sum = 0;
        for (int j = 0; j < latent; j++) {
            double mu = x[mOff + j];
            double lv = x[vOff + j];
            sum += 1 + lv - mu * mu - Math.exp(lv);
        }
        return -0.5 * sum;
    }

    @Override
    public float[] backward(float[] gradOutput, int batch, boolean needInputGrad) {
        if (!needInputGrad) {
            return null;
        }
        gradIn = Buffers.ensure(gradIn, batch * 2 * latent);
        double w = klWeight / batch;
        for (int r = 0; r < batch; r++) {
            int mOff = r * 2 * latent;
            int vOff = mOff + latent;
            for (int j = 0; j < latent; j++) {
                int o = r * latent + j;
                double mu = input[mOff + j];
                double lv = input[vOff + j];
                double var = Math.exp(lv);
                double g = gradOutput[o];
                double dLv = sampled ? g * eps[o] * Math.sqrt(var) / 2 : 0;
                gradIn[mOff + j] = (float) (g + w * mu);
                gradIn[vOff + j] = (float) (dLv + w * (var - 1) / 2);
            }
        }
        return gradIn;
    }
}
