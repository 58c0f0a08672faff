package org.aeworkbench.ui.run;

import org.aeworkbench.data.Dataset;
import org.aeworkbench.ui.dataset.PreparedData.TrainSplit;

/**
 * The samples whose codes are followed live: every validation sample, up to {@link #MAX}, when
 * there are at least {@link #MIN} of them: the trainer takes their codes from the validation pass
 * it runs anyway at each epoch's end, so following them costs training nothing, and the scatters
 * (a pixel buffer each, redrawn in a few milliseconds at this size) show every held-out sample.
 * With fewer, a seeded draw of {@link #sizeFor} samples from all the data, encoded separately.
 * The views say on the chart which samples they show.
 *
 * @param indices indices into the full data set
 * @param values  their values, row-major: the first {@link #size()} rows (a probe of leading
 *                validation samples shares the validation set's array, which may hold more rows)
 * @param features values per sample
 * @param labels  their labels, one per sample, or null
 * @param total      samples in the data set
 * @param validation whether they are validation samples (held out from training)
 */
public record ProbeSet(int[] indices, float[] values, int features, int[] labels, int total, boolean validation) {

    /** Validation samples followed live, at most: both scatters draw this many per update. */
    public static final int MAX = 10_000;
    /** Fewest validation samples that make the probe; with fewer, a draw from all the data. */
    public static final int MIN = 500;
    /** A drawn probe's largest size: it is encoded separately at each epoch's end. */
    public static final int DRAWN_MAX = 2000;

    /**
     * Points to draw for a data set of n samples when the validation set is too small: an eighth
     * of it, between {@link #MIN} and {@link #DRAWN_MAX}, so that encoding them at each epoch's end
     * costs about 2% of an epoch (encoding one sample is about a sixth of a training step on it).
     */
    public static int sizeFor(int nTrain) {
        return Math.max(MIN, Math.min(DRAWN_MAX, nTrain / 8));
    }

    /**
     * The probe for training on {@code split}: its validation samples, up to {@link #MAX}, when it
     * has at least {@link #MIN} of them (or all there are, when the data set is smaller than that);
     * else a seeded draw from all the data.
     */
    public static ProbeSet forSplit(Dataset all, TrainSplit split, long seed) {
        int nVal = split.validation().samples();
        int want = sizeFor(all.samples());
        if (nVal < Math.min(MIN, want)) {
            return of(all, want, seed);
        }
        // The split's validation set holds these very rows in this order: its leading rows are the
        // probe, and its array is shared rather than copied, even when it holds more rows than
        // the probe (copying 10,000 of 10,002 rows took the FX thread 7-12 ms as Train was pressed).
        Dataset val = split.validation();
        int n = Math.min(MAX, nVal);
        boolean whole = n == nVal;
        return new ProbeSet(java.util.Arrays.copyOf(split.validationIndices(), n), val.values(), val.features(),
                val.labels() == null || whole ? val.labels() : java.util.Arrays.copyOf(val.labels(), n), all.samples(), true);
    }

    /** Whether this probe is the first {@link #size()} samples of {@code split}'s validation set. */
    public boolean leadsValidationOf(TrainSplit split) {
        int[] val = split.validationIndices();
        return val.length >= indices.length
                && java.util.Arrays.equals(indices, 0, indices.length, val, 0, indices.length);
    }

    public static ProbeSet of(Dataset all, int max, long seed) {
        int n = Math.min(max, all.samples());
        return at(all, org.aeworkbench.data.RandomDraws.firstOfShuffle(all.samples(), n, seed), false);
    }

    /**
     * The first {@code n} samples of {@code all}, in order: all of it shared, not copied, when n
     * is its size (every sample of Fashion-MNIST is 188 MB of values).
     */
    public static ProbeSet leading(Dataset all, int n) {
        int[] idx = java.util.stream.IntStream.range(0, n).toArray();
        if (n == all.samples()) {
            return new ProbeSet(idx, all.values(), all.features(), all.labels(), all.samples(), false);
        }
        return at(all, idx, false);
    }

    /** The probe of the samples at {@code idx} of {@code all} (a saved replay's samples). */
    public static ProbeSet at(Dataset all, int[] idx, boolean validation) {
        Dataset sub = all.subset(idx, all.name() + " (probe)");
        return new ProbeSet(idx, sub.values(), all.features(), sub.labels(), all.samples(), validation);
    }

    public int size() {
        return indices.length;
    }

    /** Sample {@code i}'s values (a copy). */
    public float[] row(int i) {
        return java.util.Arrays.copyOfRange(values, i * features, (i + 1) * features);
    }
}
