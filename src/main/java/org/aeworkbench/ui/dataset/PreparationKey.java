package org.aeworkbench.ui.dataset;

import org.aeworkbench.engine.loss.ReconstructionLoss;
import org.aeworkbench.engine.model.ModelSpec;
import org.aeworkbench.engine.model.TrainingSpec;

/**
 * What of a design the data's preparation depends on: the training split (its validation fraction
 * and seed; the scaling's statistics come from the training samples only) and the loss (under
 * {@code auto}, BCE needs data in [0, 1]). The window prepares its data for the current design's
 * key, as {@code train} does for its design, so both give the same matrix.
 */
public record PreparationKey(double validationFraction, long seed, ReconstructionLoss loss) {

    /** The key of a new design: the default training settings and BCE (the reference preset's loss). */
    public static final PreparationKey DEFAULT = new PreparationKey(TrainingSpec.defaults().validationFraction(),
            TrainingSpec.defaults().seed(), ReconstructionLoss.BCE);

    public static PreparationKey of(ModelSpec spec) {
        return new PreparationKey(spec.training().validationFraction(), spec.training().seed(), spec.loss());
    }
}
