package org.aeworkbench.ui.training;

import java.util.HashMap;
import java.util.Map;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.aeworkbench.engine.model.LossTerms;
import org.aeworkbench.engine.train.EpochSnapshot;
import org.aeworkbench.ui.common.ChartImageView;
import org.aeworkbench.ui.common.Colours;
import org.aeworkbench.ui.common.ExportMenu;
import org.aeworkbench.ui.common.SteadyLabel;
import org.aeworkbench.ui.common.TabView;
import org.aeworkbench.ui.common.TextWhileShown;
import org.aeworkbench.ui.common.Theme;
import org.aeworkbench.ui.run.StatusText;
import org.aeworkbench.ui.run.TrainingUpdate;
import org.aeworkbench.ui.run.TrainingUpdate.BatchPoint;
import org.aeworkbench.ui.run.TrainingUpdate.EpochPoint;
import org.jfree.chart.JFreeChart;

/**
 * The Training tab: loss per epoch (training and validation, and each loss term when the
 * variant adds penalties) above a smoothed per-batch curve, a log-scale toggle, stage markers
 * for stacked pretraining, and a line summarising the last epoch.
 */
public final class TrainingView extends VBox implements TabView {

    /** Weight of the newest point in the exponential moving average of the batch curve. */
    private static final double SMOOTHING = 0.25;

    /**
     * While training, the charts redraw at most once a second (the status bar keeps its two updates
     * a second). A redraw costs 6 to 10 ms of FX and render thread a chart in software, and on a
     * machine whose cores all train, that time comes out of training two to three times over: at
     * four redraws a second the charts alone slowed training by about 10%.
     */
    static final long CHART_MILLIS = 1000;

    private final LossChart epochs = new LossChart("Loss per epoch", true);
    private final LossChart batches = new LossChart("Loss per batch (smoothed)", false);
    /**
     * Figures a variant reports beside the loss, on their own scale: an adversarial autoencoder's
     * discriminator and generator losses and the discriminator's accuracy on each side (smoothed
     * per batch, live), an RBM's free-energy gap (per epoch). Shown once the first arrives.
     */
    private final LossChart figures = new LossChart("Beside the loss", false, "value");
    private final java.util.Set<String> batchFigures = new java.util.HashSet<>();
    private final ChartImageView figureViewer;
    private static final String EMPTY = "Press Train (Ctrl+Enter): the loss curves appear here as the model learns.";

    private final SteadyLabel summaryRoom = new SteadyLabel(
            StatusText.LONGEST_EPOCH_SUMMARY, "training-summary", "metrics");
    /** The line above the charts; the label follows it while the tab shows (a hidden tab's label was laid out at every epoch's end). */
    private final StringProperty summaryText = new SimpleStringProperty(EMPTY);
    private final TextWhileShown summary = new TextWhileShown(summaryRoom.label(), summaryText);
    private final Map<String, Double> ema = new HashMap<>();
    private final Map<String, Double> emaWeight = new HashMap<>();
    private final StackPane charts;
    private final TrainingSession session;
    private long lastDraw = System.nanoTime() - CHART_MILLIS * 1_000_000;
    private Theme theme = Theme.LIGHT;

    public TrainingView(TrainingSession session) {
        getStyleClass().add("view");
        setId("training-view");
        ToggleButton log = new ToggleButton("Log scale");
        log.setId("log-scale");
        log.setTooltip(new Tooltip("Show the loss on a logarithmic axis"));
        log.selectedProperty().addListener((obs, was, on) -> {
            epochs.setLog(on);
            batches.setLog(on);
        });
        var export = ExportMenu.forCharts("Export", Map.of("loss-per-epoch", epochs::chart, "loss-per-batch", batches::chart,
                "beside-the-loss", figures::chart));
        log.setMinWidth(Region.USE_PREF_SIZE);
        export.setMinWidth(Region.USE_PREF_SIZE);
        summaryRoom.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(summaryRoom, Priority.ALWAYS);
        HBox bar = new HBox(8, summaryRoom, log, export);
        bar.getStyleClass().add("view-toolbar");

        ChartImageView epochViewer = new ChartImageView(epochs.chart());
        epochViewer.setId("epoch-chart");
        ChartImageView batchViewer = new ChartImageView(batches.chart());
        batchViewer.setId("batch-chart");
        figureViewer = new ChartImageView(figures.chart());
        figureViewer.setId("figures-chart");
        figureViewer.setVisible(false);
        figureViewer.managedProperty().bind(figureViewer.visibleProperty());
        VBox stack = new VBox(6, epochViewer, batchViewer, figureViewer);
        VBox.setVgrow(epochViewer, Priority.ALWAYS);
        VBox.setVgrow(batchViewer, Priority.ALWAYS);
        VBox.setVgrow(figureViewer, Priority.ALWAYS);
        charts = new StackPane(stack);
        VBox.setVgrow(charts, Priority.ALWAYS);
        getChildren().addAll(bar, charts);

        this.session = session;
        session.addListener(this::apply);
        // What arrived since the last redraw is drawn as soon as the run pauses or ends.
        session.stateProperty().addListener((obs, old, now) -> {
            if (now != TrainingSession.State.RUNNING) {
                redrawCharts();
            }
        });
    }

    public JFreeChart epochChart() {
        return epochs.chart();
    }

    public JFreeChart batchChart() {
        return batches.chart();
    }

    public JFreeChart figuresChart() {
        return figures.chart();
    }

    /** Points on the chart of figures beside the loss. */
    public int figurePoints() {
        return figures.totalPoints();
    }

    /** Points on the epoch chart, for tests and the status of the view. */
    public int epochPoints() {
        return epochs.totalPoints();
    }

    public int batchPoints() {
        return batches.totalPoints();
    }

    /** The colour the raw per-batch curve is drawn in (tests check it against the background). */
    public java.awt.Color rawBatchColour() {
        return batches.colourOf("batch");
    }

    @Override
    public void setShowing(boolean showing) {
        epochs.setDrawing(showing);
        batches.setDrawing(showing);
        figures.setDrawing(showing);
        summary.setShowing(showing);
    }

    @Override
    public void setTheme(Theme theme) {
        this.theme = theme;
        epochs.style(theme);
        batches.style(theme);
        batches.recolour("batch", Colours.rawBatch(theme));
        figures.style(theme);
    }

    /** The loss curves need the snapshots only, not the weights. */
    @Override
    public boolean followsWeights() {
        return false;
    }

    /** The line above the charts (tests read it). */
    public String summary() {
        return summaryText.get();
    }

    private void apply(TrainingUpdate u) {
        if (u.reset()) {
            epochs.clear();
            batches.clear();
            figures.clear();
            batchFigures.clear();
            figureViewer.setVisible(false);
            ema.clear();
            emaWeight.clear();
            summaryText.set(EMPTY);
        }
        u.stages().stream().filter(TrainingView::marked).forEach(s -> {
            epochs.mark(s.x(), s.name());
            batches.mark(s.x(), s.name());
            figures.mark(s.x(), s.name());
        });
        u.epochs().forEach(this::addEpoch);
        u.batches().forEach(this::addBatch);
        long now = System.nanoTime();
        if (session.state() != TrainingSession.State.RUNNING || now - lastDraw >= CHART_MILLIS * 1_000_000) {
            redrawCharts();
        }
        if (!u.epochs().isEmpty()) {
            EpochPoint last = u.epochs().get(u.epochs().size() - 1);
            summaryText.set(StatusText.epochSummary(last.x(), last.snapshot()));
        }
    }

    private void redrawCharts() {
        lastDraw = System.nanoTime();
        if (epochs.hasPending()) {
            epochs.redraw();
        }
        if (batches.hasPending()) {
            batches.redraw();
        }
        if (figures.hasPending()) {
            figures.redraw();
        }
    }

    /** Plain training has one stage called "train"; only stacked pretraining's stages are marked. */
    private static boolean marked(TrainingUpdate.StageMark s) {
        return !"train".equals(s.name());
    }

    private void addEpoch(EpochPoint p) {
        EpochSnapshot s = p.snapshot();
        epochs.add("train", p.x(), s.train().total(), Colours.TRAIN, false, 2f);
        if (s.validation() != null) {
            epochs.add("validation", p.x(), s.validation().total(), Colours.VALIDATION, true, 2f);
        }
        if (!s.train().penalties().isEmpty()) {
            epochs.add("train reconstruction", p.x(), s.train().reconstruction(), LossChart.termColour("reconstruction", 0), false, 1.3f);
            int i = 0;
            for (var e : s.train().penalties().entrySet()) {
                epochs.add("train " + e.getKey(), p.x(), e.getValue(), LossChart.termColour(e.getKey(), i++), false, 1.3f);
            }
        }
        int i = 0;
        for (var e : s.train().metrics().entrySet()) {
            // Figures the batches report are drawn live from them; the rest (an RBM's free-energy gap) per epoch.
            if (!batchFigures.contains(e.getKey())) {
                addFigure(e.getKey(), p.x(), e.getValue(), i);
            }
            i++;
        }
    }

    private void addFigure(String name, double x, double y, int index) {
        figures.add(name, x, y, LossChart.termColour(name, index + 1), name.startsWith("accuracy"), 1.5f);
        figureViewer.setVisible(true);
    }

    private void addBatch(BatchPoint p) {
        LossTerms t = p.loss();
        batches.add("batch", p.x(), t.total(), Colours.rawBatch(theme), false, 1f);
        batches.add("smoothed", p.x(), smooth("total", t.total()), Colours.TRAIN, false, 2f);
        if (!t.penalties().isEmpty()) {
            batches.add("reconstruction", p.x(), smooth("reconstruction", t.reconstruction()),
                    LossChart.termColour("reconstruction", 0), false, 1.3f);
            int i = 0;
            for (var e : t.penalties().entrySet()) {
                batches.add(e.getKey(), p.x(), smooth(e.getKey(), e.getValue()), LossChart.termColour(e.getKey(), i++), false, 1.3f);
            }
        }
        int i = 0;
        for (var e : t.metrics().entrySet()) {
            batchFigures.add(e.getKey());
            addFigure(e.getKey(), p.x(), smooth("figure " + e.getKey(), e.getValue()), i++);
        }
    }

    /** Bias-corrected exponential moving average (as TensorBoard smooths), per term. */
    private double smooth(String key, double v) {
        if (!Double.isFinite(v)) {
            return v;
        }
        double m = (1 - SMOOTHING) * ema.getOrDefault(key, 0.0) + SMOOTHING * v;
        double w = (1 - SMOOTHING) * emaWeight.getOrDefault(key, 0.0) + SMOOTHING;
        ema.put(key, m);
        emaWeight.put(key, w);
        return m / w;
    }
}
