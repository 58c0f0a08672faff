package org.aeworkbench.cli;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import org.aeworkbench.analysis.anomaly.AnomalyDetection;
import org.aeworkbench.analysis.anomaly.AnomalyResult;
import org.aeworkbench.analysis.anomaly.AnomalyScore;
import org.aeworkbench.analysis.anomaly.AnomalySplit;
import org.aeworkbench.analysis.anomaly.NormalClasses;
import org.aeworkbench.analysis.anomaly.OneClassProtocol;
import org.aeworkbench.data.Dataset;
import org.aeworkbench.engine.blas.Backend;
import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.model.Autoencoder;
import org.aeworkbench.engine.model.ModelSpecJson;
import org.aeworkbench.engine.train.EpochSnapshot;
import org.aeworkbench.engine.train.TrainingControl;
import org.aeworkbench.engine.train.TrainingListener;
import org.aeworkbench.engine.train.TrainingResult;
import org.aeworkbench.report.AnomalyScoresCsv;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code anomaly}: trains a design on the samples of the normal classes only and scores held-out
 * samples by reconstruction error (or a VAE's negative ELBO), beside PCA at the same code size;
 * with {@code --each-class}, the one-class protocol of Ruff et al. 2018.
 */
@Command(name = "anomaly", mixinStandardHelpOptions = true,
        description = "Anomaly detection: train on the normal classes only, score held-out samples by reconstruction"
            + " error (or a VAE's negative ELBO), and compare with PCA at the same code size fitted on the same"
            + " normal samples: AUROC, average precision, best F1. --each-class runs the one-class protocol"
            + " (Ruff et al. 2018): each class normal in turn, all others anomalous.")
public final class AnomalyCommand implements Callable<Integer> {

    @Mixin
    DataOptions data;

    @Option(names = "--normal", paramLabel = "C[,C...]|all-but:C|all",
            description = "The normal classes, by name or index: a list, all-but:C, or all (without labels).")
    String normal;

    @Mixin
    TestDataOptions heldOut;

    @Option(names = "--test-fraction", paramLabel = "F", description = "Share of --data held out (stratified, seeded) when no --test-data (default: 0.2).")
    Double testFraction;

    @Option(names = "--score", paramLabel = "recon|elbo", description = "The autoencoder's score: reconstruction error, or a VAE's negative ELBO (default: recon).")
    String score = "recon";

    @Option(names = "--each-class", description = "One-class protocol: each class normal in turn (replaces --normal).")
    boolean eachClass;

    @Option(names = "--out", paramLabel = "FILE.csv", description = "Write each test sample's index, label, autoencoder score and PCA score.")
    Path out;

    @Mixin
    ModelChoice choice;

    @Option(names = "--blas", paramLabel = "KIND", description = "auto, native, java or ejml (default: auto).")
    String blas = "auto";

    @Option(names = "--json", description = "End with one line of JSON: {\"ae\": {...}, \"pca\": {...}, ...} (with --each-class {\"classes\": [...], \"mean\": {...}}).")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec command;

    @Override
    public Integer call() throws Exception {
        if (eachClass == (normal != null)) {
            throw new CommandLine.ParameterException(command.commandLine(), eachClass
                    ? "--each-class makes each class normal in turn; leave out --normal"
                    : "say which classes are normal with --normal C[,C...], all-but:C or all, or use --each-class");
        }
        if (heldOut.given() && testFraction != null) {
            throw new CommandLine.ParameterException(command.commandLine(), "use either --test-data or --test-fraction, not both");
        }
        AnomalyScore kind = AnomalyScore.parse(score);
        if (out != null) {
            OutputPaths.requireWritableFile(out, "--out");
        }
        Dataset all = data.load(2);
        // The data is prepared (--scale) with statistics of the training part, all classes of it;
        // the held-out samples are prepared with them.
        ChosenRun run = ChosenRun.forComparison(all, heldOut.load(all, data.where()), testFraction != null ? testFraction : AnomalySplit.DEFAULT_TEST_FRACTION,
                choice.seed != null ? choice.seed : 42, data.where(), choice, data.scale(), Backend.parse(blas));
        System.out.println(run.preparation().line());
        Dataset train = run.split().train();
        Dataset test = run.split().test();
        return eachClass ? eachClass(run, train, test, kind) : oneRun(run, train, test, kind);
    }

    private int oneRun(ChosenRun run, Dataset train, Dataset test, AnomalyScore kind) throws Exception {
        AnomalySplit split = AnomalySplit.of(train, test, NormalClasses.parse(normal, train.classNames()));
        try (Compute compute = run.compute()) {
            AnomalyDetection.checkScore(run.model(), kind);
            System.out.printf(Locale.ROOT, "%s on %s, normal: %s: %,d normal training samples, %,d test samples%s, code size %d, score: %s, BLAS: %s%n",
                    run.spec().name(), train.name(), split.normal().describe(), split.trainNormal().samples(), split.test().samples(),
                    split.labelled() ? String.format(Locale.ROOT, " (%,d anomalies, %.1f%%)", split.anomalies(), 100 * split.anomalyFraction()) : "",
                    run.model().codeSize(), kind.title(), compute.description());
            long start = System.nanoTime();
            TrainingResult training;
            try (ProgressBar bar = onTerminal() ? AnomalyTables.progressBar(run.model(), split.trainNormal().samples()) : null) {
                training = AnomalyDetection.train(run.model(), split, compute, new TrainingControl(), new EpochLines(bar, true));
            }
            if (!OneClassProtocol.completed(training)) {
                System.err.println("ae-workbench: " + training.message());
                return 3;
            }
            AnomalyResult r = AnomalyDetection.score(run.model(), split, kind, compute);
            double seconds = (System.nanoTime() - start) / 1e9;
            AnomalyTables.printSummary(r);
            if (out != null) {
                AnomalyScoresCsv.write(out, split.test(), List.of(new AnomalyScoresCsv.Run(null, r.ae().scores(), r.pca().scores())));
                System.out.println("wrote " + out);
            }
            if (json) {
                ObjectNode o = ModelSpecJson.mapper().createObjectNode();
                o.set("ae", AnomalyTables.scores(r.ae().summary()));
                o.set("pca", AnomalyTables.scores(r.pca().summary()));
                o.set("normal", AnomalyTables.classes(split.normal()));
                o.put("train_samples", split.trainNormal().samples());
                o.put("test_samples", split.test().samples());
                AnomalyTables.putNumber(o, "anomaly_fraction", split.anomalyFraction());
                o.put("score", kind.id());
                o.put("code_size", run.model().codeSize());
                o.put("pca_components", r.pcaComponents());
                o.put("model", run.spec().name());
                o.put("epochs", training.history().size());
                o.put("seconds", seconds);
                System.out.println(oneLine(o));
            }
            return 0;
        }
    }

    private int eachClass(ChosenRun run, Dataset train, Dataset test, AnomalyScore kind) throws Exception {
        List<AnomalySplit> splits = OneClassProtocol.splits(train, test);
        Autoencoder initial = run.model();
        try (Compute compute = run.compute()) {
            AnomalyDetection.checkScore(initial, kind);
            System.out.printf(Locale.ROOT, "%s on %s, one class normal in turn: %d classes, %,d test samples, code size %d, score: %s, BLAS: %s%n",
                    run.spec().name(), train.name(), splits.size(), splits.get(0).test().samples(), initial.codeSize(), kind.title(),
                    compute.description());
            long start = System.nanoTime();
            List<AnomalyScoresCsv.Run> csv = new ArrayList<>();
            OneClassProtocol.Result result;
            long samples = splits.stream().mapToLong(s -> s.trainNormal().samples()).sum();
            try (ProgressBar bar = onTerminal() ? AnomalyTables.progressBar(initial, samples) : null) {
                AnomalyTables.printClassHeader();
                result = OneClassProtocol.run(splits, initial::copy, kind, compute, new TrainingControl(), new OneClassProtocol.Progress() {
                    @Override
                    public TrainingListener starting(int index, int of, String name) {
                        if (bar != null) {
                            bar.setExtraMessage(" class " + name);
                        }
                        return new EpochLines(bar, false);
                    }

                    @Override
                    public void finished(OneClassProtocol.ClassRun c, AnomalyResult r) {
                        AnomalyTables.printClassRow(c);
                        if (out != null) {
                            csv.add(new AnomalyScoresCsv.Run(c.name(), r.ae().scores(), r.pca().scores()));
                        }
                    }
                });
            }
            if (result.stopped() != null) {
                System.err.println("ae-workbench: " + result.stopped().message());
                return 3;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            AnomalyTables.printMean(result.mean(), seconds);
            if (out != null) {
                AnomalyScoresCsv.write(out, splits.get(0).test(), csv);
                System.out.println("wrote " + out);
            }
            if (json) {
                ObjectNode o = AnomalyTables.eachClassJson(result, splits.get(0).test());
                o.put("score", kind.id());
                o.put("code_size", initial.codeSize());
                o.put("model", run.spec().name());
                o.put("epochs", run.spec().training().epochs());
                o.put("seconds", seconds);
                System.out.println(oneLine(o));
            }
            return 0;
        }
    }

    private boolean onTerminal() {
        return System.console() != null && !json;
    }

    private static String oneLine(ObjectNode o) throws Exception {
        return ModelSpecJson.mapper().writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(o);
    }

    /** Moves the progress bar by the samples trained; prints epoch lines in a single run. */
    private static final class EpochLines implements TrainingListener {
        private final ProgressBar bar;
        private final boolean print;
        private long seen;

        EpochLines(ProgressBar bar, boolean print) {
            this.bar = bar;
            this.print = print;
        }

        @Override
        public void onStage(int stage, String name) {
            seen = 0;
        }

        @Override
        public void onBatch(org.aeworkbench.engine.train.BatchSnapshot s) {
            if (bar != null) {
                bar.stepBy(s.samplesSeen() - seen);
                seen = s.samplesSeen();
            }
        }

        @Override
        public void onEpoch(EpochSnapshot s) {
            if (print) {
                System.out.println(RunJson.epochLine(s));
            }
        }
    }
}
