package org.aeworkbench.ui.project;

import java.util.List;
import org.aeworkbench.data.Preparation;
import org.aeworkbench.engine.model.Autoencoder;
import org.aeworkbench.engine.model.ModelSpec;
import org.aeworkbench.report.runs.RunRecord;
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
 * @param runs     the training runs recorded, oldest first (none in a project saved before runs were kept)
 */
public record Project(ModelSpec spec, boolean mirrored, DataReference data, TrainingHistory history, Autoencoder model,
                      Preparation preparation, List<RunRecord> runs) {

    public Project {
        history = history == null ? TrainingHistory.EMPTY : history;
        runs = runs == null ? List.of() : List.copyOf(runs);
    }

    /** A project without recorded runs. */
    public Project(ModelSpec spec, boolean mirrored, DataReference data, TrainingHistory history, Autoencoder model,
                   Preparation preparation) {
        this(spec, mirrored, data, history, model, preparation, List.of());
    }

    /** A project whose weights, if any, record no preparation (read back as "none"). */
    public Project(ModelSpec spec, boolean mirrored, DataReference data, TrainingHistory history, Autoencoder model) {
        this(spec, mirrored, data, history, model, null);
    }
}
