package org.aeworkbench.ui.project;

import org.aeworkbench.engine.model.Autoencoder;
import org.aeworkbench.engine.model.ModelSpec;
import org.aeworkbench.ui.dataset.DataReference;
import org.aeworkbench.ui.run.TrainingHistory;

/**
 * Everything a project file holds.
 *
 * @param spec     the design being edited
 * @param mirrored whether the decoder follows the encoder
 * @param data     where the data comes from
 * @param history  the trained model's curves and replay frames
 * @param model    the trained weights (their own spec may differ from {@code spec} if the design was
 *                 edited after training), or null
 */
public record Project(ModelSpec spec, boolean mirrored, DataReference data, TrainingHistory history, Autoencoder model) {

    public Project {
        history = history == null ? TrainingHistory.EMPTY : history;
    }
}
