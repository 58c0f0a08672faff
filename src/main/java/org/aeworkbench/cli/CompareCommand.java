package org.aeworkbench.cli;

import org.aeworkbench.analysis.AutoencoderCodec;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.aeworkbench.analysis.CodecOutputs;
import org.aeworkbench.analysis.Comparison;
import org.aeworkbench.analysis.MethodScores;
import org.aeworkbench.analysis.PcaBaseline;
import org.aeworkbench.data.Dataset;
import org.aeworkbench.engine.blas.Backend;
import org.aeworkbench.engine.model.ModelSpecJson;
import org.aeworkbench.engine.train.EpochSnapshot;
import org.aeworkbench.engine.train.TrainingControl;
import org.aeworkbench.engine.train.TrainingListener;
import org.aeworkbench.engine.train.TrainingResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code compare}: an autoencoder and PCA at the same code size on the same held-out split, the
 * comparison of Hinton and Salakhutdinov (Science 2006).
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Train (or load) an autoencoder, fit PCA at the same code size on the same training split,",
            "and compare them on held-out data: reconstruction error, explained variance, and for 2-D codes",
            "kNN accuracy (k = 5) and trustworthiness."})
public final class CompareCommand implements Callable<Integer> {

    @Mixin
    DataOptions data;

    @Mixin
    TestDataOptions testData;

    @Option(names = "--test-fraction", paramLabel = "F", description = "Share of --data held out when there is no --test-data (default: ${DEFAULT-VALUE}).")
    double testFraction = 0.2;

    @Mixin
    ModelChoice choice;

    @Option(names = "--blas", paramLabel = "KIND", description = "auto, native, java or ejml (default: auto).")
    String blas = "auto";

    @Option(names = "--json", description = "End with one line of JSON: {\"ae\": {...}, \"pca\": {...}}.")
    boolean json;

    @Option(names = "--png", paramLabel = "DIR", description = "Write the two 2-D scatters and a reconstruction grid as PNG files here.")
    Path pngDir;

    @Override
    public Integer call() throws Exception {
        if (pngDir != null) {
            OutputPaths.requireWritableFolder(pngDir, "--png");
        }
        Dataset all = data.load(2);
        Dataset heldOut = testData.load(all, data.where());
        long seed = choice.seed != null ? choice.seed : 42;
        ChosenRun run = ChosenRun.forComparison(all, heldOut, testFraction, seed, data.where(), choice, data.scale(),
                Backend.parse(blas));
        Dataset train = run.split().train();
        Dataset test = run.split().test();
        try (var compute = run.compute()) {
            System.out.println(run.preparation().line());
            if (run.split().note() != null) {
                System.out.println("split: " + run.split().note());
            }
            System.out.printf(Locale.ROOT, "%s on %s: %,d train / %,d test samples, code size %d, BLAS: %s%n",
                    run.spec().name(), all.name(), train.samples(), test.samples(), run.model().codeSize(), compute.description());
            long start = System.nanoTime();
            TrainingResult result = org.aeworkbench.engine.train.SpecTraining.run(run.model(), compute, train.values(),
                    train.samples(), train.labels(), null, 0, new TrainingControl(), new TrainingListener() {
                        @Override
                        public void onEpoch(EpochSnapshot s) {
                            System.out.println(RunJson.epochLine(s));
                        }
                    });
            if (result.status() == TrainingResult.Status.DIVERGED) {
                throw new UserError(result.message());
            }
            double trainSeconds = (System.nanoTime() - start) / 1e9;
            CodecOutputs ae = CodecOutputs.of("autoencoder", new AutoencoderCodec(run.model(), compute), train, test, trainSeconds);
            Comparison.Settings settings = Comparison.Settings.defaults();
            PcaBaseline pca = PcaBaseline.fit(train, test, ae.codeSize(), settings.threads());
            Comparison c = Comparison.of(ae, pca, train, test, settings);
            printTable(c);
            if (pngDir != null) {
                ComparisonPictures.write(pngDir, c, ae, pca.outputs(), train, test);
                System.out.println("wrote " + pngDir.resolve(ComparisonPictures.AE_SCATTER) + ", "
                        + pngDir.resolve(ComparisonPictures.PCA_SCATTER) + ", " + pngDir.resolve(ComparisonPictures.GRID));
            }
            if (json) {
                ObjectNode o = ModelSpecJson.mapper().createObjectNode();
                o.set("ae", scores(c.autoencoder()));
                o.set("pca", scores(c.pca()));
                o.put("code_size", c.codeSize());
                o.put("train_samples", c.trainSamples());
                o.put("test_samples", c.testSamples());
                o.put("model", run.spec().name());
                o.put("epochs", result.history().size());
                RunJson.putScaling(o, run.preparation());
                System.out.println(ModelSpecJson.mapper().writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(o));
            }
            return 0;
        }
    }

    private static void printTable(Comparison c) {
        System.out.printf(Locale.ROOT, "%n%-12s %4s %12s %12s %10s %9s %10s %9s%n", "method", "k", "recon error", "per feature",
                "expl. var", "kNN acc", "trustw.", "seconds");
        for (MethodScores s : new MethodScores[] {c.autoencoder(), c.pca()}) {
            System.out.printf(Locale.ROOT, "%-12s %4d %12.3f %12.5f %10s %9s %10s %9.1f%n", s.method(), s.codeSize(), s.reconError(),
                    s.perFeatureError(), fmt(s.explainedVariance()), fmt(s.knnAccuracy()), fmt(s.trustworthiness()), s.seconds());
        }
        if (c.codeSize() > c.settings().neighbourMeasuresUpTo()) {
            System.out.println("(kNN accuracy and trustworthiness are measured for codes up to "
                    + c.settings().neighbourMeasuresUpTo() + "-D)");
        }
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.4f", v);
    }

    private static ObjectNode scores(MethodScores s) {
        ObjectNode o = ModelSpecJson.mapper().createObjectNode();
        o.put("method", s.method());
        o.put("code_size", s.codeSize());
        o.put("recon_error", s.reconError());
        o.put("per_feature_error", s.perFeatureError());
        RunJson.putNumber(o, "explained_variance", s.explainedVariance());
        RunJson.putNumber(o, "knn_accuracy", s.knnAccuracy());
        RunJson.putNumber(o, "trustworthiness", s.trustworthiness());
        o.put("seconds", s.seconds());
        return o;
    }
}
