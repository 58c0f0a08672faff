package org.aeworkbench.cli;

import java.nio.file.Path;
import org.aeworkbench.data.DataSources;
import org.aeworkbench.data.Dataset;

/** Loads the data files of a command and refuses data the engine cannot use, naming the file. */
final class Loading {

    private Loading() {
    }

    /** {@code data} with {@code labels}; at least {@code minSamples} samples, every value finite. */
    static Dataset load(String data, Path labels, int minSamples) {
        Dataset set = DataSources.load(data);
        if (labels != null) {
            set = DataSources.withLabels(set, labels);
        }
        String bad = DataChecks.firstNonFinite(set);
        if (bad != null) {
            throw new UserError(data + ": " + bad + " is NaN or infinite; fill or drop missing values first");
        }
        if (set.samples() < minSamples) {
            throw new UserError(data + ": " + set.samples() + " sample(s); " + (minSamples == 2 ? "training" : "this")
                    + " needs at least " + minSamples);
        }
        return set;
    }

    /**
     * A held-out set given by {@code option} (--val-data, --test-data): it must have the training
     * data's width, and a message naming both files says so when it has not.
     */
    static Dataset heldOut(String file, Path labels, Dataset train, String trainWhere, String option) {
        Dataset set = load(file, labels, 1);
        if (set.features() != train.features()) {
            throw new UserError(option + " " + file + ": " + set.features() + " values per sample (shape "
                    + set.sampleShape() + "), but --data " + trainWhere + " has " + train.features() + " (shape "
                    + train.sampleShape() + "); held-out data must have the training data's shape");
        }
        return set;
    }
}
