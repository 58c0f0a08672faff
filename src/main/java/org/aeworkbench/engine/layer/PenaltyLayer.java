package org.aeworkbench.engine.layer;

/**
 * A layer that adds a term to the loss (a sparsity penalty, the VAE's KL divergence, ...).
 * The term is computed in the training forward pass and its gradient is added in backward,
 * so the network needs no special case per variant.
 */
public interface PenaltyLayer extends Layer {

    /** Name of the loss term as shown on the training curves: "kl", "sparsity", "contractive". */
    String termName();

    /** The term's value for the last training forward pass, averaged per sample. */
    double lastPenalty();
}
