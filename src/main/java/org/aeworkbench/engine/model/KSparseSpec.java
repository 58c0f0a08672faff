package org.aeworkbench.engine.model;

/**
 * k-sparse code (Makhzani and Frey 2013): only the k largest code activations are kept.
 *
 * @param k              activations kept per sample
 * @param scheduleEpochs epochs over which k falls linearly from the code width to k (0 = none)
 */
public record KSparseSpec(int k, int scheduleEpochs) {
}
