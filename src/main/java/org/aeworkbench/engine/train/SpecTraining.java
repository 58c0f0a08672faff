package org.aeworkbench.engine.train;

import java.util.ArrayList;
import java.util.List;
import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.model.Autoencoder;
import org.aeworkbench.engine.variant.StackedPretraining;

/**
 * Trains a model the way its spec says: plain minibatch training, or, for a stacked design,
 * greedy layer-wise pretraining followed by fine-tuning. The CLI and the UI both start runs here,
 * so a stacked design behaves the same in both.
 */
public final class SpecTraining {

    private SpecTraining() {
    }

    /**
     * Runs the whole schedule on the calling thread. For a stacked design the result's history holds
     * every stage's epochs in order (each snapshot names its stage), and its status is that of the
     * stage that ended the run.
     */
    public static TrainingResult run(Autoencoder model, Compute compute, float[] train, int nTrain, float[] val, int nVal,
                                     TrainingControl control, TrainingListener listener) {
        if (model.spec().stacked() == null) {
            return new Trainer(model, compute).fit(train, nTrain, val, nVal, control, listener);
        }
        StackedPretraining.Result r = StackedPretraining.fit(model, compute, train, nTrain, val, nVal, control, listener);
        List<TrainingResult> stages = new ArrayList<>(r.pretraining());
        if (r.fineTuning() != null) {
            stages.add(r.fineTuning());
        }
        List<EpochSnapshot> history = new ArrayList<>();
        double seconds = 0;
        for (TrainingResult s : stages) {
            history.addAll(s.history());
            seconds += s.seconds();
        }
        TrainingResult last = stages.get(stages.size() - 1);
        return new TrainingResult(last.status(), last.message(), history, seconds, last.samplesPerSecond());
    }

    /** Epochs the whole schedule runs when nothing stops it (for progress bars). */
    public static int totalEpochs(Autoencoder model) {
        var spec = model.spec();
        int pre = spec.stacked() == null ? 0 : spec.encoder().size() * spec.stacked().pretrainEpochs();
        return pre + spec.training().epochs();
    }
}
