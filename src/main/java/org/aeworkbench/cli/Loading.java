package org.aeworkbench.cli;

import java.nio.file.Path;
import org.aeworkbench.data.DataSources;
import org.aeworkbench.data.Dataset;

/** Loads --data (and --labels) and refuses data the engine cannot train on. */
final class Loading {

    private Loading() {
    }

    static Dataset load(String data, Path labels) {
        Dataset set = DataSources.load(data);
        if (labels != null) {
            set = DataSources.withLabels(set, labels);
        }
        String bad = DataChecks.firstNonFinite(set);
        if (bad != null) {
            throw new UserError(data + ": " + bad + " is NaN or infinite; fill or drop missing values first");
        }
        if (set.samples() < 2) {
            throw new UserError(data + ": " + set.samples() + " sample(s); training needs at least 2");
        }
        return set;
    }
}
