package org.aeworkbench.ui.reconstructions;

import org.aeworkbench.analysis.Pca;
import org.aeworkbench.data.Dataset;
import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.model.Autoencoder;
import org.aeworkbench.engine.model.NoiseSpec;
import org.aeworkbench.engine.variant.Corruption;
import org.aeworkbench.ui.dataset.Sampling;

/**
 * Reconstructions of held-out samples by the autoencoder and by PCA at the same k, with each
 * sample's summed squared error, and for a denoising model the corrupted inputs and what the
 * model makes of them.
 *
 * @param samples   the samples scored (a seeded draw from the validation split)
 * @param ae        autoencoder reconstructions, row-major like {@code samples}
 * @param pca       PCA reconstructions, or null while PCA is not fitted
 * @param aeError   per-sample sum of squared errors of {@code ae}
 * @param pcaError  per-sample error of {@code pca}, or null
 * @param corrupted corrupted inputs, or null when no noise is shown
 * @param denoised  reconstructions of {@code corrupted} (errors against the clean input), or null
 */
record ReconstructionSet(Dataset samples, float[] ae, float[] pca, double[] aeError, double[] pcaError,
                         float[] corrupted, float[] denoised, double[] denoisedError) {

    /** Samples scored; the grid shows the first few in the chosen order, the table all of them. */
    static final int MAX_SAMPLES = 500;

    /**
     * @param model a copy owned by the calling thread
     * @param noise corruption to show, or null
     */
    static ReconstructionSet compute(Autoencoder model, Pca pca, Dataset validation, NoiseSpec noise, long seed,
                                     Compute compute) {
        Dataset s = validation.samples() <= MAX_SAMPLES ? validation
                : validation.subset(Sampling.firstOfShuffle(validation.samples(), MAX_SAMPLES, seed), validation.name());
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
        return new ReconstructionSet(s, ae, pc, errors(s.values(), ae, n, d), pc == null ? null : errors(s.values(), pc, n, d),
                corrupted, denoised, denoisedError);
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

    static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return v.length == 0 ? Double.NaN : s / v.length;
    }
}
