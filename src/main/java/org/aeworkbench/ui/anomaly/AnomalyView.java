package org.aeworkbench.ui.anomaly;

import java.io.File;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import org.aeworkbench.analysis.anomaly.AnomalyResult;
import org.aeworkbench.analysis.anomaly.AnomalyScore;
import org.aeworkbench.analysis.anomaly.ClassScores;
import org.aeworkbench.analysis.anomaly.NormalClasses;
import org.aeworkbench.analysis.ranking.Confusion;
import org.aeworkbench.report.AnomalyScoresCsv;
import org.aeworkbench.ui.common.ErrorDialog;
import org.aeworkbench.ui.common.ExportMenu;
import org.aeworkbench.ui.common.FileDialogs;
import org.aeworkbench.ui.common.Formats;
import org.aeworkbench.ui.common.Gallery;
import org.aeworkbench.ui.common.BesideOrBelow;
import org.aeworkbench.ui.common.ChartRow;
import org.aeworkbench.ui.common.ChartStyle;
import org.aeworkbench.ui.common.TabView;
import org.aeworkbench.ui.common.Theme;
import org.aeworkbench.ui.workbench.WorkbenchModel;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;

/**
 * The Anomaly tab: choose the normal classes, train the current design on their training samples
 * only, and see how its reconstruction error (or a VAE's negative ELBO) separates the held-out
 * anomalies: score histograms, a threshold with precision, recall, F1 and false-positive rate, ROC
 * and precision-recall curves beside PCA's at the same code size, the highest- and lowest-scoring
 * samples with their reconstructions, and a per-class table. State lives in {@link AnomalyModel}.
 */
public final class AnomalyView extends VBox implements TabView {

    private static final int SLIDER_STEPS = 1000;

    private final WorkbenchModel wb;
    private final AnomalyModel model;
    private final FlowPane classes = new FlowPane(6, 4);
    private final ChoiceBox<AnomalyScore> score = new ChoiceBox<>(FXCollections.observableArrayList(AnomalyScore.values()));
    private final Button train = new Button("Train on normal samples");
    private final Button cancel = new Button("Cancel");
    private final ProgressBar progress = new ProgressBar(0);
    private final Label status = new Label();
    private final CheckBox log = new CheckBox("Log-scale counts");
    private final Slider threshold = new Slider(0, SLIDER_STEPS, 0);
    private final Label metrics = new Label();
    private final ChartRow charts = new ChartRow(8, ChartStyle.MIN_WIDTH);
    private final VBox galleries = new VBox(6);
    private final TableView<ClassScores> table = new TableView<>();
    private final MenuButton export;
    private Theme theme = Theme.LIGHT;
    private JFreeChart histogram;
    private JFreeChart roc;
    private JFreeChart pr;
    /** Sorted AE scores of the shown result: the slider moves through them by rank, not by value. */
    private double[] sortedScores;
    private boolean syncing;

    public AnomalyView(WorkbenchModel wb) {
        this.wb = wb;
        this.model = new AnomalyModel(wb.jobs());
        getStyleClass().add("view");
        setId("anomaly-view");

        classes.setId("anomaly-classes");
        score.setId("anomaly-score");
        score.setConverter(new StringConverter<>() {
            @Override
            public String toString(AnomalyScore s) {
                return s == null ? "" : s.title();
            }

            @Override
            public AnomalyScore fromString(String text) {
                return AnomalyScore.parse(text);
            }
        });
        score.setValue(AnomalyScore.RECON);
        score.valueProperty().addListener((obs, o, n) -> model.setScore(n));
        train.setId("anomaly-train");
        train.setDefaultButton(false);
        train.setOnAction(e -> model.train(wb.design().spec()));
        train.disableProperty().bind(model.runningProperty().or(wb.trainBlockedProperty().isNotEmpty()));
        cancel.setId("anomaly-cancel");
        cancel.setOnAction(e -> model.cancel());
        cancel.disableProperty().bind(model.runningProperty().not());
        progress.progressProperty().bind(model.progressProperty());
        progress.visibleProperty().bind(model.runningProperty());
        progress.setPrefWidth(140);
        export = ExportMenu.forCharts("Export", Map.of("anomaly-histogram", () -> histogram, "anomaly-roc", () -> roc,
                "anomaly-precision-recall", () -> pr));
        MenuItem csv = new MenuItem("Scores as CSV\u2026");
        csv.setId("anomaly-export-csv");
        csv.setOnAction(e -> exportScores());
        export.getItems().add(0, csv);
        export.disableProperty().bind(model.resultProperty().isNull());

        Label normalTitle = new Label("Normal:");
        normalTitle.setMinWidth(Region.USE_PREF_SIZE);
        Label scoreTitle = new Label("Score:");
        scoreTitle.setMinWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(classes, Priority.ALWAYS);
        HBox normalRow = new HBox(10, normalTitle, classes);
        normalRow.setAlignment(Pos.CENTER_LEFT);
        // Wraps onto a second line in a narrow window rather than pushing Export off the pane.
        FlowPane actions = new FlowPane(10, 6, scoreTitle, score, train, cancel, progress, export);
        actions.setAlignment(Pos.CENTER_LEFT);
        for (Region r : new Region[] {train, cancel, export, score}) {
            r.setMinWidth(Region.USE_PREF_SIZE);
        }
        VBox bar = new VBox(6, normalRow, actions);
        bar.getStyleClass().add("view-toolbar");

        status.setId("anomaly-status");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        log.setId("anomaly-log");
        log.selectedProperty().addListener((obs, o, n) -> model.setLogScale(n));
        threshold.setId("anomaly-threshold");
        threshold.setPrefWidth(360);
        threshold.valueProperty().addListener((obs, o, n) -> {
            if (!syncing && sortedScores != null && sortedScores.length > 0) {
                int rank = (int) Math.round(n.doubleValue() / SLIDER_STEPS * (sortedScores.length - 1));
                model.setThreshold(sortedScores[rank]);
            }
        });
        metrics.setId("anomaly-metrics");
        metrics.getStyleClass().add("metrics");
        Label thresholdTitle = new Label("Threshold");
        thresholdTitle.setMinWidth(Region.USE_PREF_SIZE);
        log.setMinWidth(Region.USE_PREF_SIZE);
        HBox thresholdRow = new HBox(10, thresholdTitle, threshold, log);
        thresholdRow.setAlignment(Pos.CENTER_LEFT);
        metrics.setWrapText(true);

        table.setId("anomaly-class-table");
        table.getColumns().add(column("class", ClassScores::name, 110));
        table.getColumns().add(column("normal", c -> c.normal() ? "yes" : "", 70));
        table.getColumns().add(column("test\nsamples", c -> Formats.count(c.samples()), 85));
        // Grouped under the method and on two lines, so the headers are whole in a narrow window.
        table.getColumns().add(group("autoencoder", column("mean\nscore", c -> Formats.loss(c.aeMeanScore()), 85),
                column("AUROC\nvs normal", c -> auroc(c.aeAuroc()), 100)));
        table.getColumns().add(group("PCA", column("mean\nscore", c -> Formats.loss(c.pcaMeanScore()), 85),
                column("AUROC\nvs normal", c -> auroc(c.pcaAuroc()), 100)));
        // Each column keeps the width its header needs; a narrow window scrolls the table sideways.
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.setPlaceholder(Gallery.placeholder("Train on the normal samples: each class's mean score and AUROC appear here."));
        table.setPrefHeight(300);

        // The galleries' ten columns scroll sideways in a narrow view rather than widen it past its pane.
        VBox content = new VBox(8, status, charts, thresholdRow, metrics, BesideOrBelow.sideways(galleries), table);
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().addAll(bar, scroll);

        model.normalProperty().addListener((obs, o, n) -> syncCheckBoxes(n));
        model.resultProperty().addListener((obs, o, n) -> showResult(n));
        model.atThresholdProperty().addListener((obs, o, n) -> showThreshold());
        model.logScaleProperty().addListener((obs, o, n) -> showResult(model.result()));
        wb.data().currentProperty().addListener((obs, o, n) -> model.dataChanged(n));
        model.dataChanged(wb.data().current());
        showResult(null);
    }

    /** The view's state, for tests. */
    public AnomalyModel model() {
        return model;
    }

    /** The metrics line under the threshold (tests read it). */
    public String metricsText() {
        return metrics.getText();
    }

    @Override
    public void setShowing(boolean showing) {
        // Nothing runs while hidden: the view computes only when Train is pressed.
    }

    @Override
    public boolean followsWeights() {
        return false; // it trains its own model on the normal samples
    }

    @Override
    public void setTheme(Theme t) {
        theme = t;
        showResult(model.result());
    }

    private void syncCheckBoxes(NormalClasses n) {
        List<String> names = n.classNames();
        if (classes.getChildren().size() != names.size() + (names.isEmpty() ? 0 : 1)) {
            classes.getChildren().clear();
            if (names.isEmpty()) {
                classes.getChildren().add(new Label("all samples (no labels)"));
                return;
            }
            CheckBox all = new CheckBox("all");
            all.setId("normal-all");
            all.setOnAction(e -> model.setAllNormal(all.isSelected()));
            classes.getChildren().add(all);
            for (int c = 0; c < names.size(); c++) {
                CheckBox box = new CheckBox(names.get(c));
                box.setId("normal-" + c);
                int label = c;
                box.setOnAction(e -> model.setNormal(label, box.isSelected()));
                classes.getChildren().add(box);
            }
        }
        if (names.isEmpty()) {
            return;
        }
        boolean[] flags = n.normal();
        boolean every = true;
        for (int c = 0; c < flags.length; c++) {
            ((CheckBox) classes.getChildren().get(c + 1)).setSelected(flags[c]);
            every &= flags[c];
        }
        ((CheckBox) classes.getChildren().get(0)).setSelected(every);
    }

    private void showResult(AnomalyResult r) {
        charts.getChildren().clear();
        galleries.getChildren().clear();
        table.getItems().clear();
        histogram = null;
        roc = null;
        pr = null;
        sortedScores = null;
        threshold.setDisable(true);
        metrics.setText("");
        if (r == null) {
            charts.getChildren().add(Gallery.placeholder("The score distribution, ROC and precision-recall curves appear here after Train."));
            return;
        }
        histogram = AnomalyCharts.histogram(r, model.logScaleProperty().get(), model.thresholdProperty().get(), theme);
        charts.getChildren().add(viewer(histogram));
        if (r.split().labelled()) {
            roc = AnomalyCharts.roc(r, model.atThresholdProperty().get(), theme);
            pr = AnomalyCharts.precisionRecall(r, model.atThresholdProperty().get(), theme);
            charts.getChildren().addAll(viewer(roc), viewer(pr));
            sortedScores = r.ae().scores().clone();
            java.util.Arrays.sort(sortedScores);
            threshold.setDisable(false);
            table.getItems().setAll(r.perClass());
        } else {
            metrics.setText("AUROC, precision and recall need labels that mark the anomalies.");
        }
        int[] order = ScoreGallery.byScoreDescending(r.ae().scores());
        float[] range = wb.data().current() == null ? new float[] {0, 1} : wb.data().current().valueRange();
        galleries.getChildren().addAll(Gallery.rowTitle("Highest scores (\u2022 = anomaly)"), ScoreGallery.of(r, order, true, range),
                Gallery.rowTitle("Lowest scores"), ScoreGallery.of(r, order, false, range));
        showThreshold();
    }

    private ChartViewer viewer(JFreeChart chart) {
        ChartViewer v = new ChartViewer(chart);
        v.setPrefSize(420, 300);
        v.setMinHeight(260);
        return v;
    }

    private void showThreshold() {
        Confusion at = model.atThresholdProperty().get();
        double t = model.thresholdProperty().get();
        if (histogram != null && roc != null) {
            AnomalyCharts.moveThreshold(histogram, roc, pr, t, at, theme);
        }
        if (at == null || sortedScores == null) {
            return;
        }
        syncing = true;
        int rank = java.util.Arrays.binarySearch(sortedScores, t);
        threshold.setValue(Math.max(0, rank) * (double) SLIDER_STEPS / Math.max(1, sortedScores.length - 1));
        syncing = false;
        metrics.setText(String.format(Locale.ROOT, "score \u2265 %s flags %,d of %,d:   precision %s   recall %s   F1 %s   false-positive rate %s",
                Formats.loss(t), at.flagged(), sortedScores.length, rate(at.precision()), rate(at.recall()), rate(at.f1()),
                rate(at.falsePositiveRate())));
    }

    private void exportScores() {
        AnomalyResult r = model.result();
        if (r == null) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export anomaly scores");
        chooser.setInitialFileName("anomaly-scores.csv");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        File file = FileDialogs.current().showSave(chooser, getScene().getWindow());
        if (file == null) {
            return;
        }
        wb.jobs().run("Exporting anomaly scores", () -> {
            AnomalyScoresCsv.write(file.toPath(), r.split().test(),
                    List.of(new AnomalyScoresCsv.Run(null, r.ae().scores(), r.pca().scores())));
            return file;
        }, f -> { }, msg -> ErrorDialog.show(getScene().getWindow(), "Export failed", file + ": the scores could not be written ("
                + msg + "). Choose another folder or free some space.", null), null);
    }

    private static String rate(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3f", v);
    }

    private static String auroc(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.3f", v);
    }

    @SafeVarargs
    private static TableColumn<ClassScores, String> group(String title, TableColumn<ClassScores, String>... columns) {
        TableColumn<ClassScores, String> g = new TableColumn<>(title);
        g.getColumns().addAll(columns);
        return g;
    }

    private static TableColumn<ClassScores, String> column(String title, Function<ClassScores, String> value, double width) {
        TableColumn<ClassScores, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(r -> new ReadOnlyObjectWrapper<>(value.apply(r.getValue())));
        return c;
    }
}
