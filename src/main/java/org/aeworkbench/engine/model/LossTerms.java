package org.aeworkbench.engine.model;

import java.util.Map;

/**
 * Loss per sample, split into its terms so each can be plotted.
 *
 * @param total          reconstruction plus every penalty
 * @param reconstruction the reconstruction loss (sum over features, mean over samples)
 * @param penalties      named extra terms ("kl", "sparsity", "contractive"), each per sample
 * @param metrics        named figures reported beside the loss but not part of it, such as an
 *                       adversarial autoencoder's "discriminator" loss and "discriminator accuracy"
 *                       (see {@link MinibatchStep})
 */
public record LossTerms(double total, double reconstruction, Map<String, Double> penalties, Map<String, Double> metrics) {

    public LossTerms {
        penalties = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(penalties));
        metrics = metrics == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(metrics));
    }

    /** Terms without metrics. */
    public LossTerms(double total, double reconstruction, Map<String, Double> penalties) {
        this(total, reconstruction, penalties, Map.of());
    }

    public static LossTerms of(double reconstruction, Map<String, Double> penalties) {
        double total = reconstruction;
        for (double p : penalties.values()) {
            total += p;
        }
        return new LossTerms(total, reconstruction, penalties);
    }

    /** The same terms with these metrics. */
    public LossTerms withMetrics(Map<String, Double> m) {
        return new LossTerms(total, reconstruction, penalties, m);
    }

    public boolean isFinite() {
        return Double.isFinite(total);
    }

    /**
     * The term a training step cannot go on from, or null: one that is NaN, infinite, or larger
     * than {@link Float#MAX_VALUE}. Losses are summed in double, so a term can be finite there and
     * still be beyond float range; its gradients, which are float, would then overflow and the
     * step would write Inf or NaN into the weights. A term that overflowed is named before a NaN
     * one, since the NaN is usually its consequence (an infinite VAE variance makes the sampled
     * code infinite and the reconstruction NaN), and penalties before the reconstruction, which
     * they feed through the code. When only NaNs are left there is no cause to point at and the
     * reconstruction is named.
     *
     * @return "reconstruction", a penalty's name (e.g. "kl"), or null when every term is usable
     */
    public String divergedTerm() {
        for (var e : penalties.entrySet()) {
            if (overflowed(e.getValue())) {
                return e.getKey();
            }
        }
        if (overflowed(reconstruction) || Double.isNaN(reconstruction)) {
            return "reconstruction";
        }
        for (var e : penalties.entrySet()) {
            if (Double.isNaN(e.getValue())) {
                return e.getKey();
            }
        }
        return null;
    }

    private static boolean overflowed(double term) {
        return Math.abs(term) > Float.MAX_VALUE; // infinities included; NaN compares false
    }
}
