package org.aeworkbench.ui.reconstructions;

import org.aeworkbench.analysis.Pca;
import org.aeworkbench.data.Dataset;
import org.aeworkbench.data.RandomDraws;
import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.model.Autoencoder;
import org.aeworkbench.engine.model.NoiseSpec;
import org.aeworkbench.engine.variant.Corruption;

/**
 * Reconstructions of held-out samples by the autoencoder and by PCA at the same k, with each
 * sample's summed squared error, and for a denoising model the corrupted inputs and what the
 * model makes of them.
 *
 * @param samples   the samples scored: a seeded draw from the validation split, followed by training
 *                  samples when the validation split is too small to show alone
 * @param heldOut   how many of {@code samples}, from the first, are validation samples
 * @param ae        autoencoder reconstructions, row-major like {@code samples}
 * @param pca       PCA reconstructions, or null while PCA is not fitted
 * @param aeError   per-sample sum of squared errors of {@code ae}
 * @param pcaError  per-sample error of {@code pca}, or null
 * @param corrupted corrupted inputs, or null when no noise is shown
 * @param denoised  reconstructions of {@code corrupted} (errors against the clean input), or null
 */
record ReconstructionSet(Dataset samples, int heldOut, float[] ae, float[] pca, double[] aeError, double[] pcaError,
                         float[] corrupted, float[] denoised, double[] denoisedError) {

    /** Samples scored; the grid shows the first few in the chosen order, the table all of them. */
    static final int MAX_SAMPLES = 500;
    /**
     * Fewer validation samples than this (the five customers keep one) are shown with the
     * training samples after them, marked as such, so that a tiny data set can be read whole.
     */
    static final int FEW = 12;

    /**
     * @param model a copy owned by the calling thread
     * @param noise corruption to show, or null
     */
    static ReconstructionSet compute(Autoencoder model, Pca pca, Dataset validation, Dataset train, NoiseSpec noise,
                                     long seed, Compute compute) {
        Dataset held = validation.samples() <= MAX_SAMPLES ? validation
                : validation.subset(RandomDraws.firstOfShuffle(validation.samples(), MAX_SAMPLES, seed), validation.name());
        Dataset s = held.samples() >= FEW ? held : concat(held, train.samples() <= MAX_SAMPLES ? train
                : train.subset(RandomDraws.firstOfShuffle(train.samples(), MAX_SAMPLES, seed), train.name()));
        int n = s.samples();
        int d = s.features();
        float[] ae = model.reconstruct(compute, s.values(), n);
        float[] pc = null;
        if (pca != null && pca.codeSize() >= model.codeSize()) {
            int k = model.codeSize();
            float[] codes = pca.transform(s.values(), n);
            int w = pca.codeSize();
            for (int i = 0; i < n; i++) {
                for (int j = k; j < w; j++) {
                    codes[i * w + j] = 0f; // PCA at the autoencoder's k: drop the extra components
                }
            }
            pc = pca.inverseTransform(codes, n);
        }
        float[] corrupted = null;
        float[] denoised = null;
        double[] denoisedError = null;
        if (noise != null) {
            corrupted = Corruption.apply(noise, s.sampleShape(), s.values(), n, new java.util.SplittableRandom(seed));
            denoised = model.reconstruct(compute, corrupted, n);
            denoisedError = errors(s.values(), denoised, n, d);
        }
        return new ReconstructionSet(s, held.samples(), ae, pc, errors(s.values(), ae, n, d), pc == null ? null : errors(s.values(), pc, n, d),
                corrupted, denoised, denoisedError);
    }

    /** The samples of a followed by those of b. */
    private static Dataset concat(Dataset a, Dataset b) {
        float[] v = java.util.Arrays.copyOf(a.values(), a.values().length + b.values().length);
        System.arraycopy(b.values(), 0, v, a.values().length, b.values().length);
        int[] l = null;
        if (a.hasLabels() && b.hasLabels()) {
            l = java.util.Arrays.copyOf(a.labels(), a.samples() + b.samples());
            System.arraycopy(b.labels(), 0, l, a.samples(), b.samples());
        }
        return new Dataset(a.name(), a.sampleShape(), v, l, a.classNames(), a.source(), false, a.featureNames());
    }

    /** Whether sample i was held out from training. */
    boolean validation(int i) {
        return i < heldOut;
    }

    static double[] errors(float[] x, float[] y, int n, int d) {
        double[] e = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int j = i * d; j < (i + 1) * d; j++) {
                double diff = x[j] - y[j];
                sum += diff * diff;
            }
            e[i] = sum;
        }
        return e;
    }

    /** The mean of v[from..to). */
    static double mean(double[] v, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += v[i];
        }
        return to > from ? s / (to - from) : Double.NaN;
    }
}
