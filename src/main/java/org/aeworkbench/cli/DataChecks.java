package org.aeworkbench.cli;

import org.aeworkbench.data.Dataset;

/** Facts about loaded data that the commands need before training. */
final class DataChecks {

    private DataChecks() {
    }

    /** The first non-finite value, as "sample i, feature j", or null when all are finite. */
    static String firstNonFinite(Dataset data) {
        float[] v = data.values();
        for (int i = 0; i < v.length; i++) {
            if (!Float.isFinite(v[i])) {
                return "sample " + (i / data.features() + 1) + ", feature " + (i % data.features() + 1);
            }
        }
        return null;
    }
}
