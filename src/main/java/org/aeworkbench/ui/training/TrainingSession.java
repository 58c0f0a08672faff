package org.aeworkbench.ui.training;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.aeworkbench.engine.blas.Backend;
import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.model.Autoencoder;
import org.aeworkbench.engine.model.ModelBuilder;
import org.aeworkbench.engine.model.ModelSpec;
import org.aeworkbench.engine.model.TrainingSpec;
import org.aeworkbench.engine.train.BatchSnapshot;
import org.aeworkbench.engine.train.SpecTraining;
import org.aeworkbench.engine.train.Trainer;
import org.aeworkbench.engine.train.TrainingControl;
import org.aeworkbench.engine.train.TrainingResult;
import org.aeworkbench.ui.common.Background;
import org.aeworkbench.ui.common.BackgroundPriority;
import org.aeworkbench.ui.common.Formats;
import org.aeworkbench.ui.common.FxFrames;
import org.aeworkbench.ui.dataset.PreparedData;
import org.aeworkbench.ui.run.HandOff;
import org.aeworkbench.ui.run.ModelSnapshot;
import org.aeworkbench.ui.run.ProbeSchedule;
import org.aeworkbench.ui.run.ProbeSet;
import org.aeworkbench.ui.run.Relay;
import org.aeworkbench.ui.run.RunEnd;
import org.aeworkbench.ui.run.RunHistory;
import org.aeworkbench.ui.run.RunStateMachine;
import org.aeworkbench.ui.run.StatusText;
import org.aeworkbench.ui.run.TrainedModel;
import org.aeworkbench.ui.run.TrainingHistory;
import org.aeworkbench.ui.run.TrainingUpdate.ProbeFrame;
import org.aeworkbench.ui.run.TrainingUpdate.StageMark;
import org.aeworkbench.ui.run.TrainingUpdate;

/**
 * The training run as the window sees it: read-only JavaFX properties over the run's
 * {@link RunStateMachine} and {@link RunHistory}, the thread a run trains on, and the hand-off of
 * its snapshots. The trainer's snapshots go into a queue on the training thread and reach the views
 * on the FX thread at most every {@link #FRAME_MILLIS}, posted by a timer only when something
 * arrived, so the FX thread only draws, a burst of snapshots costs one redraw, and an idle window
 * schedules no work.
 *
 * <p>The views never touch the model being trained: at every epoch's end (and when a run ends)
 * the training thread publishes a copy of the weights, which arrives here as the
 * {@link #modelProperty() trained model}; views build their own models from it for background inference.
 */
public final class TrainingSession {

    /** The states of a run; see {@link RunStateMachine}. */
    public enum State { IDLE, RUNNING, PAUSED, STOPPING }

    /**
     * At most two UI updates a second: enough to watch the status move, and each update costs the
     * FX and render threads 2 to 10 ms in software, which on a machine whose cores all train comes
     * out of training two to three times over (measured with UiCostMeasurement).
     */
    static final long FRAME_MILLIS = 500;
    /**
     * Pulses the run's thread waits for after a Train press: the second comes a frame (16 ms) after
     * the press's own, whose painting took the renderer 9-10 ms in software (a pulse log). Started
     * after the second rather than the first, a JVM's first run had 8 FX delays over 8 ms near the
     * press against 22 in 32 alternated pairs; how the earlier start made them was not measured
     * (docs/performance.md, round twenty-four).
     */
    static final int START_AFTER_FRAMES = 2;
    /** {@code =1} starts the run's thread after the press's first pulse (A/B measurements). */
    static final String START_AFTER_FRAMES_PROPERTY = "aeworkbench.startAfterFrames";

    private final RunStateMachine machine = new RunStateMachine();
    private final RunHistory history = new RunHistory();
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.IDLE);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper epochText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper rateText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper etaText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper messageIsProblem = new ReadOnlyBooleanWrapper();
    /** The newest warning of the current run (the adversary winning, codes collapsing), or null. */
    private String warning;
    private final ReadOnlyObjectWrapper<TrainedModel> model = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyIntegerWrapper epochsTrained = new ReadOnlyIntegerWrapper();
    private final ReadOnlyStringWrapper backend = new ReadOnlyStringWrapper("");

    private final List<Consumer<TrainingUpdate>> listeners = new ArrayList<>();
    private final List<Consumer<RunEnd>> runEndListeners = new ArrayList<>();
    private final HandOff handOff = new HandOff(FRAME_MILLIS, Platform::runLater, this::deliver);
    private volatile boolean weightsWanted = true;

    /** The weights being trained or last trained; the training thread owns them while a run goes. */
    private Autoencoder weights;
    private PreparedData trainedOn;
    private ProbeSet probe;
    private Compute compute;
    private TrainingControl control;
    private ModelSpec runSpec;
    /** What the status says once a reset that waits for the run to stop has happened. */
    private String resetMessage;
    private double runStart;
    private long runStartNanos;
    private java.time.LocalDateTime runStarted;
    private int runEpochs;
    private int lineage;

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
        return state.getReadOnlyProperty();
    }

    public State state() {
        return state.get();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty epochTextProperty() {
        return epochText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty rateTextProperty() {
        return rateText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty etaTextProperty() {
        return etaText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty messageIsProblemProperty() {
        return messageIsProblem.getReadOnlyProperty();
    }

    /**
     * The trained model the views show, or null when there is none (before the first epoch of a
     * run from new weights, after Reset or new data): views then clear.
     */
    public ReadOnlyObjectProperty<TrainedModel> modelProperty() {
        return model.getReadOnlyProperty();
    }

    public TrainedModel model() {
        return model.get();
    }

    /** The newest trained weights, or null (see {@link #modelProperty()}). */
    public ModelSnapshot snapshot() {
        TrainedModel m = model.get();
        return m == null ? null : m.weights();
    }

    public ReadOnlyIntegerProperty epochsTrainedProperty() {
        return epochsTrained.getReadOnlyProperty();
    }

    /** The compute backend's description, e.g. "native BLAS (OpenBLAS via netlib JNI), 2 threads". */
    public ReadOnlyStringProperty backendProperty() {
        return backend.getReadOnlyProperty();
    }

    /** The curves, stages and replay frames since the weights were drawn (FX thread). */
    public TrainingHistory history() {
        return history.snapshot(probe);
    }

    /** The name of the stage trained last or now ("rbm 2/4", "fine-tune", "train"), or null before any (FX thread). */
    public String currentStage() {
        List<StageMark> marks = history.stages();
        return marks.isEmpty() ? null : marks.get(marks.size() - 1).name();
    }

    /** Probe codes at each epoch's end, for the replay slider. */
    public List<ProbeFrame> replay() {
        return history.replay();
    }

    /** The samples the current run (or the last) follows live, or null before any run. */
    public ProbeSet probe() {
        return probe;
    }

    /** The data the current or last run trains on, or null. */
    public PreparedData trainedOn() {
        return trainedOn;
    }

    /**
     * Receives coalesced updates on the FX thread. Each listener takes each update in an FX task of
     * its own, in the order the listeners were added; a Reset or new data drops those still queued.
     */
    public void addListener(Consumer<TrainingUpdate> listener) {
        listeners.add(listener);
    }

    /** Hears of every run when it has ended (FX thread), before a Reset that waited for it forgets the curves. */
    public void addRunEndListener(Consumer<RunEnd> listener) {
        runEndListeners.add(listener);
    }

    // ---- commands ----

    /**
     * Trains {@code spec} on {@code data} for the spec's epochs: continues the current weights when
     * they were trained on this design and data, else starts from weights drawn with the seed.
     */
    public void train(ModelSpec spec, PreparedData data) {
        var labels = SpecTraining.labelsProblem(spec, data.all().labels());
        if (labels != null) {
            say("Cannot train " + spec.name() + ": " + labels.message(), true);
            return;
        }
        RunStateMachine.Start start = machine.train(spec, data);
        if (start == null) {
            return;
        }
        PreparedData.TrainSplit split = data.split(spec.training().validationFraction(), spec.training().seed());
        if (start.fresh()) {
            forgetWeights();
            probe = ProbeSet.forSplit(data.all(), split, spec.training().seed());
        }
        trainedOn = data;
        runSpec = spec;
        runStart = history.end();
        runStartNanos = System.nanoTime();
        runStarted = java.time.LocalDateTime.now().withNano(0);
        runEpochs = SpecTraining.totalEpochs(spec);
        ensureCompute(spec);
        control = new TrainingControl();
        state.set(State.RUNNING);
        warning = null;
        say(StatusText.started(spec, start.fresh(), history.epochCount()), false);
        RunOrder order = new RunOrder(start.id(), spec, data, split, weights, probe, control, runStart);
        // The run's thread starts a frame after the press's own (START_AFTER_FRAMES): the press's
        // work and its frame have the cores first, and creating the thread is a task of its own.
        FxFrames.afterPulses(Integer.getInteger(START_AFTER_FRAMES_PROPERTY, START_AFTER_FRAMES), () -> {
            Thread thread = new Thread(() -> run(order), "ae-training");
            thread.setDaemon(true);
            thread.start();
        });
    }

    public void pause() {
        if (machine.pause()) {
            control.pause();
            state.set(State.PAUSED);
            say(StatusText.paused(), false);
        }
    }

    public void resume() {
        if (machine.resume()) {
            control.resume();
            state.set(State.RUNNING);
            say(StatusText.resumed(runSpec), false);
        }
    }

    public void stop() {
        if (machine.stop()) {
            control.cancel();
            state.set(State.STOPPING);
        }
    }

    /**
     * Forgets the weights and the curves: the views clear and the next run starts at epoch 1 from
     * weights drawn with the seed. A run going is stopped first.
     */
    public void reset(ModelSpec spec) {
        forget(StatusText.reset(spec));
    }

    /**
     * New data replaced the data the weights were trained on: they are forgotten as by Reset, and
     * the status says so when there were any.
     */
    public void dataReplaced(String name) {
        boolean had = machine.hasWeights() || history.epochCount() > 0;
        forget(had ? StatusText.dataReplaced(name) : "");
    }

    private void forget(String why) {
        if (machine.reset()) {
            forgetWeights();
            say(why, false);
        } else {
            resetMessage = why;
            control.cancel();
            state.set(State.STOPPING);
            say(StatusText.resetAfterStop(), false);
        }
    }

    /** Installs trained weights and their history (an opened project); only while no run goes. */
    public void restore(Autoencoder trained, PreparedData data, TrainingHistory saved) {
        machine.restored(trained.spec(), data);
        forgetWeights();
        weights = trained;
        trainedOn = data;
        TrainingSpec ts = trained.spec().training();
        ProbeSet followed = savedProbe(saved, data);
        probe = followed != null ? followed : ProbeSet.forSplit(data.all(), data.split(ts.validationFraction(), ts.seed()), ts.seed());
        ensureCompute(trained.spec());
        history.restore(followed != null ? saved : saved.withoutReplay());
        epochsTrained.set(history.epochCount());
        model.set(new TrainedModel(ModelSnapshot.of(trained), data, probe, history.epochCount(), lineage));
        List<ProbeFrame> frames = history.replay();
        TrainingUpdate update = new TrainingUpdate(true, saved.batches(), saved.epochs(), saved.stages(),
                frames.isEmpty() ? null : frames.get(frames.size() - 1));
        say("Opened: " + history.epochCount() + " epochs trained", false);
        for (Consumer<TrainingUpdate> l : listeners) {
            l.accept(update);
        }
        if (frames.isEmpty()) {
            encodeProbe(trained, probe, lineage);
        }
    }

    /**
     * The probe's codes under weights that came without saved replay frames (a model file, a project
     * saved without them), encoded in the background and handed to the views as the newest frame, so
     * the latent scatter shows the model at once. Dropped if other weights arrive meanwhile.
     */
    private void encodeProbe(Autoencoder trained, ProbeSet probe, int forLineage) {
        Autoencoder copy = trained.copy();
        Background.run("Encoding the display sample", () -> {
            try (Compute c = Compute.create(Backend.AUTO, 1)) {
                return copy.encode(c, probe.values(), probe.size());
            }
        }, codes -> {
            if (lineage != forLineage) {
                return;
            }
            TrainingUpdate u = new TrainingUpdate(false, List.of(), List.of(), List.of(),
                    new ProbeFrame(history.epochCount(), true, codes, copy.codeSize()));
            for (Consumer<TrainingUpdate> l : listeners) {
                l.accept(u);
            }
        }, msg -> say("Could not encode the display sample: " + msg, true));
    }

    /** The saved replay's samples, when they still fit the data (same file, same preparation). */
    private static ProbeSet savedProbe(TrainingHistory saved, PreparedData data) {
        if (saved.replay() == null) {
            return null;
        }
        for (int i : saved.replay().probe()) {
            if (i < 0 || i >= data.all().samples()) {
                return null;
            }
        }
        return ProbeSet.at(data.all(), saved.replay().probe(), saved.replay().validation());
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

    /**
     * What one run trains, as its Train press fixed it, handed to the run's thread in one piece: a
     * lambda that captured these eight values had the JVM generate method-handle code for that
     * shape on the FX thread at a JVM's first press (class-load log, docs/performance.md, round
     * twenty-four).
     */
    private record RunOrder(int id, ModelSpec spec, PreparedData data, PreparedData.TrainSplit split,
                            Autoencoder existing, ProbeSet probe, TrainingControl control, double start) {
    }

    private void run(RunOrder order) {
        BackgroundPriority.forTrainingThread();
        int id = order.id();
        ModelSpec spec = order.spec();
        PreparedData.TrainSplit split = order.split();
        ProbeSet p = order.probe();
        TrainingControl ctl = order.control();
        TrainingResult result;
        Autoencoder m = order.existing();
        try {
            if (m == null) {
                m = ModelBuilder.build(spec, order.data().all().sampleShape());
            }
            Relay relay = new Relay(handOff, compute, m, p, order.start(), () -> weightsWanted);
            if (!SpecTraining.phases(spec).isEmpty()) {
                // A training phase (stacked pretraining) runs its own trainers, which take no probe:
                // the relay encodes the probe itself at each epoch's end.
                result = SpecTraining.run(m, compute, split.train().values(), split.train().samples(),
                        split.train().labels(), split.validation().values(), split.validation().samples(), ctl, relay);
            } else {
                Trainer trainer = new Trainer(m, compute);
                trainer.setLabels(split.train().labels());
                int every = ProbeSchedule.batchesBetweenProbes(split.train().samples(), spec.training().batchSize(), p.size());
                if (p.leadsValidationOf(split)) {
                    trainer.setProbeFromValidation(p.size(), every);
                } else {
                    trainer.setProbe(p.values(), p.size(), every);
                }
                result = trainer.fit(split.train().values(), split.train().samples(), split.validation().values(),
                        split.validation().samples(), ctl, relay);
            }
            if (!result.history().isEmpty()) {
                handOff.weights(ModelSnapshot.of(m));
            }
        } catch (RuntimeException e) {
            String why = Background.message(e);
            Autoencoder built = m;
            Platform.runLater(() -> finished(id, built, null, why));
            return;
        }
        Autoencoder built = m;
        TrainingResult r = result;
        Platform.runLater(() -> finished(id, built, r, null));
    }

    // ---- FX thread ----

    /**
     * A run's end on the FX thread, in two tasks: the last update reaches the views first, and the
     * state changes in a task of its own, so that neither holds the FX thread for both (each runs
     * code for the first time in a JVM's first run). Between the two the run is over but still
     * shown as going, as it is between the training thread's end and the first task.
     */
    private void finished(int id, Autoencoder built, TrainingResult result, String error) {
        deliver();
        Platform.runLater(() -> ended(id, built, result, error));
    }

    private void ended(int id, Autoencoder built, TrainingResult result, String error) {
        RunEnd end = new RunEnd(runSpec, trainedOn, history.epochs().stream().filter(e -> e.x() > runStart).toList(),
                result == null ? null : result.status(), error, runStarted, (System.nanoTime() - runStartNanos) / 1e9, backend.get());
        weights = built;
        boolean resetNow = machine.finished(id);
        state.set(State.IDLE);
        // The rate and time left belong to the run; its last epoch stays in the status.
        etaText.set("");
        rateText.set("");
        if (error != null) {
            say("Training failed: " + error, true);
        } else {
            // A warning heard during the run (the adversary winning, collapsed codes) stays in view.
            String finished = StatusText.finished(result, history.epochCount());
            say(warning == null ? finished : finished + " " + warning,
                    result.status() == TrainingResult.Status.DIVERGED || warning != null);
            if (result.status() == TrainingResult.Status.COMPLETED) {
                progress.set(1);
            }
        }
        if (resetNow) {
            forgetWeights();
            say(resetMessage, false);
        } else if (history.epochCount() == 0) {
            // Not one epoch completed: nothing worth continuing, so the next run starts from the seed.
            machine.reset();
            weights = null;
        }
        for (Consumer<RunEnd> l : runEndListeners) {
            l.accept(end);
        }
    }

    /** Drains the hand-off and notifies the views once. */
    private void deliver() {
        HandOff.Drained d = handOff.drain();
        history.append(d);
        if (!d.epochs().isEmpty()) {
            epochsTrained.set(history.epochCount());
        }
        if (d.weights() != null) {
            model.set(new TrainedModel(d.weights(), trainedOn, probe, history.epochCount(), lineage));
        }
        updateStatus(d);
        if (d.warning() != null) {
            warning = d.warning();
            say(warning, true);
        }
        TrainingUpdate update = new TrainingUpdate(false, d.batches(), d.epochs(), d.stages(), d.probe());
        if (!update.isEmpty()) {
            // Each view takes the update in an FX task of its own, in order, after the status and
            // the model: a live update's work comes in a few short stretches, not one long one.
            // Weights forgotten meanwhile (Reset, new data) drop what is still queued.
            int forLineage = lineage;
            for (Consumer<TrainingUpdate> l : listeners) {
                Platform.runLater(() -> {
                    if (lineage == forLineage) {
                        l.accept(update);
                    }
                });
            }
        }
    }

    private void updateStatus(HandOff.Drained d) {
        BatchSnapshot b = d.lastBatch();
        if (b == null || d.batches().isEmpty() || state.get() == State.IDLE) {
            return;
        }
        double done = d.batches().get(d.batches().size() - 1).x() - runStart;
        progress.set(Math.min(1, done / Math.max(1, runEpochs)));
        epochText.set(StatusText.progress(b, runSpec, runStart));
        rateText.set(Formats.rate(b.samplesPerSecond()));
        etaText.set(StatusText.eta(b, runSpec.training().batchSize(), runEpochs - done));
    }

    /** Drops the weights and the curves, and tells the views at once, so nothing of the old model stays on screen. */
    private void forgetWeights() {
        weights = null;
        lineage++;
        history.clear();
        handOff.clear();
        model.set(null);
        epochsTrained.set(0);
        progress.set(0);
        epochText.set("");
        rateText.set("");
        etaText.set("");
        TrainingUpdate cleared = new TrainingUpdate(true, List.of(), List.of(), List.of(), null);
        for (Consumer<TrainingUpdate> l : listeners) {
            l.accept(cleared);
        }
    }

    private void say(String text, boolean problem) {
        message.set(text);
        messageIsProblem.set(problem);
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
