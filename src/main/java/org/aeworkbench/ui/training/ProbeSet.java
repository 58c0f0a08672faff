package org.aeworkbench.ui.training;

import org.aeworkbench.data.Dataset;

/**
 * The samples whose codes are followed live: a seeded draw of at most {@link #MAX} samples from
 * the data, so the scatters stay fluid and the probe costs little training time. The views say
 * on the chart that they show a sample.
 *
 * @param indices indices into the full data set
 * @param values  their values, row-major
 * @param labels  their labels, or null
 * @param total   samples in the data set
 */
public record ProbeSet(int[] indices, float[] values, int[] labels, int total) {

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

    public static ProbeSet of(Dataset all, int max, long seed) {
        int n = Math.min(max, all.samples());
        int[] idx = org.aeworkbench.ui.dataset.Sampling.firstOfShuffle(all.samples(), n, seed);
        Dataset sub = all.subset(idx, all.name() + " (probe)");
        return new ProbeSet(idx, sub.values(), sub.labels(), all.samples());
    }

    public int size() {
        return indices.length;
    }
}
