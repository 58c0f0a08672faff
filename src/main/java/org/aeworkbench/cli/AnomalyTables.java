package org.aeworkbench.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.aeworkbench.analysis.anomaly.AnomalyResult;
import org.aeworkbench.analysis.anomaly.ClassScores;
import org.aeworkbench.analysis.anomaly.DetectorScores;
import org.aeworkbench.analysis.anomaly.NormalClasses;
import org.aeworkbench.analysis.anomaly.OneClassProtocol;
import org.aeworkbench.analysis.ranking.DetectionSummary;
import org.aeworkbench.data.Dataset;
import org.aeworkbench.engine.model.Autoencoder;
import org.aeworkbench.engine.model.ModelSpecJson;
import org.aeworkbench.engine.train.SpecTraining;

/** The printed tables and JSON of the {@code anomaly} command. */
final class AnomalyTables {

    /** How many of the highest-scoring samples an unlabelled run lists. */
    static final int TOP = 10;

    private AnomalyTables() {
    }

    /** A bar on stderr counting training samples over every epoch of every run. */
    static ProgressBar progressBar(Autoencoder model, long samplesPerEpochOverRuns) {
        return new ProgressBarBuilder().setTaskName("training").setUnit(" samples", 1)
                .setInitialMax(samplesPerEpochOverRuns * SpecTraining.totalEpochs(model))
                .setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(System.err)).build();
    }

    static void printSummary(AnomalyResult r) {
        if (r.ae().summary() == null) {
            System.out.println();
            System.out.println("AUROC, average precision and F1 need labels that mark normal samples and anomalies"
                    + " (give --labels, and --test-labels with --test-data); the scores are still computed.");
            printDistribution(r.ae());
            printDistribution(r.pca());
            printTop(r.ae(), r.split().test());
            return;
        }
        System.out.printf(Locale.ROOT, "%n%-12s %8s %8s %8s %12s%n", "method", "AUROC", "AUPRC", "best F1", "threshold");
        for (DetectorScores d : new DetectorScores[] {r.ae(), r.pca()}) {
            DetectionSummary s = d.summary();
            System.out.printf(Locale.ROOT, "%-12s %8.4f %8.4f %8.4f %12.5g%n", d.method(), s.auroc(), s.averagePrecision(),
                    s.bestF1(), s.thresholdAtBestF1());
        }
        System.out.printf(Locale.ROOT, "%n%-14s %6s %8s %14s %9s %14s %9s%n", "class", "normal", "samples", "AE mean score",
                "AE AUROC", "PCA mean score", "PCA AUROC");
        for (ClassScores c : r.perClass()) {
            System.out.printf(Locale.ROOT, "%-14s %6s %8d %14.4f %9s %14.4f %9s%n", truncate(c.name(), 14), c.normal() ? "yes" : "",
                    c.samples(), c.aeMeanScore(), fmt(c.aeAuroc()), c.pcaMeanScore(), fmt(c.pcaAuroc()));
        }
    }

    private static void printDistribution(DetectorScores d) {
        double[] s = d.scores().clone();
        Arrays.sort(s);
        System.out.printf(Locale.ROOT, "%-12s score: min %.4f, median %.4f, 95th percentile %.4f, max %.4f%n", d.method(),
                s[0], s[s.length / 2], s[Math.min(s.length - 1, (int) Math.floor(0.95 * s.length))], s[s.length - 1]);
    }

    private static void printTop(DetectorScores d, Dataset test) {
        Integer[] order = new Integer[d.scores().length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(d.scores()[b], d.scores()[a]));
        StringBuilder b = new StringBuilder("highest " + d.method() + " scores (test sample index: score):");
        for (int i = 0; i < Math.min(TOP, order.length); i++) {
            b.append(String.format(Locale.ROOT, " %d: %.4f%s", order[i], d.scores()[order[i]], i + 1 < Math.min(TOP, order.length) ? "," : ""));
        }
        System.out.println(b);
    }

    static void printClassHeader() {
        System.out.printf(Locale.ROOT, "%-14s %7s %9s %9s %9s %9s %8s%n", "normal class", "train", "AE AUROC", "PCA AUROC",
                "AE AUPRC", "PCA AUPRC", "seconds");
    }

    static void printClassRow(OneClassProtocol.ClassRun c) {
        System.out.printf(Locale.ROOT, "%-14s %7d %9.4f %9.4f %9.4f %9.4f %8.1f%n", truncate(c.name(), 14), c.trainSamples(),
                c.ae().auroc(), c.pca().auroc(), c.ae().averagePrecision(), c.pca().averagePrecision(), c.seconds());
    }

    static void printMean(OneClassProtocol.Mean m, double seconds) {
        System.out.printf(Locale.ROOT, "%-14s %7s %9.4f %9.4f %9.4f %9.4f %8.1f%n", "mean", "", m.aeAuroc(), m.pcaAuroc(),
                m.aeAuprc(), m.pcaAuprc(), seconds);
    }

    /** {"auroc", "auprc", "best_f1", "threshold_at_best_f1"}, null values without labels. */
    static ObjectNode scores(DetectionSummary s) {
        ObjectNode o = ModelSpecJson.mapper().createObjectNode();
        putNumber(o, "auroc", s == null ? Double.NaN : s.auroc());
        putNumber(o, "auprc", s == null ? Double.NaN : s.averagePrecision());
        putNumber(o, "best_f1", s == null ? Double.NaN : s.bestF1());
        putNumber(o, "threshold_at_best_f1", s == null ? Double.NaN : s.thresholdAtBestF1());
        return o;
    }

    /** The normal classes as the user names them: numbers for numbered classes, names otherwise. */
    static ArrayNode classes(NormalClasses normal) {
        ArrayNode a = ModelSpecJson.mapper().createArrayNode();
        for (int c : normal.indices()) {
            addClass(a, c, normal.classNames().get(c));
        }
        return a;
    }

    private static void addClass(ArrayNode a, int index, String name) {
        if (name.equals(Integer.toString(index))) {
            a.add(index);
        } else {
            a.add(name);
        }
    }

    static ObjectNode eachClassJson(OneClassProtocol.Result result, Dataset test) {
        ObjectNode o = ModelSpecJson.mapper().createObjectNode();
        ArrayNode classes = o.putArray("classes");
        for (OneClassProtocol.ClassRun c : result.runs()) {
            ObjectNode row = classes.addObject();
            ArrayNode one = ModelSpecJson.mapper().createArrayNode();
            addClass(one, c.label(), c.name());
            row.set("normal", one.get(0));
            row.set("ae", scores(c.ae()));
            row.set("pca", scores(c.pca()));
            row.put("train_samples", c.trainSamples());
            row.put("test_samples", c.testSamples());
            row.put("seconds", c.seconds());
        }
        ObjectNode mean = o.putObject("mean");
        ObjectNode ae = mean.putObject("ae");
        putNumber(ae, "auroc", result.mean().aeAuroc());
        putNumber(ae, "auprc", result.mean().aeAuprc());
        ObjectNode pca = mean.putObject("pca");
        putNumber(pca, "auroc", result.mean().pcaAuroc());
        putNumber(pca, "auprc", result.mean().pcaAuprc());
        o.put("test_samples", test.samples());
        return o;
    }

    static void putNumber(ObjectNode o, String key, double v) {
        if (Double.isNaN(v)) {
            o.putNull(key);
        } else {
            o.put(key, v);
        }
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.4f", v);
    }

    private static String truncate(String s, int width) {
        return s.length() <= width ? s : s.substring(0, width - 1) + "\u2026";
    }
}
