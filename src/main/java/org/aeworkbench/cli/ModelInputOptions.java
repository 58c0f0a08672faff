package org.aeworkbench.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.aeworkbench.data.Dataset;
import org.aeworkbench.data.TrainedModel;
import picocli.CommandLine.Option;

/**
 * {@code --model M.aem --data NAME|FILE [--labels FILE]}: a trained model and the data it is
 * applied to, prepared as the model's training data was (the preparation its file records), for
 * every command that applies a trained model ({@code @Mixin ModelInputOptions input;}).
 */
public final class ModelInputOptions {

    @Option(names = "--model", required = true, paramLabel = "M.aem", description = "A trained model (.aem), as train --out writes it.")
    Path model;

    @Option(names = "--data", required = true, paramLabel = "NAME|FILE",
            description = "A bundled data set or a file (CSV/TSV, IDX (.gz), NPY, a folder of images) of the model's input width.")
    String data;

    @Option(names = "--labels", paramLabel = "FILE", description = "Labels for --data from a separate file.")
    Path labels;

    /**
     * The model, the data as loaded, and the data prepared for it.
     *
     * @param where the data as the user named it
     */
    public record Applied(TrainedModel model, Dataset raw, Dataset prepared, String where) {

        /**
         * The first line a command applying the model prints (what was done to the data and why),
         * and on standard error a note when the data looks to be in other units than the training data.
         */
        public void printPreparation() {
            System.out.println(model.preparation().line());
            String warning = model.unitsWarning(raw, where);
            if (warning != null) {
                System.err.println(warning);
            }
        }
    }

    /** Loads the model, then the data; refuses a width mismatch with both widths and both files named. */
    public Applied load() throws IOException {
        InputPaths.requireFile(model, "--model", "give a trained model (.aem) written by train --out");
        if (model.toString().endsWith(".json")) {
            throw new UserError("--model " + model + ": a model spec, not a trained model; train it first:"
                    + " train --model " + model + " --data ... --out model.aem");
        }
        TrainedModel trained = TrainedModel.load(model);
        Dataset raw = Loading.load(data, labels, 1);
        return new Applied(trained, raw, trained.prepare(raw, data), data);
    }
}
