package org.aeworkbench.ui.project;

import java.util.List;
import org.aeworkbench.engine.model.Autoencoder;
import org.aeworkbench.engine.model.ModelSpec;
import org.aeworkbench.ui.dataset.DataReference;
import org.aeworkbench.ui.training.TrainingUpdate.EpochPoint;

/**
 * Everything a project file holds.
 *
 * @param spec     the design being edited
 * @param mirrored whether the decoder follows the encoder
 * @param data     where the data comes from
 * @param history  completed epochs of the trained model
 * @param model    the trained weights (their own spec may differ from {@code spec} if the design was
 *                 edited after training), or null
 */
public record Project(ModelSpec spec, boolean mirrored, DataReference data, List<EpochPoint> history, Autoencoder model) {

    public Project {
        history = List.copyOf(history);
    }
}
