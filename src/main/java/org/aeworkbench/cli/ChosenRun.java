package org.aeworkbench.cli;

import java.io.IOException;
import java.util.List;
import org.aeworkbench.data.Dataset;
import org.aeworkbench.data.Split;
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
record ChosenRun(ModelSpec spec, Autoencoder model, Split split, Compute compute) {

    /** Splits {@code set} into training and validation by the spec's validation fraction. */
    static ChosenRun prepare(Dataset set, ModelChoice choice, Backend backend) throws IOException {
        return prepare(set, null, choice, backend);
    }

    /**
     * With {@code test} null, splits {@code set} into training and validation by the spec's validation
     * fraction; otherwise {@code set} is all training data and {@code test} is held out for evaluation.
     */
    static ChosenRun prepare(Dataset set, Dataset test, ModelChoice choice, Backend backend) throws IOException {
        return prepare(set, test, choice, backend, java.util.function.UnaryOperator.identity());
    }

    /** {@link #prepare(Dataset, Dataset, ModelChoice, Backend)} with the chosen design adjusted by {@code design}. */
    static ChosenRun prepare(Dataset set, Dataset test, ModelChoice choice, Backend backend,
                             java.util.function.UnaryOperator<ModelSpec> design) throws IOException {
        ModelChoice.Choice c = choice.resolve(set);
        ModelSpec spec = design.apply(c.spec());
        List<SpecProblem> problems = SpecValidator.validate(spec, set.sampleShape(), set.inUnitInterval());
        if (!problems.isEmpty()) {
            throw new UserError("the design '" + spec.name() + "' cannot train on " + set.name() + ": "
                    + String.join("; ", problems.stream().map(SpecProblem::toString).toList()));
        }
        Autoencoder model = c.trained() != null ? rebuiltWithWeights(spec, c.trained()) : ModelBuilder.build(spec, set.sampleShape());
        Split split = test == null
                ? Split.of(set, spec.training().validationFraction(), 0, spec.training().seed())
                : new Split(set, test.subset(new int[0], test.name()), test);
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
        return org.aeworkbench.engine.train.SpecTraining.run(trainer.model(), compute, tr.values(), tr.samples(),
                va.values(), va.samples(), control, listener);
    }
}
