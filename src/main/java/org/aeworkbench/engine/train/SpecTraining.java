package org.aeworkbench.engine.train;

import java.util.ArrayList;
import java.util.List;
import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.core.SpecException;
import org.aeworkbench.engine.model.Autoencoder;
import org.aeworkbench.engine.model.LossTerms;
import org.aeworkbench.engine.model.ModelSpec;
import org.aeworkbench.engine.model.PhaseContext;
import org.aeworkbench.engine.model.SpecProblem;
import org.aeworkbench.engine.model.TrainingPhase;
import org.aeworkbench.engine.model.VariantSpec;

/**
 * Trains a model the way its spec says: the training phases its variant parts ask for (greedy
 * layer-wise pretraining), then minibatch training of the whole model, which after a phase is
 * called fine-tuning. The CLI and the UI both start runs here, so a design behaves the same in
 * both. Each stage, of a phase or the last, is reported to the listener and kept in the result's
 * history.
 */
public final class SpecTraining {

    /** Name of the stage that trains the whole model after a phase. */
    public static final String FINE_TUNE = "fine-tune";

    private SpecTraining() {
    }

    /**
     * Runs the whole schedule on the calling thread. After a phase the result's history holds every
     * stage's epochs in order (each snapshot names its stage), and its status is that of the stage
     * that ended the run.
     */
    public static TrainingResult run(Autoencoder model, Compute compute, float[] train, int nTrain, float[] val, int nVal,
                                     TrainingControl control, TrainingListener listener) {
        return run(model, compute, train, nTrain, null, val, nVal, control, listener);
    }

    /**
     * {@link #run(Autoencoder, Compute, float[], int, float[], int, TrainingControl, TrainingListener)}
     * with the training samples' class labels (null when the data has none), for the variant parts
     * that use them (an adversarial autoencoder's supervised prior).
     *
     * @throws SpecException before any training when a part cannot train with these labels
     */
    public static TrainingResult run(Autoencoder model, Compute compute, float[] train, int nTrain, int[] labels,
                                     float[] val, int nVal, TrainingControl control, TrainingListener listener) {
        requireLabelsFit(model.spec(), labels);
        List<TrainingPhase> phases = phases(model.spec());
        if (phases.isEmpty()) {
            Trainer trainer = new Trainer(model, compute);
            trainer.setLabels(labels);
            return trainer.fit(train, nTrain, val, nVal, control, listener);
        }
        Stages stages = new Stages(model, compute, train, nTrain, val, nVal, control, listener);
        for (TrainingPhase phase : phases) {
            if (!phase.run(stages)) {
                return stages.result();
            }
        }
        Trainer trainer = new Trainer(model, compute);
        trainer.setStage(stages.results.size(), FINE_TUNE);
        trainer.setLabels(labels);
        stages.results.add(trainer.fit(train, nTrain, val, nVal, control, listener));
        return stages.result();
    }

    /**
     * The first reason a part of {@code spec} cannot train with these labels (null: the data has
     * none), as a problem naming the part, or null when every part can.
     */
    public static SpecProblem labelsProblem(ModelSpec spec, int[] labels) {
        for (VariantSpec part : spec.variants()) {
            String problem = part.labelsProblem(labels);
            if (problem != null) {
                return new SpecProblem(part.type().id(), problem);
            }
        }
        return null;
    }

    /** Throws the {@link #labelsProblem} as a {@link SpecException}. */
    static void requireLabelsFit(ModelSpec spec, int[] labels) {
        SpecProblem problem = labelsProblem(spec, labels);
        if (problem != null) {
            throw new SpecException(problem.field(), "the design '" + spec.name() + "' cannot train on this data: "
                    + problem.message());
        }
    }

    /** The phases the spec's variant parts run before its own training, in registry order. */
    public static List<TrainingPhase> phases(ModelSpec spec) {
        List<TrainingPhase> phases = new ArrayList<>();
        for (VariantSpec part : spec.variants()) {
            TrainingPhase phase = part.trainingPhase(spec);
            if (phase != null) {
                phases.add(phase);
            }
        }
        return phases;
    }

    /** Epochs the whole schedule runs when nothing stops it (for progress bars). */
    public static int totalEpochs(ModelSpec spec) {
        int epochs = spec.training().epochs();
        for (TrainingPhase phase : phases(spec)) {
            epochs += phase.epochs();
        }
        return epochs;
    }

    /** {@link #totalEpochs(ModelSpec)} of the model's spec. */
    public static int totalEpochs(Autoencoder model) {
        return totalEpochs(model.spec());
    }

    /** Epochs of the stage named {@code stageName} in a run of {@code spec} ("pretrain layer 1/3", "fine-tune"). */
    public static int epochsOfStage(ModelSpec spec, String stageName) {
        for (TrainingPhase phase : phases(spec)) {
            int epochs = phase.epochsOfStage(stageName);
            if (epochs >= 0) {
                return epochs;
            }
        }
        return spec.training().epochs();
    }

    /** The stages of a run with phases: what a phase trains through, and what it has trained so far. */
    private static final class Stages implements PhaseContext {
        private final Autoencoder model;
        private final Compute compute;
        private final float[] train;
        private final int nTrain;
        private final float[] val;
        private final int nVal;
        private final TrainingControl control;
        private final TrainingListener listener;
        final List<TrainingResult> results = new ArrayList<>();

        Stages(Autoencoder model, Compute compute, float[] train, int nTrain, float[] val, int nVal,
               TrainingControl control, TrainingListener listener) {
            this.model = model;
            this.compute = compute;
            this.train = train;
            this.nTrain = nTrain;
            this.val = val;
            this.nVal = nVal;
            this.control = control;
            this.listener = listener;
        }

        @Override
        public Autoencoder model() {
            return model;
        }

        @Override
        public Compute compute() {
            return compute;
        }

        @Override
        public float[] train() {
            return train;
        }

        @Override
        public int trainSamples() {
            return nTrain;
        }

        @Override
        public float[] validation() {
            return val;
        }

        @Override
        public int validationSamples() {
            return nVal;
        }

        @Override
        public boolean trainStage(String name, Autoencoder stageModel, float[] x, float[] validation, int epochs) {
            Trainer trainer = new Trainer(stageModel, compute);
            trainer.setStage(results.size(), name);
            TrainingResult r = trainer.fit(x, nTrain, validation, validation == null ? 0 : nVal, epochs, control, listener);
            results.add(r);
            return r.status() == TrainingResult.Status.COMPLETED || r.status() == TrainingResult.Status.EARLY_STOPPED;
        }

        @Override
        public StageRun beginStage(String name, int epochs) {
            int stage = results.size();
            listener.onStage(stage, name);
            long start = System.nanoTime();
            List<EpochSnapshot> history = new ArrayList<>();
            return new StageRun() {
                private long samplesSeen;

                @Override
                public boolean proceed() {
                    return control.awaitRunnable();
                }

                @Override
                public void batchDone(int epoch, int batch, int batches, int samples, LossTerms terms) {
                    samplesSeen += samples;
                    double seconds = (System.nanoTime() - start) / 1e9;
                    listener.onBatch(new BatchSnapshot(stage, name, epoch, batch, batches, samplesSeen, terms,
                            seconds > 0 ? samplesSeen / seconds : 0, null));
                }

                @Override
                public void epochDone(int epoch, LossTerms trainTerms, LossTerms validationTerms) {
                    double seconds = (System.nanoTime() - start) / 1e9;
                    EpochSnapshot s = new EpochSnapshot(stage, name, epoch, epochs, trainTerms, validationTerms, Double.NaN,
                            seconds, seconds > 0 ? samplesSeen / seconds : 0, null);
                    history.add(s);
                    listener.onEpoch(s);
                }

                @Override
                public void end(boolean completed, String message) {
                    TrainingResult.Status status = completed ? TrainingResult.Status.COMPLETED
                            : control.isCancelled() ? TrainingResult.Status.CANCELLED : TrainingResult.Status.DIVERGED;
                    results.add(new TrainingResult(status, message, history, (System.nanoTime() - start) / 1e9, 0));
                }
            };
        }

        /** One result for the run: every stage's epochs, the status and message of the last stage. */
        TrainingResult result() {
            List<EpochSnapshot> history = new ArrayList<>();
            double seconds = 0;
            for (TrainingResult s : results) {
                history.addAll(s.history());
                seconds += s.seconds();
            }
            if (results.isEmpty()) {
                return new TrainingResult(control.isCancelled() ? TrainingResult.Status.CANCELLED
                        : TrainingResult.Status.DIVERGED, "The training phase stopped before its first stage.",
                        history, 0, 0);
            }
            TrainingResult last = results.get(results.size() - 1);
            return new TrainingResult(last.status(), last.message(), history, seconds, last.samplesPerSecond());
        }
    }
}
