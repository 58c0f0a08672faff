package org.aeworkbench.ui.latent;

import java.util.Locale;
import org.aeworkbench.analysis.KnnAccuracy;
import org.aeworkbench.analysis.Pca;
import org.aeworkbench.analysis.ReconstructionError;
import org.aeworkbench.analysis.Trustworthiness;
import org.aeworkbench.data.Dataset;
import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.model.Autoencoder;
import org.aeworkbench.ui.common.Formats;
import org.aeworkbench.ui.dataset.PcaModel;
import org.aeworkbench.ui.dataset.PreparedData;
import org.aeworkbench.ui.dataset.Sampling;

/**
 * The figures under the two scatters, for the autoencoder and for PCA at the same code size k,
 * on held-out validation samples: reconstruction error (mean summed squared error per sample),
 * 5-NN accuracy of the codes (training codes as reference), and trustworthiness T(5)
 * (Venna and Kaski 2001).
 *
 * @param k          code size compared
 * @param samples    samples scored
 * @param validation whether they are validation samples (too few of those, and training samples are scored)
 * @param reference  training codes used as the kNN reference
 * @param labelled   whether the data has labels (kNN accuracy needs them, and at least 5 reference codes)
 */
public record LatentMetrics(int k, int samples, boolean validation, int reference, boolean labelled, Scores autoencoder,
                            Scores pca) {

    /** Validation samples scored; trustworthiness is quadratic in this. */
    static final int MAX_SAMPLES = 1500;
    /** Training codes the kNN vote looks among. */
    static final int MAX_REFERENCE = 3000;

    /** @param knn NaN when the data has no labels or too few samples; @param trust NaN with too few samples */
    public record Scores(double reconError, double knn, double trust) {
        String line(boolean labelled) {
            String why = labelled ? "\u2014 (too few samples)" : "\u2014 (no labels)";
            return String.format(Locale.ROOT, "reconstruction error %s   \u00b7   kNN accuracy %s   \u00b7   trustworthiness %s",
                    Formats.loss(reconError), Double.isNaN(knn) ? why : Formats.percent(knn),
                    Double.isNaN(trust) ? "\u2014 (too few samples)" : String.format(Locale.ROOT, "%.3f", trust));
        }
    }

    /**
     * Computes both rows on the calling thread.
     *
     * @param model a copy owned by this thread
     */
    public static LatentMetrics compute(Autoencoder model, PcaModel.Fitted pcaFit, PreparedData data, double fraction,
                                        long seed, Compute compute) {
        PreparedData.TrainSplit split = data.split(fraction, seed);
        boolean validation = split.validation().samples() > 10;
        Dataset val = sample(validation ? split.validation() : split.train(), MAX_SAMPLES, seed);
        Dataset ref = sample(split.train(), MAX_REFERENCE, seed + 1);
        int n = val.samples();
        int d = val.features();
        int k = model.codeSize();

        float[] aeVal = model.encode(compute, val.values(), n);
        float[] aeRef = model.encode(compute, ref.values(), ref.samples());
        float[] recon = model.reconstruct(compute, val.values(), n);
        Scores ae = new Scores(ReconstructionError.of(val.values(), recon, n, d).meanSummedSquaredError(),
                knn(aeRef, ref, aeVal, val, k), trust(val, aeVal, k));

        Scores p = null;
        Pca pca = pcaFit == null ? null : pcaFit.pca();
        if (pca != null && pca.codeSize() >= k) {
            int w = pca.codeSize();
            float[] pVal = PcaModel.firstColumns(pca.transform(val.values(), n), n, w, k);
            float[] pRef = PcaModel.firstColumns(pca.transform(ref.values(), ref.samples()), ref.samples(), w, k);
            float[] full = new float[n * w];
            for (int i = 0; i < n; i++) {
                System.arraycopy(pVal, i * k, full, i * w, k);
            }
            float[] pRecon = pca.inverseTransform(full, n);
            p = new Scores(ReconstructionError.of(val.values(), pRecon, n, d).meanSummedSquaredError(),
                    knn(pRef, ref, pVal, val, k), trust(val, pVal, k));
        }
        return new LatentMetrics(k, n, validation, ref.samples(), data.all().hasLabels(), ae, p);
    }

    private static double knn(float[] refCodes, Dataset ref, float[] codes, Dataset val, int k) {
        if (!val.hasLabels() || ref.samples() < KnnAccuracy.DEFAULT_NEIGHBOURS) {
            return Double.NaN;
        }
        return KnnAccuracy.of(refCodes, ref.labels(), ref.samples(), codes, val.labels(), val.samples(), k,
                KnnAccuracy.DEFAULT_NEIGHBOURS, 1);
    }

    private static double trust(Dataset val, float[] codes, int k) {
        int n = val.samples();
        if (n <= 2 * Trustworthiness.DEFAULT_NEIGHBOURS) {
            return Double.NaN;
        }
        return Trustworthiness.of(val.values(), val.features(), codes, k, n, Trustworthiness.DEFAULT_NEIGHBOURS, 1);
    }

    private static Dataset sample(Dataset set, int max, long seed) {
        if (set.samples() <= max) {
            return set;
        }
        return set.subset(Sampling.firstOfShuffle(set.samples(), max, seed), set.name());
    }

    /** The note under both plots saying what was measured. */
    String basis() {
        return String.format(Locale.ROOT, "k = %d, on %,d %s %s (kNN: 5 nearest of %,d training codes)", k, samples,
                validation ? "validation" : "training", samples == 1 ? "sample" : "samples", reference)
                + (validation ? "" : "; too few samples are held out to score them alone");
    }
}
