package org.aeworkbench.ui.run;

import java.util.Locale;
import org.aeworkbench.engine.model.ModelSpec;
import org.aeworkbench.engine.train.BatchSnapshot;
import org.aeworkbench.engine.train.EpochSnapshot;
import org.aeworkbench.engine.train.SpecTraining;
import org.aeworkbench.engine.train.TrainingResult;
import org.aeworkbench.ui.common.Formats;

/**
 * The words the status bar and the Training tab use for a run. Epochs are counted two ways and
 * both are said: since the weights were drawn (the loss charts' axis, which runs on across
 * continued runs) and within this run ("3/10 of this run").
 */
public final class StatusText {

    private StatusText() {
    }

    public static String started(ModelSpec spec, boolean fresh, int epochsBefore) {
        return fresh ? "Training " + spec.name() + " from new weights (seed " + spec.training().seed() + ")"
                : "Training " + spec.name() + ", continuing after epoch " + epochsBefore;
    }

    public static String paused() {
        return "Paused: the model holds the weights of the last completed step";
    }

    public static String resumed(ModelSpec spec) {
        return "Training " + spec.name();
    }

    public static String reset(ModelSpec spec) {
        return "Reset: the next run starts at epoch 1 from new weights (seed " + spec.training().seed() + ")";
    }

    /**
     * How a run ended, as the status bar says it: the trainer's own sentence, except for a stop,
     * which is said short enough for the bar at the window's narrowest, numbered as the charts.
     *
     * @param epochs epochs trained since the weights were drawn, the stopped run's included
     */
    public static String finished(TrainingResult result, int epochs) {
        return result.status() == TrainingResult.Status.CANCELLED
                ? "Stopped in epoch " + (epochs + 1) + "; the weights of the last completed step are kept"
                : result.message();
    }

    public static String dataReplaced(String name) {
        return "New data (" + name + "): the model was reset; the next run starts at epoch 1";
    }

    public static String resetAfterStop() {
        return "Stopping; the weights are reset once the run has stopped";
    }

    /**
     * "epoch 17 (7/10 of this run) · batch 5/71", or for stacked pretraining's stages
     * "pretrain layer 1/3 · epoch 2/5 · batch 5/71".
     *
     * @param runStart where the run began on the time axis (epochs trained before it)
     */
    public static String progress(BatchSnapshot b, ModelSpec runSpec, double runStart) {
        String batch = String.format(Locale.ROOT, " \u00b7 batch %d/%d", b.batch(), b.batchesPerEpoch());
        if (!SpecTraining.phases(runSpec).isEmpty()) {
            return String.format(Locale.ROOT, "%s \u00b7 epoch %d/%d", b.stageName(), b.epoch() + 1,
                    SpecTraining.epochsOfStage(runSpec, b.stageName())) + batch;
        }
        return epochOf(runStart + b.epoch() + 1, b.epoch() + 1, runSpec.training().epochs()) + batch;
    }

    /** "epoch 17 (7/10 of this run)", or "epoch 7/10" when the run is the first. */
    static String epochOf(double total, int inRun, int runEpochs) {
        long t = Math.round(total);
        return t == inRun ? String.format(Locale.ROOT, "epoch %d/%d", inRun, runEpochs)
                : String.format(Locale.ROOT, "epoch %d (%d/%d of this run)", t, inRun, runEpochs);
    }

    /** Time left in the run, from the rate so far. */
    public static String eta(BatchSnapshot b, int batchSize, double epochsLeft) {
        double perEpoch = b.samplesPerSecond() > 0 ? (double) b.batchesPerEpoch() * batchSize / b.samplesPerSecond() : Double.NaN;
        return Formats.duration(epochsLeft * perEpoch) + " left";
    }

    /**
     * As long as the longest {@link #epochSummary} of a run with no penalty terms (a continued run,
     * every figure in scientific notation): the room kept above the loss charts, so that the
     * summary's first arrival or a rate one digit longer does not resize them (a chart's canvas
     * redraws all of itself on a resize, on the FX thread).
     */
    public static final String LONGEST_EPOCH_SUMMARY = "Epoch 8888 (888/888 of this run)   train loss -8.888e-04"
            + "   validation loss -8.888e-04   validation squared error -8.888e-04 per sample   888,888 samples/s";

    /**
     * The Training tab's line about the newest epoch: "Epoch 17 (7/10 of this run)   train loss
     * ...   validation loss ...", numbered as the chart's axis is.
     *
     * @param x the epoch's end on the charts' axis
     */
    public static String epochSummary(double x, EpochSnapshot s) {
        String epoch = "train".equals(s.stageName()) ? epochOf(x, s.epoch() + 1, s.epochs())
                : String.format(Locale.ROOT, "%s \u00b7 epoch %d/%d", s.stageName(), s.epoch() + 1, s.epochs());
        StringBuilder b = new StringBuilder(Character.toUpperCase(epoch.charAt(0)) + epoch.substring(1));
        b.append("   train loss ").append(Formats.loss(s.train().total()));
        if (s.validation() != null) {
            b.append("   validation loss ").append(Formats.loss(s.validation().total()));
            b.append("   validation squared error ").append(Formats.loss(s.valReconError())).append(" per sample");
        }
        for (var e : s.train().penalties().entrySet()) {
            b.append("   ").append(e.getKey()).append(' ').append(Formats.loss(e.getValue()));
        }
        b.append("   ").append(Formats.rate(s.samplesPerSecond()));
        return b.toString();
    }
}
