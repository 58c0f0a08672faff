package org.aeworkbench.ui.run;

import java.util.ArrayList;
import java.util.List;
import org.aeworkbench.ui.run.TrainingUpdate.BatchPoint;
import org.aeworkbench.ui.run.TrainingUpdate.EpochPoint;
import org.aeworkbench.ui.run.TrainingUpdate.ProbeFrame;
import org.aeworkbench.ui.run.TrainingUpdate.StageMark;

/**
 * The curves and replay frames of the runs since the weights were drawn, collected as they
 * arrive (on the UI thread) and handed out as an immutable {@link TrainingHistory}.
 */
public final class RunHistory {

    private final List<EpochPoint> epochs = new ArrayList<>();
    private final List<BatchPoint> batches = new ArrayList<>();
    private final List<StageMark> stages = new ArrayList<>();
    private final List<ProbeFrame> replay = new ArrayList<>();

    /** Adds what the training thread handed off since the last time. */
    public void append(HandOff.Drained d) {
        epochs.addAll(d.epochs());
        batches.addAll(d.batches());
        stages.addAll(d.stages());
        replay.addAll(d.frames());
    }

    public void clear() {
        epochs.clear();
        batches.clear();
        stages.clear();
        replay.clear();
    }

    /** Replaces everything with a saved history. */
    public void restore(TrainingHistory h) {
        clear();
        epochs.addAll(h.epochs());
        batches.addAll(h.batches());
        stages.addAll(h.stages());
        if (h.replay() != null) {
            replay.addAll(h.replay().frames());
        }
    }

    /** A copy, with the replay frames following {@code probe} (null: no replay). */
    public TrainingHistory snapshot(ProbeSet probe) {
        TrainingHistory.Replay r = probe == null || replay.isEmpty() ? null
                : new TrainingHistory.Replay(probe.indices(), probe.validation(), replay);
        return new TrainingHistory(epochs, batches, stages, r);
    }

    public int epochCount() {
        return epochs.size();
    }

    /** Where the next run begins on the time axis. */
    public double end() {
        return epochs.isEmpty() ? 0 : epochs.get(epochs.size() - 1).x();
    }

    public List<EpochPoint> epochs() {
        return List.copyOf(epochs);
    }

    public List<StageMark> stages() {
        return List.copyOf(stages);
    }

    /** The probe's codes at each epoch's end, for the replay slider. */
    public List<ProbeFrame> replay() {
        return List.copyOf(replay);
    }
}
