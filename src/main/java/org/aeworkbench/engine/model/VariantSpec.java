package org.aeworkbench.engine.model;

import org.aeworkbench.engine.layer.Layer;
import org.aeworkbench.engine.tensor.Shape;

/**
 * One variant's part of a design ({@code "kSparse": {"k": 25}} in a spec file): a record holding
 * the variant's settings, which also says how the variant checks a design, where it puts its
 * stages, and how it takes part in training. A new variant is one record implementing this
 * interface, with a {@link VariantType} constant, and one line in {@link Variants}.
 *
 * <p>Every method has a default that does nothing, so a variant implements only what it does:
 * <ul>
 *   <li>{@link #validate}: the problems of its settings and of its combination with the rest;</li>
 *   <li>assembly, called by {@link ModelBuilder} in stack order and, for each stack position, in
 *       the order of {@link Variants} (a corruption before the encoder; a replacement code layer; a
 *       penalty, sampler or selection after an encoder layer; a replacement decoder layer);</li>
 *   <li>training: a {@link TrainingPhase} before fine-tuning (greedy pretraining), and a
 *       {@link MinibatchStep} after each minibatch's reconstruction step (adversarial steps),
 *       with {@link #labelsProblem} when the part needs the data's labels.</li>
 * </ul>
 */
public interface VariantSpec {

    /** The registered type: the JSON key and what the designer shows. */
    VariantType<?> type();

    /** Adds the problems of this part in {@code check}'s design; fields start with the type's id. */
    default void validate(SpecCheck check) {
    }

    /** Adds stages before the first encoder layer (training-time corruption, input taps). */
    default void addInputStages(Assembly assembly) {
    }

    /** The code layer to build in place of the spec's, or null to keep it (a VAE's mean and log-variance). */
    default Layer buildCodeLayer(Assembly assembly, String name, Shape input) {
        return null;
    }

    /** Adds stages after encoder layer {@code index} has been built (penalties, sampling, selection). */
    default void addStagesAfter(Assembly assembly, int index) {
    }

    /** Decoder layer {@code index} to build in place of the spec's, or null to keep it (tied weights). */
    default Layer buildDecoderLayer(Assembly assembly, int index, String name, Shape input) {
        return null;
    }

    /** Whether decoder layer {@code index} shares its weights with an encoder layer, keeping only its bias. */
    default boolean sharesWeights(ModelSpec spec, int index) {
        return false;
    }

    /** Trainable parameters the part adds beyond the layer rows (a VAE's log-variance units). */
    default long extraParameters(ModelSpec spec, java.util.List<LayerRow> rows) {
        return 0;
    }

    /**
     * Bytes the part's own training steps hold beyond the model and the design's optimiser, for
     * batches of {@code batch} (an adversarial autoencoder's discriminator with its optimiser, the
     * generator step's optimiser over the encoder); none by default. {@link ModelFootprint} adds it
     * to the training figure.
     */
    default long trainingBytes(ModelSpec spec, java.util.List<LayerRow> rows, int batch) {
        return 0;
    }

    /** A phase to run before the spec's own training (fine-tuning), or null. */
    default TrainingPhase trainingPhase(ModelSpec spec) {
        return null;
    }

    /**
     * A step to take after each minibatch's reconstruction step while {@code model} trains, or
     * null. Called once per training stage, so the step's own optimisers start fresh.
     */
    default MinibatchStep minibatchStep(Autoencoder model) {
        return null;
    }

    /**
     * The distribution the part fits the codes to, one can sample and decode (a VAE's N(0, I), an
     * adversarial autoencoder's prior), or null (the default: a plain code space has none).
     */
    default CodeDistribution codeDistribution() {
        return null;
    }

    /**
     * Why the part cannot train on data with these class labels (null: the data has none), or
     * null when it can. Checked before training starts, where the labels are known; most parts
     * do not use labels at all (the default).
     */
    default String labelsProblem(int[] labels) {
        return null;
    }

    /**
     * The part a shallow autoencoder keeps when it pretrains encoder layer {@code layer} of
     * {@code layers} on its own, or null when the part does not apply to it (the default).
     */
    default VariantSpec forLayerwisePretraining(int layer, int layers) {
        return null;
    }
}
