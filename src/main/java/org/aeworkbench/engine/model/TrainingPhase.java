package org.aeworkbench.engine.model;

/**
 * Training a variant does before the design's own training, which then fine-tunes the result:
 * greedy layer-wise pretraining of autoencoders (Bengio et al. 2007) today, of restricted
 * Boltzmann machines by contrastive divergence (Hinton and Salakhutdinov 2006) in the same way.
 * A variant part returns one from {@link VariantSpec#trainingPhase}; the trainer runs it with a
 * {@link PhaseContext}, through which the phase trains, reports and heeds pause and cancel.
 */
public interface TrainingPhase {

    /** Epochs the phase runs when nothing stops it, over all its stages (for progress bars). */
    int epochs();

    /** Epochs of the phase's stage named {@code stageName}, or -1 when the phase has no such stage. */
    int epochsOfStage(String stageName);

    /**
     * Runs the phase on the calling thread, writing what it learnt into {@code context.model()}.
     *
     * @return whether training goes on to fine-tuning: false when a stage was cancelled or diverged
     */
    boolean run(PhaseContext context);
}
