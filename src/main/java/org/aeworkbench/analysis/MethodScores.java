package org.aeworkbench.analysis;

import org.aeworkbench.data.Dataset;

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

    /**
     * Scores one method's outputs as {@link Comparison} describes: reconstruction error on every
     * test sample; for codes no wider than {@link Comparison.Settings#neighbourMeasuresUpTo()}, kNN
     * accuracy among the training codes (labelled data only) and trustworthiness on the seeded
     * subset of test points the settings name (the same subset for every method on this split).
     *
     * @param explainedVariance the share of variance the code keeps, NaN for anything but PCA
     */
    public static MethodScores of(CodecOutputs outputs, double explainedVariance, Dataset train, Dataset test,
                                  Comparison.Settings settings) {
        int k = outputs.codeSize();
        Matrices.checkRows(outputs.trainCodes(), train.samples(), k, outputs.method() + " training codes");
        Matrices.checkRows(outputs.testCodes(), test.samples(), k, outputs.method() + " test codes");
        ReconstructionError error = ReconstructionError.of(test.values(), outputs.testReconstructions(),
                test.samples(), test.features());
        double knn = Double.NaN;
        double trust = Double.NaN;
        if (k <= settings.neighbourMeasuresUpTo() && test.samples() > 0) {
            if (train.hasLabels() && test.hasLabels() && settings.knnNeighbours() <= train.samples()) {
                knn = KnnAccuracy.of(outputs.trainCodes(), train.labels(), train.samples(), outputs.testCodes(),
                        test.labels(), test.samples(), k, settings.knnNeighbours(), settings.threads());
            }
            int[] subset = Subsample.indices(test.samples(), settings.trustworthinessPoints(), settings.seed());
            // The measure's normalisation needs k < n / 2; a split this small has no neighbourhoods to judge.
            if (subset.length > 2 * settings.trustworthinessNeighbours()) {
                int d = test.features();
                float[] inputs = new float[subset.length * d];
                float[] codes = new float[subset.length * k];
                for (int r = 0; r < subset.length; r++) {
                    System.arraycopy(test.values(), subset[r] * d, inputs, r * d, d);
                    System.arraycopy(outputs.testCodes(), subset[r] * k, codes, r * k, k);
                }
                trust = Trustworthiness.of(inputs, d, codes, k, subset.length, settings.trustworthinessNeighbours(),
                        settings.threads());
            }
        }
        return new MethodScores(outputs.method(), k, error.meanSummedSquaredError(), error.perFeatureError(),
                explainedVariance, knn, trust, outputs.seconds());
    }
}
