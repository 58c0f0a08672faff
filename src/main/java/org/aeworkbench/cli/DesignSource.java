package org.aeworkbench.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.aeworkbench.data.Preparation;
import org.aeworkbench.engine.io.ModelFile;
import org.aeworkbench.engine.model.Autoencoder;
import org.aeworkbench.engine.model.DenseSpec;
import org.aeworkbench.engine.model.LayerSpec;
import org.aeworkbench.engine.model.ModelBuilder;
import org.aeworkbench.engine.model.ModelSpec;
import org.aeworkbench.engine.model.ModelSpecJson;
import org.aeworkbench.engine.tensor.Shape;
import picocli.CommandLine.Option;

/**
 * {@code --model M.aem|SPEC.json [--input HxWxC]}: the design the export and import commands work
 * on. A model file brings its weights and input shape; a spec is built for {@code --input}, or, for a
 * dense design, for a vector as wide as its output layer.
 */
public final class DesignSource {

    @Option(names = "--model", required = true, paramLabel = "M.aem|SPEC.json",
            description = "A trained model (.aem) or a model spec (.json).")
    Path model;

    @Option(names = "--input", paramLabel = "HxWxC|N",
            description = "The shape of one sample, for a spec (.json): 28x28x1, or a number of features."
                    + " Dense specs default to their output width.")
    String input;

    /**
     * A loaded model, whether it came with trained weights, what its file says of its training, and
     * the preparation of its data ("none" for a spec, and for model files that record none).
     */
    public record Resolved(Autoencoder model, boolean trained, com.fasterxml.jackson.databind.JsonNode info,
                           Preparation preparation) {
    }

    public Resolved resolve() throws IOException {
        InputPaths.requireFile(model, "--model", "give a trained model (.aem) or a model spec (.json)");
        if (model.toString().toLowerCase(Locale.ROOT).endsWith(".json")) {
            ModelSpec spec = ModelSpecJson.read(model);
            return new Resolved(ModelBuilder.build(spec, shape(spec)), false, null,
                    Preparation.none("a spec records no preparation"));
        }
        if (input != null) {
            throw new UserError("--input is for specs (.json); " + model + " is a model file and knows its input");
        }
        ModelFile.Loaded loaded = ModelFile.load(model);
        Preparation recorded = Preparation.fromJson(loaded.preparation(), model.toString());
        return new Resolved(loaded.model(), true, loaded.info(), recorded);
    }

    private Shape shape(ModelSpec spec) {
        if (input != null) {
            return parseShape(input);
        }
        LayerSpec last = spec.decoder().isEmpty() ? null : spec.decoder().get(spec.decoder().size() - 1);
        if (spec.layers().stream().allMatch(l -> l instanceof DenseSpec) && last != null) {
            return Shape.vector(last.units());
        }
        throw new UserError(model + ": a convolutional spec does not say how large its images are; add --input"
                + " HxWxC, e.g. --input 28x28x1");
    }

    static Shape parseShape(String text) {
        String[] parts = text.trim().toLowerCase(Locale.ROOT).split("x");
        try {
            if (parts.length == 1) {
                return Shape.vector(Integer.parseInt(parts[0]));
            }
            if (parts.length == 3) {
                return Shape.image(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
            }
        } catch (IllegalArgumentException e) {
            // falls through to the message below
        }
        throw new BadUsage("--input '" + text + "' is not a shape: use HxWxC (28x28x1) or a number of features (784)");
    }
}
