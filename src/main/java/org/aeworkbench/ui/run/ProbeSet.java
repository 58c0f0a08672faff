package org.aeworkbench.ui.run;

import org.aeworkbench.data.Dataset;
import org.aeworkbench.ui.dataset.PreparedData.TrainSplit;

/**
 * The samples whose codes are followed live: at most {@link #MAX}, so the scatters stay fluid and
 * the probe costs little training time. The views say on the chart that they show a sample.
 * Validation samples when there are enough of them: the trainer then takes their codes from the
 * validation pass it runs anyway at each epoch's end, and the scatters show held-out samples.
 *
 * @param indices indices into the full data set
 * @param values  their values, row-major
 * @param labels  their labels, or null
 * @param total      samples in the data set
 * @param validation whether they are validation samples (held out from training)
 */
public record ProbeSet(int[] indices, float[] values, int[] labels, int total, boolean validation) {

    /** Display sampling: enough points to read the structure, few enough to encode often. */
    public static final int MAX = 2000;
    /** Fewest points followed, data permitting. */
    public static final int MIN = 500;

    /**
     * Points to follow for a training set of n samples: an eighth of it, between {@link #MIN} and
     * {@link #MAX}, so that encoding the probe at each epoch's end costs about 2% of an epoch
     * (encoding one sample is about a sixth of a training step on it).
     */
    public static int sizeFor(int nTrain) {
        return Math.max(MIN, Math.min(MAX, nTrain / 8));
    }

    /**
     * The probe for training on {@code split}: its first validation samples, up to
     * {@link #sizeFor} the full set, when it has at least {@link #MIN} of them; else a seeded draw
     * from all the data.
     */
    public static ProbeSet forSplit(Dataset all, TrainSplit split, long seed) {
        int nVal = split.validation().samples();
        int want = sizeFor(all.samples());
        if (nVal < Math.min(MIN, want)) {
            return of(all, want, seed);
        }
        return at(all, java.util.Arrays.copyOf(split.validationIndices(), Math.min(want, nVal)), true);
    }

    /** Whether this probe is the first {@link #size()} samples of {@code split}'s validation set. */
    public boolean leadsValidationOf(TrainSplit split) {
        int[] val = split.validationIndices();
        return val.length >= indices.length
                && java.util.Arrays.equals(indices, 0, indices.length, val, 0, indices.length);
    }

    public static ProbeSet of(Dataset all, int max, long seed) {
        int n = Math.min(max, all.samples());
        return at(all, org.aeworkbench.ui.dataset.Sampling.firstOfShuffle(all.samples(), n, seed), false);
    }

    /** The probe of the samples at {@code idx} of {@code all} (a saved replay's samples). */
    public static ProbeSet at(Dataset all, int[] idx, boolean validation) {
        Dataset sub = all.subset(idx, all.name() + " (probe)");
        return new ProbeSet(idx, sub.values(), sub.labels(), all.samples(), validation);
    }

    public int size() {
        return indices.length;
    }
}
