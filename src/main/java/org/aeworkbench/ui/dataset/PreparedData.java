package org.aeworkbench.ui.dataset;

import org.aeworkbench.data.Dataset;
import org.aeworkbench.data.Preprocessing;
import org.aeworkbench.data.Scaling;

/**
 * Loaded data ready to train on: the (possibly subsampled) set, whether its values lie in
 * [0, 1] (BCE needs it), and its seeded training / validation split, remembered for the last
 * fraction and seed asked for.
 */
public final class PreparedData {

    /** A training / validation split; {@code validationIndices} are the validation samples' rows in the full set. */
    public record TrainSplit(Dataset train, Dataset validation, int[] validationIndices, double fraction, long seed) {
    }

    private final DataReference reference;
    private final Dataset all;
    private final boolean inUnitInterval;
    private TrainSplit split;
    private float[] range;

    private PreparedData(DataReference reference, Dataset all, boolean inUnitInterval) {
        this.reference = reference;
        this.all = all;
        this.inUnitInterval = inUnitInterval;
    }

    /**
     * Subsamples and rescales loaded data. The scaling is fitted on all the samples used, so that
     * min-max data lies in [0, 1] throughout, validation included, as BCE requires.
     */
    public static PreparedData of(DataReference ref, Dataset loaded) {
        Dataset set = ref.limit() > 0 && ref.limit() < loaded.samples()
                ? loaded.subset(Sampling.firstOfShuffle(loaded.samples(), ref.limit(), ref.seed()), loaded.name())
                : loaded;
        Scaling scaling = ref.scaling() != null ? ref.scaling() : set.inUnitInterval() ? Scaling.NONE : Scaling.MIN_MAX;
        Preprocessing prep = Preprocessing.fit(scaling, set);
        Dataset ready = prep.apply(set);
        return new PreparedData(ref.withScaling(scaling), ready, ready.inUnitInterval());
    }

    public DataReference reference() {
        return reference;
    }

    public Dataset all() {
        return all;
    }

    public boolean inUnitInterval() {
        return inUnitInterval;
    }

    /** Smallest and largest value, the grey scale samples are drawn with. */
    public synchronized float[] valueRange() {
        if (range == null) {
            range = org.aeworkbench.ui.common.SampleImages.range(all.values());
        }
        return range.clone();
    }

    /** The split for this validation fraction and seed (computed once per pair). */
    public synchronized TrainSplit split(double fraction, long seed) {
        if (split == null || split.fraction() != fraction || split.seed() != seed) {
            int n = all.samples();
            int nVal = fraction > 0 && n > 1 ? Math.max(1, Math.min(n - 1, (int) Math.round(n * fraction))) : 0;
            int[] order = Sampling.firstOfShuffle(n, n, seed);
            int[] train = java.util.Arrays.copyOfRange(order, 0, n - nVal);
            int[] val = java.util.Arrays.copyOfRange(order, n - nVal, n);
            split = new TrainSplit(all.subset(train, all.name() + " (train)"), all.subset(val, all.name() + " (validation)"),
                    val, fraction, seed);
        }
        return split;
    }
}
