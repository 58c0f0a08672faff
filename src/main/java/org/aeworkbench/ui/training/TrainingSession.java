package org.aeworkbench.ui.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.aeworkbench.engine.blas.Backend;
import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.model.Autoencoder;
import org.aeworkbench.engine.model.ModelBuilder;
import org.aeworkbench.engine.model.ModelSpec;
import org.aeworkbench.engine.model.TrainingSpec;
import org.aeworkbench.engine.tensor.Shape;
import org.aeworkbench.engine.train.BatchSnapshot;
import org.aeworkbench.engine.train.SpecTraining;
import org.aeworkbench.engine.train.Trainer;
import org.aeworkbench.engine.train.TrainingControl;
import org.aeworkbench.engine.train.TrainingResult;
import org.aeworkbench.ui.common.Background;
import org.aeworkbench.ui.common.Formats;
import org.aeworkbench.ui.dataset.PreparedData;
import org.aeworkbench.ui.training.TrainingUpdate.BatchPoint;
import org.aeworkbench.ui.training.TrainingUpdate.EpochPoint;
import org.aeworkbench.ui.training.TrainingUpdate.ProbeFrame;
import org.aeworkbench.ui.training.TrainingUpdate.StageMark;

/**
 * A model and its training runs. Training runs on its own thread; the trainer's snapshots go
 * into a queue there and are handed to the views on the FX thread at most every
 * {@link #FRAME_MILLIS} by a timer that posts one {@code runLater} when something arrived, so the
 * FX thread only draws, a burst of snapshots costs one redraw, and an idle window schedules no
 * work at all. Runs continue the same model until the design, the data or Reset asks for new weights.
 *
 * <p>The views never touch the model being trained: at every epoch end (and when a run ends)
 * the training thread publishes a copy of the weights, {@link #snapshotProperty()}, from which
 * views build their own models for background inference.
 */
public final class TrainingSession {

    public enum State { IDLE, RUNNING, PAUSED, STOPPING }

    /**
     * At most two UI updates a second: enough to watch the status move, and each update costs the
     * FX and render threads 2 to 10 ms in software, which on a machine whose cores all train comes
     * out of training two to three times over (measured with UiCostMeasurement).
     */
    static final long FRAME_MILLIS = 500;

    private final ObjectProperty<State> state = new SimpleObjectProperty<>(State.IDLE);
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty epochText = new SimpleStringProperty("");
    private final StringProperty rateText = new SimpleStringProperty("");
    private final StringProperty etaText = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty messageIsProblem = new SimpleBooleanProperty();
    private final ObjectProperty<ModelSnapshot> frozen = new SimpleObjectProperty<>();
    private final IntegerProperty epochsTrained = new SimpleIntegerProperty();
    private final StringProperty backend = new SimpleStringProperty("");

    private final List<Consumer<TrainingUpdate>> listeners = new ArrayList<>();
    private final List<EpochPoint> history = new ArrayList<>();
    private final List<StageMark> stages = new ArrayList<>();
    private final List<ProbeFrame> replay = new ArrayList<>();

    private final HandOff handOff = new HandOff(FRAME_MILLIS, this::deliver);
    private boolean resetPending;
    private volatile boolean weightsWanted = true;

    private Autoencoder model;
    private PreparedData trainedOn;
    private ProbeSet probe;
    private Compute compute;
    private TrainingControl control;
    private double axis;
    private boolean resetAfterStop;
    private ModelSpec resetSpec;
    private ModelSpec runSpec;
    /** Counts model replacements, so a slow background reset cannot overwrite a newer model. */
    private int generation;
    private double runStart;
    private int runEpochs;

    /**
     * Whether views showing now need the weights at every epoch's end (Latent space,
     * Reconstructions, Generate, Weights); the final weights are always published.
     */
    public void setWeightsWanted(boolean wanted) {
        weightsWanted = wanted;
    }

    /** Opens the compute backend early, so the status bar can name it before the first run. */
    public void prepare(ModelSpec spec) {
        ensureCompute(spec);
    }

    // ---- properties ----

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state;
    }

    public State state() {
        return state.get();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    public ReadOnlyStringProperty epochTextProperty() {
        return epochText;
    }

    public ReadOnlyStringProperty rateTextProperty() {
        return rateText;
    }

    public ReadOnlyStringProperty etaTextProperty() {
        return etaText;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public ReadOnlyBooleanProperty messageIsProblemProperty() {
        return messageIsProblem;
    }

    /** The newest weights that are safe to read, or null before a model exists. */
    public ReadOnlyObjectProperty<ModelSnapshot> snapshotProperty() {
        return frozen;
    }

    public ModelSnapshot snapshot() {
        return frozen.get();
    }

    public ReadOnlyIntegerProperty epochsTrainedProperty() {
        return epochsTrained;
    }

    /** The compute backend's description, e.g. "native BLAS (OpenBLAS via netlib JNI), 2 threads". */
    public ReadOnlyStringProperty backendProperty() {
        return backend;
    }

    /** Completed epochs of all runs since the last reset (FX thread). */
    public List<EpochPoint> history() {
        return List.copyOf(history);
    }

    public List<StageMark> stages() {
        return List.copyOf(stages);
    }

    /** Probe codes at each epoch's end, for the replay slider. */
    public List<ProbeFrame> replay() {
        return List.copyOf(replay);
    }

    public ProbeSet probe() {
        return probe;
    }

    /** The data the current weights were trained on, or null. */
    public PreparedData trainedOn() {
        return trainedOn;
    }

    /** Receives coalesced updates on the FX thread. */
    public void addListener(Consumer<TrainingUpdate> listener) {
        listeners.add(listener);
    }

    // ---- commands ----

    /**
     * Trains {@code spec} on {@code data} for the spec's epochs: continues the current weights when
     * the design and data are unchanged, else starts from weights drawn with the seed.
     */
    public void train(ModelSpec spec, PreparedData data) {
        if (state.get() != State.IDLE) {
            return;
        }
        boolean fresh = model == null || !model.spec().equals(spec) || data != trainedOn;
        if (fresh && model != null) {
            clearHistory();
        }
        PreparedData.TrainSplit split = data.split(spec.training().validationFraction(), spec.training().seed());
        // Kept while the data stays: the replay's frames from earlier runs follow the same samples.
        if (probe == null || data != trainedOn) {
            probe = ProbeSet.forSplit(data.all(), split, spec.training().seed());
        }
        trainedOn = data;
        generation++;
        runSpec = spec;
        runStart = axis;
        runEpochs = SpecTraining.totalEpochs(spec);
        ensureCompute(spec);
        control = new TrainingControl();
        state.set(State.RUNNING);
        message.set(fresh && epochsTrained.get() == 0 ? "Training " + spec.name() : "Training " + spec.name()
                + (fresh ? " from new weights" : ", continuing"));
        messageIsProblem.set(false);
        TrainingControl ctl = control;
        ProbeSet p = probe;
        Autoencoder existing = fresh ? null : model;
        double start = axis;
        Thread thread = new Thread(() -> run(spec, data, split, existing, p, ctl, start), "ae-training");
        thread.setDaemon(true);
        thread.start();
    }

    public void pause() {
        if (state.get() == State.RUNNING) {
            control.pause();
            state.set(State.PAUSED);
            message.set("Paused: the model holds the weights of the last completed step");
        }
    }

    public void resume() {
        if (state.get() == State.PAUSED) {
            control.resume();
            state.set(State.RUNNING);
            message.set("Training");
        }
    }

    public void stop() {
        if (state.get() == State.RUNNING || state.get() == State.PAUSED) {
            control.cancel();
            state.set(State.STOPPING);
        }
    }

    /** New weights drawn with the spec's seed and an empty history; stops a run first. */
    public void reset(ModelSpec spec) {
        if (state.get() != State.IDLE) {
            resetAfterStop = true;
            resetSpec = spec;
            stop();
            return;
        }
        clearHistory();
        model = null;
        epochsTrained.set(0);
        Shape in = trainedOn == null ? null : trainedOn.all().sampleShape();
        int asked = ++generation;
        if (in != null) {
            Background.run("reset", () -> ModelBuilder.build(spec, in), built -> {
                if (asked != generation) {
                    return; // a later reset, run or opened project has replaced the model since
                }
                model = built;
                frozen.set(ModelSnapshot.of(built));
                message.set("Reset: new weights drawn with seed " + spec.training().seed());
            }, m -> message.set(m));
        } else {
            frozen.set(null);
            message.set("Reset");
        }
    }

    /** Installs trained weights and their history (an opened project). */
    public void restore(Autoencoder trained, PreparedData data, List<EpochPoint> epochs) {
        generation++;
        clearHistory();
        resetPending = false;
        model = trained;
        trainedOn = data;
        TrainingSpec ts = trained.spec().training();
        probe = ProbeSet.forSplit(data.all(), data.split(ts.validationFraction(), ts.seed()), ts.seed());
        ensureCompute(trained.spec());
        history.addAll(epochs);
        axis = epochs.isEmpty() ? 0 : epochs.get(epochs.size() - 1).x();
        epochsTrained.set(epochs.size());
        frozen.set(ModelSnapshot.of(trained));
        TrainingUpdate update = new TrainingUpdate(true, List.of(), List.copyOf(epochs), List.of(), null);
        for (Consumer<TrainingUpdate> l : listeners) {
            l.accept(update);
        }
    }

    /** Stops the pump and any run, and releases the compute threads (window closing). */
    public void close() {
        handOff.close();
        if (control != null) {
            control.cancel();
        }
        if (compute != null && state.get() == State.IDLE) {
            compute.close();
        }
    }

    // ---- training thread ----

    private void run(ModelSpec spec, PreparedData data, PreparedData.TrainSplit split, Autoencoder existing,
                     ProbeSet p, TrainingControl ctl, double start) {
        TrainingResult result;
        Autoencoder m = existing;
        try {
            if (m == null) {
                m = ModelBuilder.build(spec, data.all().sampleShape());
            }
            Relay relay = new Relay(handOff, compute, m, p, start, () -> weightsWanted);
            if (!SpecTraining.phases(spec).isEmpty()) {
                // A training phase (stacked pretraining) runs its own trainers, which take no probe: the relay encodes
                // the probe itself at each epoch's end.
                result = SpecTraining.run(m, compute, split.train().values(), split.train().samples(),
                        split.validation().values(), split.validation().samples(), ctl, relay);
            } else {
                Trainer trainer = new Trainer(m, compute);
                int every = probeInterval(split.train().samples(), spec.training().batchSize(), p.size());
                if (p.leadsValidationOf(split)) {
                    trainer.setProbeFromValidation(p.size(), every);
                } else {
                    trainer.setProbe(p.values(), p.size(), every);
                }
                result = trainer.fit(split.train().values(), split.train().samples(), split.validation().values(),
                        split.validation().samples(), ctl, relay);
            }
            handOff.weights(ModelSnapshot.of(m));
        } catch (RuntimeException e) {
            String why = Background.message(e);
            Autoencoder built = m;
            Platform.runLater(() -> finished(built, null, why));
            return;
        }
        Autoencoder built = m;
        TrainingResult r = result;
        Platform.runLater(() -> finished(built, r, null));
    }

    /**
     * Batches between probes. Encoding a probe sample costs about a sixth of a training step on one
     * sample, so the epoch-end probe alone is cheap next to an epoch of a large training set; extra
     * probes within an epoch are added only while they stay under about 2% of the training work.
     */
    static int probeInterval(int nTrain, int batchSize, int probeSize) {
        int batches = Math.max(1, (nTrain + batchSize - 1) / batchSize);
        int extra = (int) (0.12 * nTrain / Math.max(1, probeSize));
        return extra >= 1 ? Math.max(1, batches / (extra + 1)) : batches + 1;
    }

    // ---- FX thread ----

    private void finished(Autoencoder built, TrainingResult result, String error) {
        deliver();
        model = built;
        state.set(State.IDLE);
        if (error != null) {
            message.set("Training failed: " + error);
            messageIsProblem.set(true);
        } else {
            message.set(result.message());
            messageIsProblem.set(result.status() == TrainingResult.Status.DIVERGED);
            etaText.set("");
            if (result.status() == TrainingResult.Status.COMPLETED) {
                progress.set(1);
            }
        }
        if (!history.isEmpty()) {
            axis = history.get(history.size() - 1).x();
        }
        if (resetAfterStop) {
            resetAfterStop = false;
            reset(resetSpec);
        }
    }

    /** Drains the hand-off and notifies the views once. */
    void deliver() {
        HandOff.Drained d = handOff.drain();
        replay.addAll(d.frames());
        if (d.weights() != null) {
            frozen.set(d.weights());
        }
        history.addAll(d.epochs());
        stages.addAll(d.stages());
        if (!d.epochs().isEmpty()) {
            epochsTrained.set(history.size());
        }
        updateStatus(d.batches(), d.lastBatch());
        TrainingUpdate update = new TrainingUpdate(resetPending, d.batches(), d.epochs(), d.stages(), d.probe());
        resetPending = false;
        if (!update.isEmpty()) {
            for (Consumer<TrainingUpdate> l : listeners) {
                l.accept(update);
            }
        }
    }

    private void updateStatus(List<BatchPoint> batches, BatchSnapshot b) {
        if (b == null || batches.isEmpty() || state.get() == State.IDLE) {
            return;
        }
        double done = batches.get(batches.size() - 1).x() - runStart;
        progress.set(Math.min(1, done / Math.max(1, runEpochs)));
        String stage = "train".equals(b.stageName()) ? "" : b.stageName() + " \u00b7 ";
        int epochsInStage = SpecTraining.epochsOfStage(runSpec, b.stageName());
        epochText.set(String.format(Locale.ROOT, "%sepoch %d/%d \u00b7 batch %d/%d", stage, b.epoch() + 1, epochsInStage,
                b.batch(), b.batchesPerEpoch()));
        rateText.set(Formats.rate(b.samplesPerSecond()));
        double perEpoch = b.samplesPerSecond() > 0
                ? (double) b.batchesPerEpoch() * runSpec.training().batchSize() / b.samplesPerSecond() : Double.NaN;
        etaText.set(Formats.duration((runEpochs - done) * perEpoch) + " left");
    }

    private void clearHistory() {
        history.clear();
        stages.clear();
        replay.clear();
        handOff.clear();
        axis = 0;
        epochsTrained.set(0);
        progress.set(0);
        epochText.set("");
        rateText.set("");
        etaText.set("");
        resetPending = true;
    }

    private void ensureCompute(ModelSpec spec) {
        int threads = spec.training().threads();
        int want = threads <= 0 ? Runtime.getRuntime().availableProcessors() : threads;
        if (compute == null || compute.threads() != want) {
            if (compute != null) {
                compute.close();
            }
            compute = Compute.create(Backend.AUTO, threads);
            backend.set(compute.description());
        }
    }
}
