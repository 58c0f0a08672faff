package org.aeworkbench.ui.anomaly;

import java.util.List;
import java.util.Locale;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Task;
import org.aeworkbench.analysis.anomaly.AnomalyDetection;
import org.aeworkbench.analysis.anomaly.AnomalyResult;
import org.aeworkbench.analysis.anomaly.AnomalyScore;
import org.aeworkbench.analysis.anomaly.AnomalySplit;
import org.aeworkbench.analysis.anomaly.NormalClasses;
import org.aeworkbench.analysis.anomaly.OneClassProtocol;
import org.aeworkbench.analysis.ranking.Confusion;
import org.aeworkbench.data.Dataset;
import org.aeworkbench.engine.blas.Backend;
import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.model.Autoencoder;
import org.aeworkbench.engine.model.ModelBuilder;
import org.aeworkbench.engine.model.ModelSpec;
import org.aeworkbench.engine.train.BatchSnapshot;
import org.aeworkbench.engine.train.SpecTraining;
import org.aeworkbench.engine.train.TrainingControl;
import org.aeworkbench.engine.train.TrainingListener;
import org.aeworkbench.engine.train.TrainingResult;
import org.aeworkbench.ui.codes.ClassesNeeded;
import org.aeworkbench.ui.common.Jobs;
import org.aeworkbench.ui.dataset.PreparedData;

/**
 * The Anomaly view's state: which classes are normal, the score, the run that trains the design on
 * the normal samples and scores the held-out ones (in the background, as {@link AnomalyDetection}
 * does for the CLI), its result, and the threshold the user reads the metrics at. Views bind to the
 * read-only properties and change them only through the commands below. FX thread.
 */
public final class AnomalyModel {

    private final Jobs jobs;
    private final ReadOnlyObjectWrapper<NormalClasses> normal = new ReadOnlyObjectWrapper<>(NormalClasses.all(List.of()));
    private final ReadOnlyObjectWrapper<AnomalyScore> score = new ReadOnlyObjectWrapper<>(AnomalyScore.RECON);
    private final ReadOnlyObjectWrapper<AnomalyResult> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyDoubleWrapper threshold = new ReadOnlyDoubleWrapper(Double.NaN);
    private final ReadOnlyObjectWrapper<Confusion> atThreshold = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper logScale = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private PreparedData data;
    private Task<Scored> task;
    private TrainingControl control;

    /** What a finished run hands back to the FX thread. */
    private record Scored(AnomalyResult result, String description) {
    }

    public AnomalyModel(Jobs jobs) {
        this.jobs = jobs;
    }

    public ReadOnlyObjectProperty<NormalClasses> normalProperty() {
        return normal.getReadOnlyProperty();
    }

    public NormalClasses normal() {
        return normal.get();
    }

    public ReadOnlyObjectProperty<AnomalyScore> scoreProperty() {
        return score.getReadOnlyProperty();
    }

    /** The last run's result; null before the first run and after the data changed. */
    public ReadOnlyObjectProperty<AnomalyResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public AnomalyResult result() {
        return result.get();
    }

    /** Samples scoring at or above this are flagged; NaN without a labelled result. */
    public ReadOnlyDoubleProperty thresholdProperty() {
        return threshold.getReadOnlyProperty();
    }

    /** The autoencoder's counts at the threshold; null without a labelled result. */
    public ReadOnlyObjectProperty<Confusion> atThresholdProperty() {
        return atThreshold.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty logScaleProperty() {
        return logScale.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** Training progress of the running job, 0..1. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** What the view says over its charts: how to start, what runs, what the result is, or what failed. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    // ---- commands ----

    /**
     * New data: its classes become the choice, all but the last normal (something to find from the
     * start); unlabelled data is all normal. Any result, which belongs to the old data, goes.
     */
    public void dataChanged(PreparedData now) {
        cancel();
        data = now;
        List<String> classes = now == null || !now.all().hasLabels() ? List.of() : now.all().classNames();
        if (classes.size() < 2) {
            normal.set(NormalClasses.all(classes));
        } else {
            boolean[] n = new boolean[classes.size()];
            java.util.Arrays.fill(n, true);
            n[n.length - 1] = false;
            normal.set(NormalClasses.of(n, classes));
        }
        clearResult();
        String names = now == null ? null : ClassesNeeded.note(now.all(), "a class of one sample is no normal class to"
                + " learn from; load data with classes of several samples, or without labels to treat every sample as normal");
        status.set(now == null ? "" : names != null ? names : classes.isEmpty()
                ? "No labels: every sample trains as normal, and the highest scores are the suspects. Press Train."
                : "Choose the normal classes, then Train: the design learns from their training samples only.");
    }

    /** Makes one class normal or not. */
    public void setNormal(int label, boolean isNormal) {
        NormalClasses n = normal.get();
        boolean[] flags = n.normal();
        if (label < 0 || label >= flags.length || flags[label] == isNormal) {
            return;
        }
        flags[label] = isNormal;
        normal.set(NormalClasses.of(flags, n.classNames()));
    }

    /** Makes every class normal (or, with false, none but the first, so that something stays normal). */
    public void setAllNormal(boolean all) {
        List<String> classes = normal.get().classNames();
        boolean[] flags = new boolean[classes.size()];
        java.util.Arrays.fill(flags, all);
        if (!all && flags.length > 0) {
            flags[0] = true;
        }
        normal.set(NormalClasses.of(flags, classes));
    }

    public void setScore(AnomalyScore s) {
        score.set(s);
    }

    public void setLogScale(boolean on) {
        logScale.set(on);
    }

    /** Moves the threshold; the counts at it follow. */
    public void setThreshold(double t) {
        AnomalyResult r = result.get();
        if (r == null || r.ae().sweep() == null) {
            return;
        }
        threshold.set(t);
        atThreshold.set(r.ae().sweep().at(t));
    }

    /**
     * Trains {@code spec} on the normal training samples of the current data and scores the held
     * out ones, in the background; a run still going is cancelled first. Bad choices (no anomaly
     * left in the test set, the ELBO without a VAE) end in the status line, before any training.
     */
    public void train(ModelSpec spec) {
        cancel();
        PreparedData d = data;
        if (d == null) {
            return;
        }
        NormalClasses chosen = normal.get();
        AnomalyScore kind = score.get();
        TrainingControl c = new TrainingControl();
        control = c;
        running.set(true);
        progress.set(0);
        status.set("Training " + spec.name() + " on the normal samples (" + chosen.describe() + ")\u2026");
        task = jobs.run("Anomaly: training on normal samples", () -> run(spec, d, chosen, kind, c), s -> {
            running.set(false);
            result.set(s.result());
            var summary = s.result().ae().summary();
            if (summary != null) {
                setThreshold(summary.thresholdAtBestF1());
            }
            status.set(s.description());
        }, msg -> {
            running.set(false);
            status.set("Could not run: " + msg);
        }, () -> {
            running.set(false);
            status.set("Cancelled.");
        });
    }

    /** Stops a running job between two training steps. */
    public void cancel() {
        if (control != null) {
            control.cancel();
        }
        if (task != null && task.isRunning()) {
            task.cancel();
        }
        running.set(false);
    }

    private void clearResult() {
        result.set(null);
        threshold.set(Double.NaN);
        atThreshold.set(null);
    }

    // ---- the background run ----

    private Scored run(ModelSpec spec, PreparedData d, NormalClasses chosen, AnomalyScore kind, TrainingControl c) {
        Dataset all = d.all();
        AnomalySplit split = AnomalySplit.heldOut(all, chosen, AnomalySplit.DEFAULT_TEST_FRACTION, spec.training().seed());
        Autoencoder model = ModelBuilder.build(spec, all.sampleShape());
        AnomalyDetection.checkScore(model, kind);
        try (Compute compute = Compute.create(Backend.AUTO, spec.training().threads())) {
            long total = (long) split.trainNormal().samples() * SpecTraining.totalEpochs(model);
            TrainingResult t = AnomalyDetection.train(model, split, compute, c, new ProgressListener(c, total));
            if (!OneClassProtocol.completed(t)) {
                throw new IllegalStateException(t.message());
            }
            AnomalyResult r = AnomalyDetection.score(model, split, kind, compute);
            return new Scored(r, describe(spec, split, t));
        }
    }

    private static String describe(ModelSpec spec, AnomalySplit split, TrainingResult t) {
        String measured = split.labelled()
                ? String.format(Locale.ROOT, "%,d held-out samples scored, %.1f%% of them anomalies", split.test().samples(),
                        100 * split.anomalyFraction())
                : String.format(Locale.ROOT, "%,d held-out samples scored; without labels AUROC cannot be measured, the highest scores are the suspects",
                        split.test().samples());
        return String.format(Locale.ROOT, "%s trained %d epochs on %,d normal samples (%s); %s.", spec.name(), t.history().size(),
                split.trainNormal().samples(), split.normal().describe(), measured);
    }

    /** Hands training progress to the FX thread a few times a second, and stops when the job is cancelled. */
    private final class ProgressListener implements TrainingListener {
        private final TrainingControl control;
        private final long total;
        private long done;
        private long seenInStage;
        private long lastPost;

        ProgressListener(TrainingControl control, long total) {
            this.control = control;
            this.total = Math.max(1, total);
        }

        @Override
        public void onStage(int stage, String name) {
            seenInStage = 0;
        }

        @Override
        public void onBatch(BatchSnapshot s) {
            done += s.samplesSeen() - seenInStage;
            seenInStage = s.samplesSeen();
            if (Thread.currentThread().isInterrupted()) {
                control.cancel();
            }
            long now = System.nanoTime();
            if (now - lastPost > 200_000_000L) {
                lastPost = now;
                double p = Math.min(1, done / (double) total);
                Platform.runLater(() -> progress.set(p));
            }
        }
    }
}
