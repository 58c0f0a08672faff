package org.aeworkbench.engine.model;

/**
 * Variational autoencoder (Kingma and Welling 2014): the code layer emits a mean and a
 * log-variance per latent dimension, sampled by reparameterisation; the loss adds
 * beta * KL(q(z|x) || N(0, I)) (beta-VAE, Higgins et al. 2017, when beta != 1).
 *
 * @param beta         weight of the KL term
 * @param warmupEpochs epochs over which the KL weight rises linearly from 0 to beta (KL annealing,
 *                     Bowman et al. 2016; Sonderby et al. 2016), which keeps the KL from collapsing
 *                     the code or exploding early; 0 for the full weight from the start
 */
public record VariationalSpec(double beta, int warmupEpochs) {

    public VariationalSpec(double beta) {
        this(beta, 0);
    }
}
