package org.aeworkbench.ui.run;

import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.model.Autoencoder;
import org.aeworkbench.engine.train.BatchSnapshot;
import org.aeworkbench.engine.train.EpochSnapshot;
import org.aeworkbench.engine.train.TrainingListener;
import org.aeworkbench.ui.run.TrainingUpdate.BatchPoint;
import org.aeworkbench.ui.run.TrainingUpdate.EpochPoint;
import org.aeworkbench.ui.run.TrainingUpdate.ProbeFrame;
import org.aeworkbench.ui.run.TrainingUpdate.StageMark;

/**
 * The trainer's listener, on the training thread: turns callbacks into immutable points on the
 * run's time axis (epochs since the first run; stacked stages follow each other) and hands them
 * off. It returns quickly; the one heavier thing it does, encoding the probe at an epoch's end when
 * the trainer did not, is done between epochs, when this thread owns the model.
 */
public final class Relay implements TrainingListener {

    private final HandOff handOff;
    private final Compute compute;
    private final Autoencoder trained;
    private final ProbeSet probe;
    private final int codeSize;
    private final java.util.function.BooleanSupplier weightsWanted;
    private double stageBase;
    private double last;

    /**
     * @param start         where this run begins on the time axis
     * @param weightsWanted whether a view needs the weights at each epoch's end (copying a large model
     *                      every epoch is not free, so it is skipped while only the loss charts show)
     */
    public Relay(HandOff handOff, Compute compute, Autoencoder trained, ProbeSet probe, double start,
          java.util.function.BooleanSupplier weightsWanted) {
        this.weightsWanted = weightsWanted;
        this.handOff = handOff;
        this.compute = compute;
        this.trained = trained;
        this.probe = probe;
        this.codeSize = trained.codeSize();
        this.stageBase = start;
        this.last = start;
    }

    @Override
    public void onStage(int stage, String name) {
        stageBase = last;
        handOff.stage(new StageMark(stageBase, name));
    }

    @Override
    public void onBatch(BatchSnapshot s) {
        double x = stageBase + s.epoch() + (double) s.batch() / s.batchesPerEpoch();
        handOff.batch(new BatchPoint(x, s.loss()), s, s.probeCodes() == null ? null : new ProbeFrame(x, false, s.probeCodes(), codeSize));
    }

    @Override
    public void onWarning(int stage, String stageName, String message) {
        handOff.warning(message);
    }

    @Override
    public void onEpoch(EpochSnapshot s) {
        double x = stageBase + s.epoch() + 1;
        last = x;
        // Stacked pretraining's trainers take no probe; between epochs the model is ours to encode with.
        float[] codes = s.probeCodes() != null ? s.probeCodes() : trained.encode(compute, probe.values(), probe.size());
        handOff.epoch(new EpochPoint(x, s), new ProbeFrame(x, true, codes, codeSize),
                weightsWanted.getAsBoolean() ? ModelSnapshot.of(trained) : null);
    }
}
