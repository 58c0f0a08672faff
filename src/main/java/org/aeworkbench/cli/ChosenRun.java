package org.aeworkbench.cli;

import java.io.IOException;
import java.util.List;
import org.aeworkbench.data.Dataset;
import org.aeworkbench.engine.blas.Backend;
import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.model.Autoencoder;
import org.aeworkbench.engine.model.ModelBuilder;
import org.aeworkbench.engine.model.ModelSpec;
import org.aeworkbench.engine.model.SpecProblem;
import org.aeworkbench.engine.model.SpecValidator;
import org.aeworkbench.engine.train.Trainer;
import org.aeworkbench.engine.train.TrainingControl;
import org.aeworkbench.engine.train.TrainingListener;
import org.aeworkbench.engine.train.TrainingResult;

/**
 * A design resolved against its data, validated, built and split: what every training command
 * does before its first step.
 */
record ChosenRun(ModelSpec spec, Autoencoder model, Holdout split, Compute compute) {

    static ChosenRun prepare(Dataset set, ModelChoice choice, Backend backend) throws IOException {
        ModelChoice.Choice c = choice.resolve(set);
        ModelSpec spec = c.spec();
        List<SpecProblem> problems = SpecValidator.validate(spec, set.sampleShape(), DataChecks.inUnitInterval(set));
        if (!problems.isEmpty()) {
            throw new UserError("the design '" + spec.name() + "' cannot train on " + set.name() + ": "
                    + String.join("; ", problems.stream().map(SpecProblem::toString).toList()));
        }
        Autoencoder model = c.trained() != null ? rebuiltWithWeights(spec, c.trained()) : ModelBuilder.build(spec, set.sampleShape());
        Holdout split = Holdout.of(set, spec.training().validationFraction(), spec.training().seed());
        return new ChosenRun(spec, model, split, Compute.create(backend, spec.training().threads()));
    }

    private static Autoencoder rebuiltWithWeights(ModelSpec spec, Autoencoder trained) {
        Autoencoder m = ModelBuilder.build(spec, trained.inputShape());
        m.loadWeightsFrom(trained);
        return m;
    }

    TrainingResult train(Trainer trainer, TrainingControl control, TrainingListener listener) {
        Dataset tr = split.train();
        Dataset va = split.validation();
        return trainer.fit(tr.values(), tr.samples(), va.values(), va.samples(), control, listener);
    }
}
