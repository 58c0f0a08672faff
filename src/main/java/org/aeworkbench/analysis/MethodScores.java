package org.aeworkbench.analysis;

/**
 * One row of the comparison table. A measure that does not apply is {@code NaN}: explained
 * variance for anything but PCA, neighbour measures for codes wider than the settings allow or
 * (kNN accuracy) for unlabelled data.
 *
 * @param method            "autoencoder", "PCA", ...
 * @param codeSize          k
 * @param reconError        mean over test samples of the summed squared error
 * @param perFeatureError   the same total over n * d: mean squared error per value
 * @param explainedVariance share of the training variance the k components keep (PCA only)
 * @param knnAccuracy       test accuracy of a kNN vote among training codes ({@link KnnAccuracy})
 * @param trustworthiness   {@link Trustworthiness} of the test codes against the test inputs
 * @param seconds           time to fit the method and encode both splits
 */
public record MethodScores(String method, int codeSize, double reconError, double perFeatureError,
                           double explainedVariance, double knnAccuracy, double trustworthiness,
                           double seconds) {
}
