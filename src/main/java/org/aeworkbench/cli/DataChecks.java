package org.aeworkbench.cli;

import org.aeworkbench.data.Dataset;

/** Facts about loaded data that the commands need before training. */
final class DataChecks {

    private DataChecks() {
    }

    /** Whether every value lies in [0, 1], as BCE requires. */
    static boolean inUnitInterval(Dataset data) {
        for (float v : data.values()) {
            if (!(v >= 0f && v <= 1f)) {
                return false;
            }
        }
        return true;
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
