package org.aeworkbench.engine.model;

/**
 * Variational autoencoder (Kingma and Welling 2014): the code layer emits a mean and a
 * log-variance per latent dimension, sampled by reparameterisation; the loss adds
 * beta * KL(q(z|x) || N(0, I)) (beta-VAE, Higgins et al. 2017, when beta != 1).
 *
 * @param beta weight of the KL term
 */
public record VariationalSpec(double beta) {
}
