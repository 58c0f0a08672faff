package org.aeworkbench.ui.project;

import org.aeworkbench.data.Preparation;
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
 * @param preparation how the data the weights were trained on was prepared (recorded in the
 *                 project's model.aem, which the CLI reads), or null without weights
 */
public record Project(ModelSpec spec, boolean mirrored, DataReference data, TrainingHistory history, Autoencoder model,
                      Preparation preparation) {

    public Project {
        history = history == null ? TrainingHistory.EMPTY : history;
    }

    /** A project whose weights, if any, record no preparation (read back as "none"). */
    public Project(ModelSpec spec, boolean mirrored, DataReference data, TrainingHistory history, Autoencoder model) {
        this(spec, mirrored, data, history, model, null);
    }
}
