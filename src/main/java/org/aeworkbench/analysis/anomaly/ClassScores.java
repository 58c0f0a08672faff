package org.aeworkbench.analysis.anomaly;

/**
 * One class of the test set in an anomaly run: how the two detectors score it, and for an
 * anomalous class how well each separates it from the normal test samples alone.
 *
 * @param label       the class index
 * @param name        its name
 * @param normal      whether it is one of the normal classes
 * @param samples     its test samples
 * @param aeMeanScore mean autoencoder score of its samples
 * @param aeAuroc     AUROC of this class against the normal test samples (NaN for a normal class)
 * @param pcaMeanScore mean PCA score
 * @param pcaAuroc    PCA's AUROC of this class against the normal test samples
 */
public record ClassScores(int label, String name, boolean normal, int samples, double aeMeanScore, double aeAuroc,
                          double pcaMeanScore, double pcaAuroc) {
}
