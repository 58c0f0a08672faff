package org.aeworkbench.ui.runs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.aeworkbench.engine.model.TrainingSpec;
import org.aeworkbench.engine.train.EpochSnapshot;
import org.aeworkbench.engine.train.SpecTraining;
import org.aeworkbench.engine.train.TrainingResult;
import org.aeworkbench.report.runs.RunData;
import org.aeworkbench.report.runs.RunEpoch;
import org.aeworkbench.report.runs.RunRecord;
import org.aeworkbench.ui.dataset.PreparedData;
import org.aeworkbench.ui.run.RunEnd;
import org.aeworkbench.ui.run.TrainingUpdate.EpochPoint;

/** Turns the end of a run, as the training session reports it, into the record the Runs tab keeps. */
public final class RunRecords {

    /** The stage name the trainer gives the epochs of training proper when the design has no pretraining. */
    static final String TRAINING_STAGE = "train";

    private RunRecords() {
    }

    /**
     * The record of a run, or null when it completed no epoch of training proper (stopped at
     * once, or during pretraining): it has no curve to compare.
     */
    static RunRecord of(int id, RunEnd end) {
        List<RunEpoch> epochs = epochs(end.epochs());
        if (epochs.isEmpty()) {
            return null;
        }
        return new RunRecord(id, end.spec().name(), end.spec(), data(end.data(), end.spec().training()), epochs, outcome(end),
                end.seconds(), end.backend(), end.started().toString());
    }

    /**
     * The epochs of training proper, as a run record keeps them: those of a design without
     * pretraining, and the fine-tuning after pretraining (stacked autoencoders, RBMs). Each is placed
     * at its epoch of training proper: the pretraining epochs before it are taken off the time axis,
     * so a pretrained run's first fine-tuning epoch sits at 1 beside the first epoch of a run from
     * random weights, where the Runs tab compares them.
     */
    public static List<RunEpoch> epochs(List<EpochPoint> points) {
        List<RunEpoch> proper = new ArrayList<>();
        int pretraining = 0;
        for (EpochPoint p : points) {
            if (trainingProper(p.snapshot().stageName())) {
                proper.add(epoch(p, pretraining));
            } else {
                pretraining++;
            }
        }
        return List.copyOf(proper);
    }

    private static boolean trainingProper(String stage) {
        return TRAINING_STAGE.equals(stage) || SpecTraining.FINE_TUNE.equals(stage);
    }

    /** The data as a run record keeps it: its source, draw and preparation, and the split the settings make. */
    public static RunData data(PreparedData d, TrainingSpec t) {
        PreparedData.TrainSplit split = d.split(t.validationFraction(), t.seed());
        return new RunData(d.reference().source(), d.reference().limit(), d.reference().seed(),
                d.reference().scaling().id(), d.preparation().line(), split.train().samples(), split.validation().samples());
    }

    private static RunEpoch epoch(EpochPoint p, int pretrainingBefore) {
        EpochSnapshot s = p.snapshot();
        return new RunEpoch(p.x() - pretrainingBefore, s.train().total(), s.validation() == null ? Double.NaN : s.validation().total(),
                s.valReconError(), s.train().penalties());
    }

    static String outcome(RunEnd end) {
        if (end.status() == null) {
            return "failed";
        }
        return end.status() == TrainingResult.Status.CANCELLED ? "stopped"
                : end.status().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
