package org.aeworkbench.cli.bench;

import org.aeworkbench.engine.train.EpochProfile;

/**
 * One profiled epoch of a training workload.
 *
 * @param seconds wall time of the epoch, validation pass included
 * @param nanos   nanoseconds per phase, in the order of {@link EpochProfile#PHASES}
 */
record EpochProfileResult(String name, int trainSamples, int validationSamples, double seconds, long[] nanos, String blas) {

    /** The phase's share of the epoch, 0 to 1. */
    double share(int phase) {
        return seconds == 0 ? 0 : nanos[phase] / 1e9 / seconds;
    }
}
