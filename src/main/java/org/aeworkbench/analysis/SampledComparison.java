package org.aeworkbench.analysis;

import org.aeworkbench.data.Dataset;
import org.aeworkbench.data.RandomDraws;

/**
 * The autoencoder and PCA at the same code size k, scored as {@link Comparison} scores them but on
 * a seeded sample, small enough to score again whenever training pauses: reconstruction error
 * (mean summed squared error per sample), 5-NN accuracy of the codes among training codes, and
 * trustworthiness T(5) (Venna and Kaski 2001), both neighbour measures at every code size.
 * The scored samples are held-out validation samples, or training samples when too few are held out.
 *
 * @param codeSize   k, shared by both methods
 * @param samples    samples scored
 * @param validation whether they are validation samples
 * @param reference  training codes used as the kNN reference
 * @param labelled   whether the data has labels (kNN accuracy needs them, and at least 5 reference codes)
 * @param autoencoder the autoencoder's scores
 * @param pca        PCA's scores, or null when no PCA with k components was given
 */
public record SampledComparison(int codeSize, int samples, boolean validation, int reference, boolean labelled,
                                MethodScores autoencoder, MethodScores pca) {

    /** Samples scored at most; trustworthiness costs the square of this. */
    public static final int MAX_SAMPLES = 1500;
    /** Training codes the kNN vote looks among, at most. */
    public static final int MAX_REFERENCE = 3000;
    /** Validation samples needed to score them rather than training samples: more than this. */
    public static final int FEWEST_VALIDATION = 10;

    /**
     * Scores both methods on the calling thread.
     *
     * @param autoencoder the trained model; its code size is k
     * @param pca         PCA fitted on {@code train} with at least k components (its first k are used), or null
     * @param seed        draws the scored samples (with {@code seed}) and the reference codes (with {@code seed + 1})
     */
    public static SampledComparison of(Codec autoencoder, Pca pca, Dataset train, Dataset validation, long seed) {
        boolean useValidation = validation.samples() > FEWEST_VALIDATION;
        Dataset scored = sample(useValidation ? validation : train, MAX_SAMPLES, seed);
        Dataset reference = sample(train, MAX_REFERENCE, seed + 1);
        int k = autoencoder.codeSize();
        Comparison.Settings settings = new Comparison.Settings(KnnAccuracy.DEFAULT_NEIGHBOURS,
                Trustworthiness.DEFAULT_NEIGHBOURS, MAX_SAMPLES, Integer.MAX_VALUE, seed, 1);
        MethodScores ae = MethodScores.of(CodecOutputs.of("autoencoder", autoencoder, reference, scored, 0), Double.NaN,
                reference, scored, settings);
        MethodScores linear = null;
        if (pca != null && pca.codeSize() >= k) {
            Pca atK = pca.leading(k);
            linear = MethodScores.of(CodecOutputs.of(PcaBaseline.METHOD, atK, reference, scored, 0),
                    atK.keptVarianceRatio(), reference, scored, settings);
        }
        return new SampledComparison(k, scored.samples(), useValidation, reference.samples(), train.hasLabels(), ae,
                linear);
    }

    private static Dataset sample(Dataset set, int max, long seed) {
        if (set.samples() <= max) {
            return set;
        }
        return set.subset(RandomDraws.firstOfShuffle(set.samples(), max, seed), set.name());
    }
}
