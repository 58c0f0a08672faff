package org.aeworkbench.engine.model;

import org.aeworkbench.engine.blas.Compute;

/**
 * What the trainer gives a {@link TrainingPhase}: the model and data of the run, and two ways to
 * train a stage, each reported to the run's listener as a stage of its own and recorded in the
 * run's history.
 */
public interface PhaseContext {

    /** The model the run trains; the phase writes its results into its weights. */
    Autoencoder model();

    Compute compute();

    /** Training samples, row-major. */
    float[] train();

    int trainSamples();

    /** Validation samples, row-major, or null. */
    float[] validation();

    int validationSamples();

    /**
     * Trains {@code model} (a shallow autoencoder, say) as the next stage by minibatch gradient
     * descent under its own spec, for {@code epochs} epochs on as many samples as the run has,
     * each of {@code model}'s input width.
     *
     * @param validation validation samples of that width, or null
     * @return whether the stage completed (or stopped early with its best weights), so the phase may go on
     */
    boolean trainStage(String name, Autoencoder model, float[] train, float[] validation, int epochs);

    /**
     * Starts a stage the phase trains with its own update rule (contrastive divergence, say);
     * it reports through the returned handle and ends it with {@link StageRun#end}.
     */
    StageRun beginStage(String name, int epochs);

    /** A stage a phase trains itself. */
    interface StageRun {

        /** Blocks while the run is paused; false when it was cancelled, and the phase should stop. */
        boolean proceed();

        /**
         * Reports progress within an epoch, as the trainer's batch snapshots do: after {@code batch}
         * of {@code batches} minibatches, the last of {@code samples} rows, with the mean terms
         * since the previous report.
         */
        void batchDone(int epoch, int batch, int batches, int samples, LossTerms terms);

        /** Reports a finished epoch: training terms, and validation terms or null. */
        void epochDone(int epoch, LossTerms train, LossTerms validation);

        /**
         * Ends the stage.
         *
         * @param completed whether it ran to its end (false: cancelled or diverged)
         * @param message   a sentence for the user, e.g. why it stopped
         */
        void end(boolean completed, String message);
    }
}
