package org.aeworkbench.engine.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How to train.
 *
 * @param epochs             passes over the training split
 * @param batchSize          samples per step
 * @param seed               seeds initialisation, shuffling, noise and sampling
 * @param validationFraction share of the data held out for validation when no split is given
 * @param patience           early stopping after this many epochs without validation improvement (0 = off)
 * @param threads            compute threads (0 = all cores)
 * @param clipNorm           clip the global gradient norm to this value (0 = off)
 */
public record TrainingSpec(int epochs, int batchSize, long seed, double validationFraction, int patience,
                           int threads, double clipNorm) {

    /** From a spec file: what the file leaves out takes the value of {@link #defaults()}. */
    @JsonCreator
    static TrainingSpec fromJson(@JsonProperty("epochs") Integer epochs, @JsonProperty("batchSize") Integer batchSize,
                                 @JsonProperty("seed") Long seed, @JsonProperty("validationFraction") Double validationFraction,
                                 @JsonProperty("patience") Integer patience, @JsonProperty("threads") Integer threads,
                                 @JsonProperty("clipNorm") Double clipNorm) {
        TrainingSpec d = defaults();
        return new TrainingSpec(epochs == null ? d.epochs : epochs, batchSize == null ? d.batchSize : batchSize,
                seed == null ? d.seed : seed, validationFraction == null ? d.validationFraction : validationFraction,
                patience == null ? d.patience : patience, threads == null ? d.threads : threads,
                clipNorm == null ? d.clipNorm : clipNorm);
    }

    public static TrainingSpec defaults() {
        return new TrainingSpec(10, 128, 42, 0.1, 0, 0, 0);
    }

    public TrainingSpec withEpochs(int e) {
        return new TrainingSpec(e, batchSize, seed, validationFraction, patience, threads, clipNorm);
    }

    public TrainingSpec withBatchSize(int b) {
        return new TrainingSpec(epochs, b, seed, validationFraction, patience, threads, clipNorm);
    }

    public TrainingSpec withSeed(long s) {
        return new TrainingSpec(epochs, batchSize, s, validationFraction, patience, threads, clipNorm);
    }

    public TrainingSpec withThreads(int t) {
        return new TrainingSpec(epochs, batchSize, seed, validationFraction, patience, t, clipNorm);
    }
}
