package org.aeworkbench.report.html;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.aeworkbench.analysis.MethodScores;
import org.aeworkbench.engine.model.LayerRow;
import org.aeworkbench.engine.model.LayerSpec;
import org.aeworkbench.engine.model.ModelSpec;
import org.aeworkbench.engine.model.SpecValidator;
import org.aeworkbench.engine.model.VariantSpec;
import org.aeworkbench.report.ComparisonCharts;
import org.aeworkbench.report.CurvesChart;
import org.aeworkbench.report.runs.RunCurvesChart;
import org.aeworkbench.report.runs.RunEpoch;
import org.aeworkbench.report.runs.RunRecord;
import org.aeworkbench.report.runs.RunMetrics;
import org.jfree.chart.JFreeChart;

/**
 * The workbench's report, from what the window hands over ({@link ReportInput}): the design with
 * its shapes, the loss curves, the codes beside PCA's (the pictures of {@code compare --png}),
 * the reconstructions, the comparison's figures, and the runs with their curves overlaid.
 */
public final class WorkbenchReport {

    /** Pixels of a chart in the page; the page scales them down to its width. */
    static final int CHART_WIDTH = 900;
    static final int CHART_HEIGHT = 460;
    static final int SCATTER_SIZE = 560;
    /** A tabular sample's values are listed up to this many features. */
    static final int MAX_LISTED_FEATURES = 24;

    private WorkbenchReport() {
    }

    public static ReportContent content(ReportInput in) {
        List<String> meta = new ArrayList<>();
        meta.add("Written by AE Workbench on " + in.created() + ".");
        if (in.data() != null) {
            meta.add("Data: " + in.data().describe() + ". " + in.data().preparation());
        }
        meta.add("BLAS: " + in.blas() + ".");
        List<ReportContent.Section> sections = new ArrayList<>();
        sections.add(design(in));
        sections.add(curves(in));
        if (in.comparison() != null) {
            ComparisonCharts charts = ComparisonCharts.of(in.comparison(), in.ae(), in.pca(), in.test());
            sections.add(new ReportContent.Section("latent", "Latent space beside PCA", List.of(
                    new ReportContent.Text("Codes of the " + in.scoredOn() + ", coloured by label; PCA at the same code size,"
                            + " Procrustes-aligned onto the autoencoder's codes (rotation, reflection, scale and shift only)."),
                    new ReportContent.Figures(List.of(
                            figure("The autoencoder's codes", charts.autoencoder(), SCATTER_SIZE, SCATTER_SIZE),
                            figure("PCA of the same samples", charts.pca(), SCATTER_SIZE, SCATTER_SIZE))))));
            sections.add(reconstructions(in, charts));
            sections.add(metrics(in));
        } else {
            sections.add(new ReportContent.Section("latent", "Latent space beside PCA", List.of(new ReportContent.Text(
                    in.epochs().isEmpty() ? "No model has been trained yet: train the design, then export the report again."
                            : "The codes could not be compared with PCA at this code size (PCA has at most as many components"
                            + " as the data has features)."))));
        }
        sections.add(runs(in));
        return new ReportContent("AE Workbench report: " + in.title(), meta, sections);
    }

    private static ReportContent.Section design(ReportInput in) {
        ModelSpec s = in.spec();
        List<ReportContent.Block> blocks = new ArrayList<>();
        StringBuilder what = new StringBuilder("Design " + s.name() + ": " + s.loss().name().toLowerCase(Locale.ROOT) + " loss");
        for (VariantSpec v : s.variants()) {
            what.append("; ").append(v.type().category()).append(' ').append(parameters(v));
        }
        var t = s.training();
        what.append(String.format(Locale.ROOT, "; %s, learning rate %s; batch %d, %d epochs, seed %d, %.0f%% held out for validation.",
                s.optimizer().kind().name().toLowerCase(Locale.ROOT), s.optimizer().learningRate(), t.batchSize(), t.epochs(),
                t.seed(), 100 * t.validationFraction()));
        blocks.add(new ReportContent.Text(what.toString()));
        if (in.trained() != null && !in.trained().equals(s)) {
            blocks.add(new ReportContent.Text("The design was changed after training: the curves and figures below belong to"
                    + " the model trained before the change (" + in.trained().name() + ")."));
        }
        List<List<String>> rows = new ArrayList<>();
        long total = 0;
        for (LayerRow r : SpecValidator.rows(s, in.input())) {
            rows.add(List.of(r.field(), layer(r.spec()), r.input() == null ? "?" : r.input().toString(),
                    r.output() == null ? "?" : r.output().toString(), String.format(Locale.ROOT, "%,d", r.parameters())));
            total += r.parameters();
        }
        rows.add(List.of("total", "", in.input().toString(), "", String.format(Locale.ROOT, "%,d", total)));
        blocks.add(new ReportContent.Table("Layers and shapes", List.of("layer", "kind", "input", "output", "parameters"), rows));
        return new ReportContent.Section("design", "Design", blocks);
    }

    private static ReportContent.Section curves(ReportInput in) {
        if (in.epochs().isEmpty()) {
            return new ReportContent.Section("curves", "Training curves", List.of(new ReportContent.Text("Not trained yet.")));
        }
        double[] x = in.epochs().stream().mapToDouble(RunEpoch::x).toArray();
        List<CurvesChart.Curve> curves = new ArrayList<>(List.of(
                new CurvesChart.Curve("training loss", x, in.epochs().stream().mapToDouble(RunEpoch::train).toArray(), TRAIN),
                new CurvesChart.Curve("validation loss", x, in.epochs().stream().mapToDouble(RunEpoch::validation).toArray(),
                        VALIDATION)));
        JFreeChart chart = CurvesChart.create("Loss per epoch", "loss per sample", curves);
        RunEpoch last = in.epochs().get(in.epochs().size() - 1);
        String text = String.format(Locale.ROOT, "%d epochs; last training loss %s, validation loss %s, validation squared"
                + " error %s per sample.", Math.round(last.x()), number(last.train()), number(last.validation()),
                number(last.validationError()));
        return new ReportContent.Section("curves", "Training curves", List.of(new ReportContent.Text(text),
                new ReportContent.Figures(List.of(figure("Training and validation loss by epoch", chart, CHART_WIDTH, CHART_HEIGHT)))));
    }

    private static ReportContent.Section reconstructions(ReportInput in, ComparisonCharts charts) {
        if (charts.grid() != null) {
            return new ReportContent.Section("reconstructions", "Reconstructions", List.of(new ReportContent.Figures(List.of(
                    new ReportContent.Figure("The first " + Math.min(ComparisonCharts.GRID_SAMPLES, in.test().samples())
                            + " of the " + in.scoredOn() + ": inputs, the autoencoder's reconstructions, PCA's", charts.grid())))));
        }
        int d = in.test().features();
        if (d > MAX_LISTED_FEATURES) {
            return new ReportContent.Section("reconstructions", "Reconstructions", List.of(new ReportContent.Text(
                    "Samples of " + d + " values are not listed; the errors are in the metrics below.")));
        }
        List<String> header = new ArrayList<>(List.of("sample"));
        for (int j = 0; j < d; j++) {
            header.add("x" + (j + 1));
        }
        List<List<String>> rows = new ArrayList<>();
        int show = Math.min(8, in.test().samples());
        for (int i = 0; i < show; i++) {
            String name = in.test().hasLabels() ? in.test().classNames().get(in.test().labels()[i]) : "sample " + (i + 1);
            rows.add(values(name + " input", in.test().values(), i, d));
            rows.add(values(name + " autoencoder", in.ae().testReconstructions(), i, d));
            rows.add(values(name + " PCA", in.pca().testReconstructions(), i, d));
        }
        return new ReportContent.Section("reconstructions", "Reconstructions", List.of(
                new ReportContent.Table("Inputs and reconstructions, value by value", header, rows)));
    }

    private static ReportContent.Section metrics(ReportInput in) {
        MethodScores ae = in.comparison().autoencoder();
        MethodScores pca = in.comparison().pca();
        List<List<String>> rows = List.of(
                List.of("code size k", Integer.toString(ae.codeSize()), Integer.toString(pca.codeSize())),
                List.of("reconstruction error (summed squared error per sample)", number(ae.reconError()), number(pca.reconError())),
                List.of("per feature", number(ae.perFeatureError()), number(pca.perFeatureError())),
                List.of("explained variance", number(ae.explainedVariance()), number(pca.explainedVariance())),
                List.of("5-NN accuracy", percent(ae.knnAccuracy()), percent(pca.knnAccuracy())),
                List.of("trustworthiness T(5)", number(ae.trustworthiness()), number(pca.trustworthiness())));
        return new ReportContent.Section("metrics", "Metrics", List.of(
                new ReportContent.Table("The autoencoder and PCA on the " + in.scoredOn()
                        + " (kNN: training codes vote; trustworthiness: Venna and Kaski 2001)", List.of("measure", "autoencoder", "PCA"), rows),
                new ReportContent.Text("A dash marks a figure that does not apply: explained variance for the autoencoder;"
                        + " kNN accuracy and trustworthiness for codes wider than 2 or unlabelled data.")));
    }

    private static ReportContent.Section runs(ReportInput in) {
        if (in.runs().isEmpty()) {
            return new ReportContent.Section("runs", "Runs", List.of(new ReportContent.Text("No run recorded yet.")));
        }
        List<String> header = new ArrayList<>(List.of("run", "design", "data", "settings"));
        List<String> figures = RunMetrics.names(in.runs());
        header.addAll(figures);
        header.add("ended");
        List<List<String>> rows = new ArrayList<>();
        for (RunRecord r : in.runs()) {
            List<String> row = new ArrayList<>(List.of(RunCurvesChart.legend(r), r.spec().name(), r.data().describe(), r.settings()));
            var m = RunMetrics.of(r);
            for (String f : figures) {
                Double v = m.get(f);
                row.add(v == null ? "\u2014" : f.equals(RunMetrics.EPOCHS) ? Long.toString(Math.round(v)) : number(v));
            }
            row.add(r.outcome());
            rows.add(row);
        }
        List<ReportContent.Block> blocks = new ArrayList<>();
        blocks.add(new ReportContent.Table("Every training run, final figures", header, rows));
        if (!in.overlaid().isEmpty()) {
            JFreeChart chart = RunCurvesChart.create(in.overlaid(), overlaidCurve(in.overlaid()));
            blocks.add(new ReportContent.Figures(List.of(figure("Runs overlaid: " + String.join(", ",
                    in.overlaid().stream().map(RunCurvesChart::legend).toList()), chart, CHART_WIDTH, CHART_HEIGHT))));
        }
        return new ReportContent.Section("runs", "Runs", blocks);
    }

    /** The validation loss when the runs have one, else the training loss. */
    static RunCurvesChart.Curve overlaidCurve(List<RunRecord> runs) {
        boolean validation = runs.stream().anyMatch(r -> r.epochs().stream().anyMatch(e -> Double.isFinite(e.validation())));
        return validation ? RunCurvesChart.Curve.VALIDATION_LOSS : RunCurvesChart.Curve.TRAIN_LOSS;
    }

    private static ReportContent.Figure figure(String caption, JFreeChart chart, int w, int h) {
        return new ReportContent.Figure(caption, chart.createBufferedImage(w, h, BufferedImage.TYPE_INT_RGB, null));
    }

    private static List<String> values(String label, float[] values, int i, int d) {
        List<String> row = new ArrayList<>(List.of(label));
        for (int j = 0; j < d; j++) {
            row.add(String.format(Locale.ROOT, "%.2f", values[i * d + j]));
        }
        return row;
    }

    /** "dense 512 relu": a layer as the designer's cards name it. */
    static String layer(LayerSpec l) {
        return l.kind() + (l.units() > 0 ? " " + l.units() : "") + activation(l);
    }

    private static String activation(LayerSpec l) {
        if (l instanceof org.aeworkbench.engine.model.ActivatedSpec a && a.activation() != null) {
            return " " + a.activation().name().toLowerCase(Locale.ROOT);
        }
        return "";
    }

    /** A variant part's settings, "level 0.5, kind gaussian", from the record's components. */
    static String parameters(VariantSpec v) {
        StringBuilder b = new StringBuilder("(");
        var components = v.getClass().getRecordComponents();
        if (components == null) {
            return "";
        }
        for (int i = 0; i < components.length; i++) {
            try {
                Object value = components[i].getAccessor().invoke(v);
                b.append(i == 0 ? "" : ", ").append(components[i].getName()).append(' ')
                        .append(value instanceof Enum<?> e ? e.name().toLowerCase(Locale.ROOT) : String.valueOf(value));
            } catch (ReflectiveOperationException e) {
                return "";
            }
        }
        return b.append(')').toString();
    }

    static String number(double v) {
        if (Double.isNaN(v)) {
            return "\u2014";
        }
        double a = Math.abs(v);
        return a != 0 && (a < 1e-3 || a >= 1e6) ? String.format(Locale.ROOT, "%.3e", v) : String.format(Locale.ROOT, "%.4g", v);
    }

    private static String percent(double v) {
        return Double.isNaN(v) ? "\u2014" : String.format(Locale.ROOT, "%.1f%%", 100 * v);
    }

    private static final Color TRAIN = new Color(0x0072B2);
    private static final Color VALIDATION = new Color(0xD55E00);
}
