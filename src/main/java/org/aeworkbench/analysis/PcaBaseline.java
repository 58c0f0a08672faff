package org.aeworkbench.analysis;

import org.aeworkbench.data.Dataset;

/**
 * PCA fitted on the training split at the autoencoder's code size, and its outputs on both
 * splits: the linear baseline every autoencoder is measured against.
 *
 * @param pca     the fitted PCA
 * @param outputs its codes and test reconstructions; seconds cover fitting and encoding
 */
public record PcaBaseline(Pca pca, CodecOutputs outputs) {

    public static final String METHOD = "PCA";

    /** Whether PCA can fit k components on {@code train} ({@link Pca#mostComponents}). */
    public static boolean canFit(Dataset train, int k) {
        return k >= 1 && k <= Pca.mostComponents(train.samples(), train.features());
    }

    /** Fits k components on {@code train} using {@code threads} threads (the result does not depend on it). */
    public static PcaBaseline fit(Dataset train, Dataset test, int k, int threads) {
        if (train.features() != test.features()) {
            throw new IllegalArgumentException("the training split has " + train.features()
                    + " features but the test split has " + test.features());
        }
        long start = System.nanoTime();
        Pca pca = Pca.fit(train.values(), train.samples(), train.features(), k, false, threads);
        double fitSeconds = (System.nanoTime() - start) / 1e9;
        return new PcaBaseline(pca, CodecOutputs.of(METHOD, pca, train, test, fitSeconds));
    }
}
