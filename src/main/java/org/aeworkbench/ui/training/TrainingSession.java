package org.aeworkbench.ui.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
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
import org.aeworkbench.engine.tensor.Shape;
import org.aeworkbench.engine.train.BatchSnapshot;
import org.aeworkbench.engine.train.EpochSnapshot;
import org.aeworkbench.engine.train.SpecTraining;
import org.aeworkbench.engine.train.Trainer;
import org.aeworkbench.engine.train.TrainingControl;
import org.aeworkbench.engine.train.TrainingListener;
import org.aeworkbench.engine.train.TrainingResult;
import org.aeworkbench.engine.variant.StackedPretraining;
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

    /** At most four UI updates a second: smooth enough to watch, cheap next to training. */
    static final long FRAME_MILLIS = 250;

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

    // Hand-off from the training thread.
    private final ConcurrentLinkedQueue<Object> inbox = new ConcurrentLinkedQueue<>();
    private final AtomicReference<ProbeFrame> latestProbe = new AtomicReference<>();
    private final AtomicReference<ModelSnapshot> latestCopy = new AtomicReference<>();
    private final AtomicReference<BatchSnapshot> latestBatch = new AtomicReference<>();
    private boolean resetPending;
    private final ScheduledExecutorService pump;
    private final AtomicBoolean deliveryPosted = new AtomicBoolean();

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

    public TrainingSession() {
        pump = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ae-ui-pump");
            t.setDaemon(true);
            return t;
        });
        pump.scheduleWithFixedDelay(() -> {
            boolean due = !inbox.isEmpty() || latestProbe.get() != null || latestCopy.get() != null || latestBatch.get() != null;
            if (due && deliveryPosted.compareAndSet(false, true)) {
                Platform.runLater(() -> {
                    deliveryPosted.set(false);
                    deliver();
                });
            }
        }, FRAME_MILLIS, FRAME_MILLIS, TimeUnit.MILLISECONDS);
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
        if (probe == null || data != trainedOn) {
            probe = ProbeSet.of(data.all(), ProbeSet.sizeFor(data.all().samples()), spec.training().seed());
        }
        trainedOn = data;
        generation++;
        runSpec = spec;
        runStart = axis;
        runEpochs = spec.training().epochs()
                + (spec.stacked() == null ? 0 : spec.encoder().size() * spec.stacked().pretrainEpochs());
        ensureCompute(spec);
        control = new TrainingControl();
        state.set(State.RUNNING);
        message.set(fresh && epochsTrained.get() == 0 ? "Training " + spec.name() : "Training " + spec.name()
                + (fresh ? " from new weights" : ", continuing"));
        messageIsProblem.set(false);
        PreparedData.TrainSplit split = data.split(spec.training().validationFraction(), spec.training().seed());
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
        probe = ProbeSet.of(data.all(), ProbeSet.sizeFor(data.all().samples()), trained.spec().training().seed());
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

    /** Stops the pump and any run (window closing). */
    public void close() {
        pump.shutdownNow();
        if (control != null) {
            control.cancel();
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
            Relay relay = new Relay(start, m.codeSize(), m, p);
            if (spec.stacked() != null) {
                // Stacked pretraining runs its own trainers, which take no probe: the relay encodes
                // the probe itself at each epoch's end.
                result = SpecTraining.run(m, compute, split.train().values(), split.train().samples(),
                        split.validation().values(), split.validation().samples(), ctl, relay);
            } else {
                Trainer trainer = new Trainer(m, compute);
                trainer.setProbe(p.values(), p.size(), probeInterval(split.train().samples(), spec.training().batchSize(), p.size()));
                result = trainer.fit(split.train().values(), split.train().samples(), split.validation().values(),
                        split.validation().samples(), ctl, relay);
            }
            latestCopy.set(ModelSnapshot.of(m));
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

    /** Turns trainer callbacks into queued, immutable points on the run's time axis. */
    private final class Relay implements TrainingListener {
        private final int codeSize;
        private final Autoencoder trained;
        private final ProbeSet probe;
        private double stageBase;
        private double last;

        Relay(double start, int codeSize, Autoencoder trained, ProbeSet probe) {
            this.codeSize = codeSize;
            this.trained = trained;
            this.probe = probe;
            this.stageBase = start;
            this.last = start;
        }

        @Override
        public void onStage(int stage, String name) {
            stageBase = last;
            inbox.add(new StageMark(stageBase, name));
        }

        @Override
        public void onBatch(BatchSnapshot s) {
            double x = stageBase + s.epoch() + (double) s.batch() / s.batchesPerEpoch();
            inbox.add(new BatchPoint(x, s.loss()));
            latestBatch.set(s);
            if (s.probeCodes() != null) {
                latestProbe.set(new ProbeFrame(x, false, s.probeCodes(), codeSize));
            }
        }

        @Override
        public void onEpoch(EpochSnapshot s) {
            double x = stageBase + s.epoch() + 1;
            last = x;
            inbox.add(new EpochPoint(x, s));
            // Between epochs this thread owns the model, so it may encode the probe when the trainer did not.
            float[] codes = s.probeCodes() != null ? s.probeCodes() : trained.encode(compute, probe.values(), probe.size());
            if (codes != null) {
                ProbeFrame f = new ProbeFrame(x, true, codes, codeSize);
                inbox.add(f);
                latestProbe.set(f);
            }
            latestCopy.set(ModelSnapshot.of(trained));
        }
    }

    // ---- FX thread ----

    private void finished(Autoencoder built, TrainingResult result, String error) {
        deliver();
        model = built;
        ModelSnapshot copy = latestCopy.getAndSet(null);
        if (copy != null) {
            frozen.set(copy);
        }
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
        List<BatchPoint> batches = new ArrayList<>();
        List<EpochPoint> epochs = new ArrayList<>();
        List<StageMark> marks = new ArrayList<>();
        Object o;
        while ((o = inbox.poll()) != null) {
            if (o instanceof BatchPoint b) {
                batches.add(b);
            } else if (o instanceof EpochPoint e) {
                epochs.add(e);
            } else if (o instanceof StageMark s) {
                marks.add(s);
            } else if (o instanceof ProbeFrame f) {
                replay.add(f);
            }
        }
        ProbeFrame p = latestProbe.getAndSet(null);
        ModelSnapshot copy = latestCopy.getAndSet(null);
        if (copy != null && state.get() != State.IDLE) {
            frozen.set(copy);
        } else if (copy != null) {
            latestCopy.compareAndSet(null, copy);
        }
        history.addAll(epochs);
        stages.addAll(marks);
        if (!epochs.isEmpty()) {
            epochsTrained.set(history.size());
        }
        updateStatus(batches);
        TrainingUpdate update = new TrainingUpdate(resetPending, batches, epochs, marks, p);
        resetPending = false;
        if (!update.isEmpty()) {
            for (Consumer<TrainingUpdate> l : listeners) {
                l.accept(update);
            }
        }
    }

    private void updateStatus(List<BatchPoint> batches) {
        BatchSnapshot b = latestBatch.getAndSet(null);
        if (b == null || batches.isEmpty() || state.get() == State.IDLE) {
            return;
        }
        double done = batches.get(batches.size() - 1).x() - runStart;
        progress.set(Math.min(1, done / Math.max(1, runEpochs)));
        String stage = "train".equals(b.stageName()) ? "" : b.stageName() + " \u00b7 ";
        int epochsInStage = runSpec.stacked() != null && !StackedPretraining.FINE_TUNE.equals(b.stageName())
                ? runSpec.stacked().pretrainEpochs() : runSpec.training().epochs();
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
        inbox.clear();
        latestProbe.set(null);
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
