package org.aeworkbench.engine.model;

/**
 * Greedy layer-wise pretraining (Bengio et al. 2007; Hinton and Salakhutdinov 2006 used RBMs):
 * each encoder layer is first trained as a shallow autoencoder on the codes of the layers below,
 * then the whole stack is fine-tuned.
 *
 * @param pretrainEpochs epochs per layer before fine-tuning
 */
public record StackedSpec(int pretrainEpochs) {
}
