package org.aeworkbench.ui.run;

import java.util.List;
import org.aeworkbench.engine.model.LossTerms;
import org.aeworkbench.engine.train.EpochSnapshot;

/**
 * What arrived from the training thread since the last redraw, handed to the views on the FX
 * thread at most twice a second. Every element is immutable.
 *
 * @param reset   the run history was cleared (Reset, or a new design): views start over first
 * @param batches smoothed-curve points in arrival order
 * @param epochs  completed epochs in order
 * @param stages  stages that began (stacked pretraining marks)
 * @param probe   the newest probe codes, or null when none arrived
 */
public record TrainingUpdate(boolean reset, List<BatchPoint> batches, List<EpochPoint> epochs, List<StageMark> stages,
                             ProbeFrame probe) {

    /**
     * A batch-window loss on the run's time axis.
     *
     * @param x    epochs since the first run began (fractional within an epoch)
     * @param loss mean loss terms over the window
     */
    public record BatchPoint(double x, LossTerms loss) {
    }

    /** @param x the epoch's end on the time axis; @param snapshot as the trainer reported it */
    public record EpochPoint(double x, EpochSnapshot snapshot) {
    }

    /** @param x where the stage starts on the time axis; @param name the trainer's stage name */
    public record StageMark(double x, String name) {
    }

    /**
     * Codes of the probe samples at one moment.
     *
     * @param x        position on the time axis
     * @param epochEnd whether this is an epoch's end (kept for the replay slider)
     * @param codes    n x codeSize
     * @param codeSize code width
     */
    public record ProbeFrame(double x, boolean epochEnd, float[] codes, int codeSize) {
    }

    public boolean isEmpty() {
        return !reset && batches.isEmpty() && epochs.isEmpty() && stages.isEmpty() && probe == null;
    }
}
