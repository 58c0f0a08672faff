package org.aeworkbench.ui.run;

import java.time.LocalDateTime;
import java.util.List;
import org.aeworkbench.engine.model.ModelSpec;
import org.aeworkbench.engine.train.TrainingResult;
import org.aeworkbench.ui.dataset.PreparedData;
import org.aeworkbench.ui.run.TrainingUpdate.EpochPoint;

/**
 * A run that has ended, however it ended, as the training session tells whoever records runs.
 *
 * @param spec    the design as trained
 * @param data    the data it trained on
 * @param epochs  the epochs this run completed (on the charts' axis, which goes on across continued runs)
 * @param status  how the trainer ended, or null when the run failed with {@code error}
 * @param error   why it failed, or null
 * @param started when Train was pressed
 * @param seconds wall time until the end
 * @param backend the compute backend's description
 */
public record RunEnd(ModelSpec spec, PreparedData data, List<EpochPoint> epochs, TrainingResult.Status status, String error,
                     LocalDateTime started, double seconds, String backend) {

    public RunEnd {
        epochs = List.copyOf(epochs);
    }
}
