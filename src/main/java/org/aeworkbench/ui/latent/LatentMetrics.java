package org.aeworkbench.ui.latent;

import java.util.Locale;
import org.aeworkbench.analysis.AutoencoderCodec;
import org.aeworkbench.analysis.MethodScores;
import org.aeworkbench.analysis.SampledComparison;
import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.model.Autoencoder;
import org.aeworkbench.ui.common.Formats;
import org.aeworkbench.ui.dataset.PcaModel;
import org.aeworkbench.ui.dataset.PreparedData;

/**
 * The figures under the two scatters: the window's data and PCA fit handed to
 * {@link SampledComparison}, which computes them, and the lines that show them.
 */
final class LatentMetrics {

    private LatentMetrics() {
    }

    /**
     * Scores the autoencoder and PCA at its code size on the calling thread.
     *
     * @param model a copy owned by this thread
     */
    static SampledComparison compute(Autoencoder model, PcaModel.Fitted pcaFit, PreparedData data, double fraction,
                                     long seed, Compute compute) {
        PreparedData.TrainSplit split = data.split(fraction, seed);
        return SampledComparison.of(new AutoencoderCodec(model, compute), pcaFit == null ? null : pcaFit.pca(),
                split.train(), split.validation(), seed);
    }

    /** One method's scores; a measure that could not be taken says why. */
    static String line(MethodScores scores, boolean labelled) {
        String why = labelled ? "\u2014 (too few samples)" : "\u2014 (no labels)";
        return String.format(Locale.ROOT, "reconstruction error %s   \u00b7   kNN accuracy %s   \u00b7   trustworthiness %s",
                Formats.loss(scores.reconError()), Double.isNaN(scores.knnAccuracy()) ? why : Formats.percent(scores.knnAccuracy()),
                Double.isNaN(scores.trustworthiness()) ? "\u2014 (too few samples)"
                        : String.format(Locale.ROOT, "%.3f", scores.trustworthiness()));
    }

    /**
     * As long as the longest {@link #line} for the autoencoder (a score in scientific notation, every
     * measure taken): the room kept under the plots, so that the scores' arrival does not resize them.
     */
    static final String LONGEST_LINE = "Autoencoder: " + line(new MethodScores("autoencoder", 16, -8.888e-4, 0, Double.NaN,
            1, 0.888, 0), true);
    /** As long as the note under both plots with samples held out for the scores (with too few, it takes more room). */
    static final String LONGEST_NOTE = note(new SampledComparison(16, SampledComparison.MAX_SAMPLES, true,
            SampledComparison.MAX_REFERENCE, true, null, null));

    /** The sentence under both plots: what was measured, and when. */
    static String note(SampledComparison m) {
        return "Scores at " + basis(m) + "; computed when training pauses or ends.";
    }

    /** The note under both plots saying what was measured. */
    static String basis(SampledComparison m) {
        return String.format(Locale.ROOT, "k = %d, on %,d %s %s (kNN: 5 nearest of %,d training codes)", m.codeSize(),
                m.samples(), m.validation() ? "validation" : "training", m.samples() == 1 ? "sample" : "samples",
                m.reference()) + (m.validation() ? "" : "; too few samples are held out to score them alone");
    }
}
