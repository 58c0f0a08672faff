package org.aeworkbench.engine.variant.rbm;

/**
 * The settings of one contrastive-divergence update (Hinton 2002).
 *
 * @param steps        k, the Gibbs steps between the positive and the negative statistics
 * @param learningRate e
 * @param momentum     m, the share of the previous step kept in this one
 * @param weightDecay  l, the L2 cost on the weights (not the biases)
 */
public record ContrastiveDivergence(int steps, double learningRate, double momentum, double weightDecay) {

    public ContrastiveDivergence {
        if (steps < 1) {
            throw new IllegalArgumentException("contrastive divergence needs at least 1 Gibbs step, not " + steps);
        }
    }
}
