package org.aeworkbench.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.aeworkbench.analysis.probe.ProbeComparison;
import org.aeworkbench.analysis.probe.ProbeResult;
import org.aeworkbench.data.Dataset;
import org.aeworkbench.engine.blas.Backend;
import org.aeworkbench.engine.model.ModelSpecJson;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code probe}: are the codes good features for a classifier? A multinomial logistic regression
 * on the codes, on PCA codes of the same width and on the raw inputs, each scored on the test set.
 */
@Command(name = "probe", mixinStandardHelpOptions = true,
        description = {"Train an autoencoder on --data, then fit a linear classifier (softmax regression with L2,",
            "trained to convergence, its L2 weight chosen on a fifth of the labelled samples) on its codes,",
            "on PCA codes of the same width and on the raw inputs, and report each one's accuracy on --test-data."})
public final class ProbeCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    DataOptions data;

    @Mixin
    HeldOutOptions heldOut;

    @Option(names = "--labels-used", paramLabel = "N",
            description = "Fit the classifier on N labelled training samples, as evenly over the classes as they allow"
                    + " (default: every label).")
    Integer labelsUsed;

    @Mixin
    ModelChoice choice;

    @Option(names = "--blas", paramLabel = "KIND", description = "auto, native, java or ejml (default: auto).")
    String blas = "auto";

    @Option(names = "--json", description = "End with one line of JSON: {\"ae\": {\"accuracy\"}, \"pca\": {...}, \"raw\": {...}}.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (labelsUsed != null && labelsUsed < 1) {
            throw Applications.usage(spec, "--labels-used must be at least 1, got " + labelsUsed);
        }
        Dataset raw = data.load(2);
        HeldOutOptions.HeldOut held = heldOut.resolve(raw, data.where());
        if (!held.any()) {
            throw Applications.usage(spec, "probe needs test samples to score the classifier on: --test-data FILE, or"
                    + " --test-fraction F to hold out a share of --data");
        }
        if (!raw.hasLabels() || (held.loaded() != null && !held.loaded().hasLabels())) {
            throw Applications.usage(spec, "the probe is a classifier and needs labels for "
                    + (!raw.hasLabels() ? "--data (give --labels FILE)" : "--test-data (give --test-labels FILE)"));
        }
        CodeRun codes = CodeRun.train(CodeRun.prepare(raw, held, data, choice, Backend.parse(blas), s -> s));
        Dataset train = codes.train();
        Dataset test = codes.test();
        int budget = labelsUsed == null ? train.samples() : Math.min(labelsUsed, train.samples());
        try (var compute = codes.compute()) {
            List<ProbeResult> results = ProbeComparison.run(compute.gemm(), List.of(codes.codes(), codes.pca(), codes.raw()),
                    train.labels(), test.labels(), new int[] {budget}, codes.run().spec().training().seed());
            System.out.printf(Locale.ROOT, "%nlinear probe, %,d labelled training samples, %,d test samples%n", budget,
                    test.samples());
            System.out.printf(Locale.ROOT, "%-12s %6s %9s %8s %11s %-18s %8s%n", "method", "width", "accuracy", "L2",
                    "iterations", "stopped by", "seconds");
            int[] widths = {codes.codes().width(), codes.pca().width(), codes.raw().width()};
            for (int i = 0; i < results.size(); i++) {
                ProbeResult r = results.get(i);
                System.out.printf(Locale.ROOT, "%-12s %6d %9.4f %8.0f %11d %-18s %8.1f%n", r.method(), widths[i], r.accuracy(),
                        r.lambda(), r.iterations(), r.stop().name().toLowerCase(Locale.ROOT).replace('_', ' '), r.seconds());
            }
            if (json) {
                ObjectNode o = ModelSpecJson.mapper().createObjectNode();
                String[] keys = {"ae", "pca", "raw"};
                for (int i = 0; i < results.size(); i++) {
                    ProbeResult r = results.get(i);
                    ObjectNode m = o.putObject(keys[i]);
                    m.put("accuracy", r.accuracy());
                    m.put("width", widths[i]);
                    m.put("l2", r.lambda());
                    m.put("iterations", r.iterations());
                    m.put("converged", r.stop() != org.aeworkbench.analysis.probe.Lbfgs.Stop.ITERATION_LIMIT);
                    m.put("seconds", r.seconds());
                }
                o.put("labels_used", budget);
                o.put("train_samples", train.samples());
                o.put("test_samples", test.samples());
                o.put("code_size", codes.codes().width());
                o.put("model", codes.run().spec().name());
                o.put("epochs", codes.result().history().size());
                System.out.println(RunJson.line(o));
            }
            return 0;
        }
    }
}
