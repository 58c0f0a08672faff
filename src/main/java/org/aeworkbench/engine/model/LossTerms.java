package org.aeworkbench.engine.model;

import java.util.Map;

/**
 * Loss per sample, split into its terms so each can be plotted.
 *
 * @param total          reconstruction plus every penalty
 * @param reconstruction the reconstruction loss (sum over features, mean over samples)
 * @param penalties      named extra terms ("kl", "sparsity", "contractive"), each per sample
 */
public record LossTerms(double total, double reconstruction, Map<String, Double> penalties) {

    public LossTerms {
        penalties = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(penalties));
    }

    public static LossTerms of(double reconstruction, Map<String, Double> penalties) {
        double total = reconstruction;
        for (double p : penalties.values()) {
            total += p;
        }
        return new LossTerms(total, reconstruction, penalties);
    }

    public boolean isFinite() {
        return Double.isFinite(total);
    }
}
