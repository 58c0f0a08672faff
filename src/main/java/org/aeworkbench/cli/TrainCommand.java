package org.aeworkbench.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.aeworkbench.data.Dataset;
import org.aeworkbench.engine.blas.Backend;
import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.io.ModelFile;
import org.aeworkbench.engine.model.ModelSpec;
import org.aeworkbench.engine.model.ModelSpecJson;
import org.aeworkbench.engine.train.BatchSnapshot;
import org.aeworkbench.engine.train.EpochSnapshot;
import org.aeworkbench.engine.train.JitWarmup;
import org.aeworkbench.engine.train.Trainer;
import org.aeworkbench.engine.train.TrainingControl;
import org.aeworkbench.engine.train.TrainingListener;
import org.aeworkbench.engine.train.TrainingResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code train}: trains a design on a data set and prints one line per epoch. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train an autoencoder headless.",
            "Without --preset or --model, a small undercomplete design with a 2-D code sized to the data is used."})
public final class TrainCommand implements Callable<Integer> {

    @Mixin
    DataOptions data;

    @Option(names = "--val-data", paramLabel = "FILE",
            description = "Validate on this set instead of a split of --data (prepared as --data is).")
    String valData;

    @Option(names = "--val-labels", paramLabel = "FILE", description = "Labels for --val-data.")
    Path valLabels;

    @Mixin
    ModelChoice choice;

    @Option(names = "--out", paramLabel = "FILE", description = "Save the trained model here (.aem), with its data preparation.")
    Path out;

    @Option(names = "--blas", paramLabel = "KIND", description = "BLAS backend: auto, native, java or ejml (default: auto).")
    String blas = "auto";

    @Option(names = "--json", description = "End with one line of JSON holding the run's figures.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (valLabels != null && valData == null) {
            throw new BadUsage("--val-labels needs --val-data");
        }
        if (out != null) {
            OutputPaths.requireWritableFile(out, "--out");
        }
        Dataset set;
        Dataset validation;
        // The kernels compile on the second core while the first reads the data.
        JitWarmup warmup = JitWarmup.start();
        try {
            set = data.load(2);
            validation = valData == null ? null : Loading.heldOut(valData, valLabels, set, data.where(), "--val-data");
        } finally {
            warmup.close(); // stops the stand-ins before the real run takes the cores
        }
        ChosenRun run = ChosenRun.forTraining(set, validation, data.where(), choice, data.scale(), Backend.parse(blas));
        try (Compute compute = run.compute()) {
            ModelSpec spec = run.spec();
            System.out.println(run.preparation().line());
            if (run.split().note() != null) {
                System.out.println("split: " + run.split().note());
            }
            System.out.printf(Locale.ROOT, "%s on %s: %d train / %d validation samples of %s, %,d parameters, BLAS: %s%n",
                    spec.name(), set.name(), run.split().train().samples(), run.split().validation().samples(),
                    set.sampleShape(), run.model().parameterCount(), compute.description());
            if (run.split().validation().samples() == 0) {
                System.out.println("validation: none (the design's validation fraction is "
                        + spec.training().validationFraction() + "); the losses shown are training losses; give"
                        + " --val-data or a validation fraction above 0 to measure held-out loss");
            }
            Trainer trainer = new Trainer(run.model(), compute);
            TrainingResult result;
            EpochPrinter printer;
            try (ProgressBar bar = System.console() != null && !json ? progressBar(run) : null) {
                printer = new EpochPrinter(bar);
                result = run.train(trainer, new TrainingControl(), printer);
            }
            if (result.status() != TrainingResult.Status.COMPLETED) {
                System.err.println("ae-workbench: " + result.message());
            }
            if (out != null) {
                ModelFile.save(out, run.model(), RunJson.history(result, set, compute), run.preparation().toJson());
                System.out.println("saved " + out);
            }
            if (json) {
                ObjectNode o = RunJson.summary(result, compute);
                o.put("model", spec.name());
                o.put("data", set.name());
                o.put("parameters", run.model().parameterCount());
                RunJson.putScaling(o, run.preparation());
                ArrayNode warnings = o.putArray("warnings");
                printer.warnings.forEach(warnings::add);
                System.out.println(ModelSpecJson.mapper().writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT).writeValueAsString(o));
            }
            return result.status() == TrainingResult.Status.DIVERGED ? 3 : 0;
        }
    }

    private static ProgressBar progressBar(ChosenRun run) {
        int batches = (run.split().train().samples() + run.spec().training().batchSize() - 1)
                / run.spec().training().batchSize();
        return new ProgressBarBuilder().setTaskName("training").setInitialMax((long) batches * org.aeworkbench.engine.train.SpecTraining.totalEpochs(run.model()))
                .setStyle(ProgressBarStyle.ASCII).setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err))
                .build();
    }
    /** Prints an epoch line and moves the progress bar. */
    private static final class EpochPrinter implements TrainingListener {
        private final ProgressBar bar;
        private int lastBatch;
        final List<String> warnings = new java.util.ArrayList<>();

        EpochPrinter(ProgressBar bar) {
            this.bar = bar;
        }

        @Override
        public void onStage(int stage, String name) {
            if (!"train".equals(name)) {
                System.out.println("-- " + name);
            }
        }

        @Override
        public void onBatch(BatchSnapshot s) {
            if (bar != null) {
                bar.stepBy(s.batch() - lastBatch < 0 ? s.batch() : s.batch() - lastBatch);
                lastBatch = s.batch() == s.batchesPerEpoch() ? 0 : s.batch();
            }
        }

        @Override
        public void onEpoch(EpochSnapshot s) {
            System.out.println(RunJson.epochLine(s));
        }

        /** On stderr as it happens, and in the JSON's "warnings". */
        @Override
        public void onWarning(int stage, String stageName, String message) {
            String line = ("train".equals(stageName) ? "" : stageName + ": ") + message;
            warnings.add(line);
            System.err.println("ae-workbench: warning: " + line);
        }
    }
}
