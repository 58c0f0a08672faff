package org.aeworkbench.cli;

import java.io.IOException;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.aeworkbench.analysis.Pca;
import org.aeworkbench.data.Dataset;
import org.aeworkbench.data.Preparation;
import org.aeworkbench.data.ScaleChoice;
import org.aeworkbench.data.ScalingRule;
import org.aeworkbench.data.Split;
import org.aeworkbench.engine.blas.Backend;
import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.model.Autoencoder;
import org.aeworkbench.engine.model.ModelBuilder;
import org.aeworkbench.engine.model.ModelSpec;
import org.aeworkbench.engine.model.SpecProblem;
import org.aeworkbench.engine.model.SpecValidator;
import org.aeworkbench.engine.train.SpecTraining;
import org.aeworkbench.engine.train.Trainer;
import org.aeworkbench.engine.train.TrainingControl;
import org.aeworkbench.engine.train.TrainingListener;
import org.aeworkbench.engine.train.TrainingResult;

/**
 * A design resolved against its data, the data split and prepared (the scaling fitted on the
 * training part only, or taken from the trained model given), the design validated and built:
 * what every training command does before its first step.
 *
 * @param split the prepared parts; validation or test may be empty
 */
record ChosenRun(ModelSpec spec, Autoencoder model, Split split, Preparation preparation, Compute compute) {

    /**
     * For {@code train}: validation is {@code validation} when given (--val-data), else drawn from
     * {@code all} by the design's validation fraction and seed.
     */
    static ChosenRun forTraining(Dataset all, Dataset validation, String where, ModelChoice choice, ScaleChoice scale,
                                 Backend backend) throws IOException {
        return prepare(all, where, choice, scale, backend, UnaryOperator.identity(), spec -> validation != null
                ? new Split(all, validation, none(all))
                : Split.of(all, spec.training().validationFraction(), 0, spec.training().seed()));
    }

    /** For {@code compare}: the test set is {@code test} when given, else {@code testFraction} of {@code all}. */
    static ChosenRun forComparison(Dataset all, Dataset test, double testFraction, long seed, String where,
                                   ModelChoice choice, ScaleChoice scale, Backend backend) throws IOException {
        return forComparison(all, test, testFraction, seed, where, choice, scale, backend, UnaryOperator.identity());
    }

    /**
     * {@link #forComparison(Dataset, Dataset, double, long, String, ModelChoice, ScaleChoice, Backend)}
     * with the chosen design adjusted by {@code design} (a binary code for {@code retrieve --bits}).
     */
    static ChosenRun forComparison(Dataset all, Dataset test, double testFraction, long seed, String where,
                                   ModelChoice choice, ScaleChoice scale, Backend backend,
                                   UnaryOperator<ModelSpec> design) throws IOException {
        if (test == null && testFraction <= 0) {
            throw new BadUsage("--test-fraction " + testFraction + " holds out nothing to compare on; give a fraction"
                    + " above 0 or --test-data");
        }
        return prepare(all, where, choice, scale, backend, design, spec -> test != null
                ? new Split(all, none(all), test)
                : Split.of(all, 0, testFraction, seed)).comparableWithPca(where);
    }

    /**
     * This run, once it is known that PCA at the same code size can be fitted beside it on the
     * training split: at least 2 samples, and no more components than samples or features.
     * Refused before training, which would otherwise be wasted.
     */
    private ChosenRun comparableWithPca(String where) {
        Dataset train = split.train();
        int most = Pca.mostComponents(train.samples(), train.features());
        if (train.samples() < 2) {
            throw new UserError(where + ": the training split has " + train.samples() + " sample; PCA, fitted beside the"
                    + " autoencoder, needs at least 2: give more data" + (split.test().samples() > 1
                    ? " or hold out less" : ""));
        }
        if (model.codeSize() > most) {
            throw new UserError("the code size " + model.codeSize() + " of the design '" + spec.name() + "' is more than"
                    + " the " + most + " components PCA can fit beside it on " + where + " (" + train.samples()
                    + " training samples of " + train.features() + " features): choose --code-size " + most
                    + " or less");
        }
        return this;
    }

    private static ChosenRun prepare(Dataset all, String where, ModelChoice choice, ScaleChoice scale, Backend backend,
                                     UnaryOperator<ModelSpec> design, Function<ModelSpec, Split> splitter)
            throws IOException {
        ModelChoice.Choice c = choice.resolve(all, where, ScalingRule.unitIntervalOnceScaled(scale, all));
        if (c.trained() != null && c.trained().recorded() && scale != ScaleChoice.AUTO) {
            throw new BadUsage("--scale " + scale.id() + ": " + c.trained().file() + " applies the preparation it was"
                    + " trained with (" + c.trained().preparation().scaling().label() + "); leave --scale out");
        }
        ModelSpec spec = design.apply(c.spec());
        Split raw = splitter.apply(spec);
        Preparation preparation = c.trained() != null ? c.trained().preparationFor(scale, raw.train())
                : Preparation.fit(scale, raw.train(), spec.loss());
        Split split = preparation.apply(raw);
        Dataset train = split.train();
        List<SpecProblem> problems = SpecValidator.validate(spec, train.sampleShape(), train.inUnitInterval());
        if (!problems.isEmpty()) {
            throw new UserError("the design '" + spec.name() + "' cannot train on " + all.name() + " ("
                    + preparation.line() + "): " + String.join("; ", problems.stream().map(ChosenRun::withHint).toList()));
        }
        SpecProblem labels = SpecTraining.labelsProblem(spec, train.labels());
        if (labels != null) {
            throw new UserError("the design '" + spec.name() + "' cannot train on " + all.name() + ": " + labels
                    + (train.hasLabels() ? "" : " (give them with --labels FILE, or use data with a label column)"));
        }
        Autoencoder model = c.trained() != null ? rebuiltWithWeights(spec, c.trained().model())
                : ModelBuilder.build(spec, train.sampleShape());
        return new ChosenRun(spec, model, split, preparation, Compute.create(backend, spec.training().threads()));
    }

    /** The validator's words, with the option that fixes a loss needing data in [0, 1]. */
    private static String withHint(SpecProblem p) {
        return p.field().equals("loss") && p.message().contains("[0, 1]")
                ? p + " (--scale 255 for bytes, --scale minmax for other data)" : p.toString();
    }

    private static Dataset none(Dataset like) {
        return like.subset(new int[0], like.name());
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
                tr.labels(), va.values(), va.samples(), control, listener);
    }
}
