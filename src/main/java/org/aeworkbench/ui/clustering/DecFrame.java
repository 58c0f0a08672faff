package org.aeworkbench.ui.clustering;

/**
 * One epoch of DEC as the view draws it: the held-out samples encoded by the encoder as fine-tuned
 * so far, on the clustering's plane, with their clusters.
 *
 * @param epoch    0 for the k-means start, then each fine-tuning epoch
 * @param plane    the held-out codes on the plane, n x 2
 * @param clusters each held-out sample's most probable cluster
 * @param changed  share of training samples whose cluster changed in this epoch (NaN at the start)
 */
public record DecFrame(int epoch, float[] plane, int[] clusters, double changed) {
}
