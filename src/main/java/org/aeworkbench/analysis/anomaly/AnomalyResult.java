package org.aeworkbench.analysis.anomaly;

import java.util.List;

/**
 * An anomaly run scored: the autoencoder and the PCA baseline on the same test samples.
 *
 * @param split         the data it ran on
 * @param score         what the autoencoder's score is (PCA's is always its reconstruction error)
 * @param ae            the autoencoder's scores
 * @param pca           PCA's, fitted on the same normal training samples
 * @param pcaComponents PCA's code size: the autoencoder's, unless the normal set is smaller
 * @param perClass      one row per class present in the test set; empty without labels
 */
public record AnomalyResult(AnomalySplit split, AnomalyScore score, DetectorScores ae, DetectorScores pca,
                            int pcaComponents, List<ClassScores> perClass) {

    public AnomalyResult {
        perClass = List.copyOf(perClass);
    }
}
