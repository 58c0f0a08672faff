package org.aeworkbench.engine.model;

import java.util.Map;
import org.aeworkbench.engine.layer.Pass;

/**
 * An optimisation step a variant takes on each minibatch after the trainer's reconstruction step,
 * with optimisers of its own: the regularisation phase of an adversarial autoencoder (Makhzani et
 * al. 2015, section 2), which first trains a discriminator to tell samples of the prior from codes
 * and then the encoder, as generator, to fool it. A variant part returns one from
 * {@link VariantSpec#minibatchStep}; the trainer calls it after every optimiser step and reports
 * what it puts in {@code metrics} with the step's loss terms, as named curves.
 */
public interface MinibatchStep {

    /**
     * Takes the step on the minibatch {@code x} of {@code samples} rows.
     *
     * @param labels  the minibatch's class labels, row by row, or null when the data has none (a
     *                part that needs them says so in {@link VariantSpec#labelsProblem}, before training)
     * @param pass    a training pass carrying the run's random stream (draw from it in a fixed order)
     * @param epoch   0-based epoch, and {@code epochs} in the stage, for schedules
     * @param metrics where to put the step's named figures, per sample where they are losses
     *                ("discriminator" loss, "discriminator accuracy"); averaged over batches like the loss terms
     */
    void step(float[] x, int[] labels, int samples, Pass pass, int epoch, int epochs, Map<String, Double> metrics);

    /** Forgets optimiser state, as after the trainer restores weights from before a divergence. */
    void reset();

    /**
     * A sentence for the user when the step sees its training go wrong without diverging (an
     * adversary that wins every round, codes that collapse), saying what to change; null while all
     * is well. The trainer asks after every step and reports a new sentence to its listener once.
     */
    default String warning() {
        return null;
    }
}
