package org.aeworkbench.engine.train;

import org.aeworkbench.engine.model.LossTerms;

/**
 * The end of an epoch.
 *
 * @param train            mean training loss terms over the epoch (with noise and sampling as trained)
 * @param validation       validation loss terms (no noise, no sampling), or null without validation data
 * @param valReconError    validation mean over samples of the summed squared error (NaN without validation)
 * @param seconds          wall time of the stage so far, evaluation included
 * @param samplesPerSecond training samples per second of training-step time (evaluation excluded)
 * @param probeCodes       codes of the probe samples at the end of the epoch, or null without a probe
 */
public record EpochSnapshot(int stage, String stageName, int epoch, int epochs, LossTerms train,
                            LossTerms validation, double valReconError, double seconds, double samplesPerSecond,
                            float[] probeCodes) {
}
