package org.aeworkbench.analysis;

import org.aeworkbench.data.Dataset;

/**
 * An autoencoder and PCA at the same code size, scored on the same held-out split: the
 * comparison of Hinton and Salakhutdinov, "Reducing the dimensionality of data with neural
 * networks", Science 2006 (MNIST at 30-D: summed squared error 3.00 for the deep autoencoder
 * against 13.87 for PCA; at 2-D the autoencoder's codes separate the classes PCA mixes).
 *
 * <p>Reconstruction error is measured on every test sample. For codes no wider than
 * {@link Settings#neighbourMeasuresUpTo()}: kNN accuracy uses the training codes as the reference
 * set and every test code as a query; trustworthiness compares the test codes with the test
 * inputs on a seeded random subset of the test split (it costs n^2 d), the same subset for both.
 *
 * @param codeSize              k, shared by both methods
 * @param trainSamples          size of the training split (PCA's fit and kNN's reference set)
 * @param testSamples           size of the test split
 * @param features              d
 * @param autoencoder           the autoencoder's scores
 * @param pca                   PCA's scores
 * @param trustworthinessPoints test points trustworthiness used (0 when not measured)
 * @param settings              the settings used
 */
public record Comparison(int codeSize, int trainSamples, int testSamples, int features,
                         MethodScores autoencoder, MethodScores pca, int trustworthinessPoints,
                         Settings settings) {

    /**
     * How the neighbour measures are taken.
     *
     * @param knnNeighbours             k of the kNN vote (5 in the comparison)
     * @param trustworthinessNeighbours k of trustworthiness (scikit-learn's default, 5)
     * @param trustworthinessPoints     at most this many test points for trustworthiness
     * @param neighbourMeasuresUpTo     take kNN and trustworthiness only for codes at most this wide
     * @param seed                      picks the trustworthiness subset
     * @param threads                   threads to use; no result depends on it
     */
    public record Settings(int knnNeighbours, int trustworthinessNeighbours, int trustworthinessPoints,
                           int neighbourMeasuresUpTo, long seed, int threads) {

        public Settings {
            if (knnNeighbours < 1 || trustworthinessNeighbours < 1 || trustworthinessPoints < 3 || threads < 1) {
                throw new IllegalArgumentException("comparison settings need positive neighbour counts, "
                        + "at least 3 trustworthiness points and 1 thread: " + this);
            }
        }

        /** kNN with k = 5, trustworthiness with k = 5 on up to 2,000 test points, both for 2-D codes only. */
        public static Settings defaults() {
            return new Settings(KnnAccuracy.DEFAULT_NEIGHBOURS, Trustworthiness.DEFAULT_NEIGHBOURS, 2000, 2, 0,
                    ParallelTiles.defaultThreads());
        }
    }

    /** Fits PCA at the autoencoder's code size on {@code train} and compares the two with default settings. */
    public static Comparison of(CodecOutputs autoencoder, Dataset train, Dataset test) {
        Settings settings = Settings.defaults();
        return of(autoencoder, PcaBaseline.fit(train, test, autoencoder.codeSize(), settings.threads()),
                train, test, settings);
    }

    /** Scores the autoencoder's outputs and a PCA baseline fitted on the same training split. */
    public static Comparison of(CodecOutputs autoencoder, PcaBaseline pca, Dataset train, Dataset test,
                                Settings settings) {
        int k = autoencoder.codeSize();
        if (pca.outputs().codeSize() != k) {
            throw new IllegalArgumentException("PCA has " + pca.outputs().codeSize()
                    + " components but the autoencoder's code has " + k + "; compare at equal code size");
        }
        MethodScores ae = MethodScores.of(autoencoder, Double.NaN, train, test, settings);
        MethodScores linear = MethodScores.of(pca.outputs(), pca.pca().keptVarianceRatio(), train, test, settings);
        int trustworthinessPoints = Double.isNaN(ae.trustworthiness()) ? 0
                : Math.min(test.samples(), settings.trustworthinessPoints());
        return new Comparison(k, train.samples(), test.samples(), test.features(), ae, linear, trustworthinessPoints,
                settings);
    }
}
