package org.aeworkbench.ui.dataset;

import org.aeworkbench.data.Dataset;
import org.aeworkbench.data.Preparation;
import org.aeworkbench.data.RandomDraws;
import org.aeworkbench.data.Split;

/**
 * Loaded data ready to train on: the (possibly subsampled) set as loaded, its seeded training /
 * validation split for a design, and the preparation (scaling) fitted on that training split by
 * the rule every command uses ({@link Preparation#fit}), applied to all of it. The window calls
 * {@link #preparedFor} when the design's split or loss changes; the result is what
 * {@code train --data} with the same design and {@code --scale} gives, bit for bit.
 */
public final class PreparedData {

    /**
     * A training / validation split; {@code trainIndices} and {@code validationIndices} are the rows of
     * the training and validation samples in the full set, in the order of {@code train} and {@code validation}.
     */
    public record TrainSplit(Dataset train, Dataset validation, int[] trainIndices, int[] validationIndices,
                             double fraction, long seed) {
    }

    private final DataReference reference;
    private final Dataset loaded;
    private final PreparationKey key;
    private final Preparation preparation;
    private final Dataset all;
    private final TrainSplit fitted;
    private final String splitNote;
    private final boolean inUnitInterval;
    private TrainSplit other;
    private float[] range;

    private PreparedData(DataReference reference, Dataset loaded, PreparationKey key, Preparation preparation, Dataset all,
                         TrainSplit fitted, String splitNote) {
        this.reference = reference;
        this.loaded = loaded;
        this.key = key;
        this.preparation = preparation;
        this.all = all;
        this.fitted = fitted;
        this.splitNote = splitNote;
        this.inUnitInterval = fitted.train().inUnitInterval();
    }

    /** Subsamples loaded data as the reference says and prepares it for {@link PreparationKey#DEFAULT}. */
    public static PreparedData of(DataReference ref, Dataset loaded) {
        return of(ref, loaded, PreparationKey.DEFAULT);
    }

    /** Subsamples loaded data as the reference says and prepares it for a design's key. */
    public static PreparedData of(DataReference ref, Dataset loaded, PreparationKey key) {
        Dataset set = ref.limit() > 0 && ref.limit() < loaded.samples()
                ? loaded.subset(RandomDraws.firstOfShuffle(loaded.samples(), ref.limit(), ref.seed()), loaded.name())
                : loaded;
        return prepare(ref, set, key);
    }

    private static PreparedData prepare(DataReference ref, Dataset set, PreparationKey key) {
        Split.Assignment a = Split.assign(set, key.validationFraction(), 0, key.seed());
        Preparation p = Preparation.fit(ref.scaling(), set.subset(a.train(), set.name() + " (train)"), key.loss());
        Dataset ready = p.apply(set);
        TrainSplit split = new TrainSplit(ready.subset(a.train(), ready.name() + " (train)"),
                ready.subset(a.validation(), ready.name() + " (validation)"), a.train(), a.validation(), key.validationFraction(),
                key.seed());
        return new PreparedData(ref, set, key, p, ready, split, a.note());
    }

    /** This data prepared for {@code k}: itself when already fitted for it, else fitted anew from the loaded values. */
    public PreparedData preparedFor(PreparationKey k) {
        return fittedFor(k) ? this : prepare(reference, loaded, k);
    }

    /** Whether this and {@code other} are the same loaded values, prepared alike or for different designs. */
    public boolean preparedFromSameLoad(PreparedData other) {
        return loaded == other.loaded;
    }

    /** Whether the preparation was fitted for this design's split and loss. */
    public boolean fittedFor(PreparationKey k) {
        return key.equals(k);
    }

    public DataReference reference() {
        return reference;
    }

    /** Every sample, prepared. */
    public Dataset all() {
        return all;
    }

    /** What was done to the values and why, fitted on the training split. */
    public Preparation preparation() {
        return preparation;
    }

    /** What the split did besides the plain stratified draw ("split by samples, not by class: ..."), or null. */
    public String splitNote() {
        return splitNote;
    }

    /** Whether the prepared training values lie in [0, 1], as BCE needs. */
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

    /**
     * The split for this validation fraction and seed: the one the preparation was fitted on, or
     * (for another fraction or seed) the same rule applied to the prepared samples.
     */
    public synchronized TrainSplit split(double fraction, long seed) {
        if (fraction == fitted.fraction() && seed == fitted.seed()) {
            return fitted;
        }
        if (other == null || other.fraction() != fraction || other.seed() != seed) {
            Split.Assignment a = Split.assign(all, fraction, 0, seed);
            other = new TrainSplit(all.subset(a.train(), all.name() + " (train)"),
                    all.subset(a.validation(), all.name() + " (validation)"), a.train(), a.validation(), fraction, seed);
        }
        return other;
    }
}
