package org.aeworkbench.analysis.cluster;

/**
 * DEC's state at the start of an epoch (epoch 0 is the k-means start, before any fine-tuning):
 * what a view needs to show the clusters tightening.
 *
 * @param epoch       0 for the start, then 1, 2, ...
 * @param codes       every sample's code, n x width, row-major
 * @param width       code width
 * @param centres     k x width
 * @param assignments the most probable cluster of each sample
 * @param divergence  KL(P || Q) per sample
 * @param changed     share of samples whose cluster changed since the previous epoch (NaN at the start)
 */
public record DecEpoch(int epoch, float[] codes, int width, float[] centres, int[] assignments, double divergence,
                       double changed) {
}
