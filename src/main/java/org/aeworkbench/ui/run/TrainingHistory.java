package org.aeworkbench.ui.run;

import java.util.List;
import org.aeworkbench.ui.run.TrainingUpdate.BatchPoint;
import org.aeworkbench.ui.run.TrainingUpdate.EpochPoint;
import org.aeworkbench.ui.run.TrainingUpdate.ProbeFrame;
import org.aeworkbench.ui.run.TrainingUpdate.StageMark;

/**
 * What the runs since the weights were drawn left behind, as the charts and the replay slider
 * show it and a project file saves it.
 *
 * @param epochs  completed epochs in order
 * @param batches the per-batch curve's points
 * @param stages  where stacked pretraining's stages began
 * @param replay  the probe's codes at each epoch's end, or null when none were kept
 */
public record TrainingHistory(List<EpochPoint> epochs, List<BatchPoint> batches, List<StageMark> stages, Replay replay) {

    public static final TrainingHistory EMPTY = new TrainingHistory(List.of(), List.of(), List.of(), null);

    public TrainingHistory {
        epochs = List.copyOf(epochs);
        batches = List.copyOf(batches);
        stages = List.copyOf(stages);
    }

    /**
     * The probe's codes epoch by epoch.
     *
     * @param probe      the samples' indices in the full data set
     * @param validation whether they are validation samples
     * @param frames     one frame per kept epoch end, in order
     */
    public record Replay(int[] probe, boolean validation, List<ProbeFrame> frames) {
        public Replay {
            frames = List.copyOf(frames);
        }
    }

    /** The same curves without the replay frames (their samples no longer fit the data). */
    public TrainingHistory withoutReplay() {
        return new TrainingHistory(epochs, batches, stages, null);
    }

    /** Where the next run begins on the time axis: the end of the last completed epoch. */
    public double end() {
        return epochs.isEmpty() ? 0 : epochs.get(epochs.size() - 1).x();
    }
}
