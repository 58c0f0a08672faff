package org.aeworkbench.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.aeworkbench.data.Dataset;
import org.aeworkbench.data.TrainedModel;
import org.aeworkbench.engine.model.ModelSpec;
import org.aeworkbench.engine.model.ModelSpecJson;
import org.aeworkbench.engine.model.Presets;
import org.aeworkbench.engine.tensor.Shape;
import picocli.CommandLine.Option;

/**
 * The options that choose and adjust a design, shared by the commands that train: a preset, a
 * spec or model file, or the default design sized to the data; then overrides.
 */
public final class ModelChoice {

    @Option(names = "--preset", description = "A built-in design: ${COMPLETION-CANDIDATES}.",
            completionCandidates = PresetNames.class)
    String preset;

    @Option(names = "--model", paramLabel = "FILE", description = "A model spec (.json) or a trained model (.aem).")
    Path model;

    @Option(names = "--code-size", paramLabel = "K", description = "Override the code layer's width.")
    Integer codeSize;

    @Option(names = "--epochs", paramLabel = "N", description = "Override the number of epochs.")
    Integer epochs;

    @Option(names = "--batch", paramLabel = "B", description = "Override the batch size.")
    Integer batch;

    @Option(names = "--lr", paramLabel = "X", description = "Override the learning rate.")
    Double learningRate;

    @Option(names = "--seed", paramLabel = "S", description = "Override the seed (initialisation, shuffling, noise).")
    Long seed;

    @Option(names = "--threads", paramLabel = "T", description = "Compute threads (default: all cores).")
    Integer threads;

    /** Candidates for --preset in help and completion. */
    static final class PresetNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Presets.names().iterator();
        }
    }

    /**
     * A design chosen by these options, sized to the data and with the overrides applied.
     *
     * @param data          the data as loaded (its shape sizes presets; a trained model's width is checked against it)
     * @param where         the data as the user named it, for messages
     * @param unitIntervalAfterScaling whether the data will lie in [0, 1] once prepared: the default
     *                      design then ends in a sigmoid with BCE, else a linear output with MSE
     */
    public Choice resolve(Dataset data, String where, boolean unitIntervalAfterScaling) throws IOException {
        if (preset != null && model != null) {
            // A usage error like picocli's own (new CommandLine(new Object()) would fail to build).
            throw new BadUsage("use either --preset or --model, not both");
        }
        Shape shape = data.sampleShape();
        ModelSpec spec;
        TrainedModel trained = null;
        if (model != null) {
            InputPaths.requireFile(model, "--model", "give a model spec (.json) or a trained model (.aem)");
            if (model.toString().endsWith(".json")) {
                spec = ModelSpecJson.read(model);
            } else {
                trained = TrainedModel.load(model);
                trained.checkWidth(data, where);
                spec = trained.model().spec();
            }
        } else if (preset != null) {
            spec = Presets.get(preset, shape);
        } else {
            spec = Presets.defaultFor(shape, unitIntervalAfterScaling);
        }
        spec = apply(spec);
        return new Choice(spec, trained);
    }


    ModelSpec apply(ModelSpec spec) {
        if (codeSize != null) {
            spec = spec.withCodeSize(codeSize);
        }
        var t = spec.training();
        if (epochs != null) {
            t = t.withEpochs(epochs);
        }
        if (batch != null) {
            t = t.withBatchSize(batch);
        }
        if (seed != null) {
            t = t.withSeed(seed);
        }
        if (threads != null) {
            t = t.withThreads(threads);
        }
        spec = spec.withTraining(t);
        if (learningRate != null) {
            spec = spec.withOptimizer(spec.optimizer().withLearningRate(learningRate));
        }
        return spec;
    }

    /** @param trained the loaded model when --model named a trained model file, else null */
    public record Choice(ModelSpec spec, TrainedModel trained) {
    }
}
