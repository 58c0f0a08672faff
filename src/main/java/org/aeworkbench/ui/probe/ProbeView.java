package org.aeworkbench.ui.probe;

import java.awt.BasicStroke;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.aeworkbench.analysis.probe.ProbeResult;
import org.aeworkbench.ui.common.ChartStyle;
import org.aeworkbench.ui.common.Colours;
import org.aeworkbench.ui.common.Gallery;
import org.aeworkbench.ui.common.BesideOrBelow;
import org.aeworkbench.ui.common.TabView;
import org.aeworkbench.ui.common.Theme;
import org.aeworkbench.ui.common.TextWhileShown;
import org.aeworkbench.ui.workbench.WorkbenchModel;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The Probe tab: are the codes good features? Held-out accuracy of a softmax regression on the
 * codes, on PCA codes of the same width and on the raw inputs, with 100, 1,000 and all training
 * labels: a table and accuracy against the number of labels used.
 */
public final class ProbeView extends VBox implements TabView {

    private static final String[] NAMES = {"codes", "PCA codes", "raw inputs"};

    private final ProbeModel model;
    private final GridPane table = new GridPane();
    private final TextWhileShown statusText;
    private final ChartViewer chart = new ChartViewer(chart(null, Theme.LIGHT));
    private Theme theme = Theme.LIGHT;

    public ProbeView(WorkbenchModel wb) {
        this.model = new ProbeModel(wb);
        setId("probe-view");
        getStyleClass().add("view");
        setSpacing(8);
        Button run = new Button("Run probe");
        run.setId("probe-button");
        run.disableProperty().bind(model.busyProperty());
        run.setOnAction(e -> model.run());
        run.setMinWidth(Region.USE_PREF_SIZE); // the status beside it wraps instead
        Label status = new Label();
        status.setId("probe-status");
        status.setWrapText(true);
        statusText = new TextWhileShown(status, model.statusProperty());
        HBox bar = new HBox(8, run, status);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("view-toolbar");
        table.setId("probe-table");
        table.setHgap(18);
        table.setVgap(4);
        chart.setId("probe-chart");
        Label explain = new Label("A multinomial logistic regression (softmax with an L2 penalty, trained by L-BFGS to"
                + " convergence) on standardised features, its L2 weight chosen on a seeded fifth of the labelled samples;"
                + " the fewer labels, the more the representation has to do on its own: the semi-supervised question of"
                + " the adversarial autoencoder.");
        explain.setWrapText(true);
        explain.getStyleClass().add("image-caption");
        VBox left = new VBox(8, Gallery.rowTitle("Held-out accuracy"), table, explain);
        left.setPrefWidth(430);
        chart.setMinWidth(ChartStyle.MIN_WIDTH);
        chart.setMinHeight(300);
        chart.setPrefHeight(420);
        HBox.setHgrow(chart, Priority.ALWAYS);
        ScrollPane body = new BesideOrBelow(BesideOrBelow.sideways(left), chart, 12).scrolling();
        VBox.setVgrow(body, Priority.ALWAYS);
        getChildren().addAll(bar, body);
        model.resultProperty().addListener((obs, old, now) -> show(now));
        show(null);
    }

    public ProbeModel model() {
        return model;
    }

    @Override
    public void setShowing(boolean showing) {
        statusText.setShowing(showing); // the probe itself runs on request only
    }

    @Override
    public boolean followsWeights() {
        return false;
    }

    @Override
    public void setTheme(Theme t) {
        theme = t;
        chart.setChart(chart(model.resultProperty().get(), t));
    }

    private void show(ProbeModel.Result r) {
        table.getChildren().clear();
        chart.setChart(chart(r, theme));
        // A table of figures keeps its width (scrolling sideways in a narrower view); the placeholder wraps.
        table.setMinWidth(r == null ? Region.USE_COMPUTED_SIZE : Region.USE_PREF_SIZE);
        if (r == null) {
            table.add(Gallery.placeholder("Press Run probe to fit a classifier on the codes of a trained model."), 0, 0);
            return;
        }
        table.add(Gallery.rowTitle("labels used"), 0, 0);
        for (int b = 0; b < r.budgets().length; b++) {
            table.add(Gallery.rowTitle(budget(r, b)), b + 1, 0);
        }
        int[] widths = {r.codes().codes().width(), r.codes().pca().width(), r.codes().raw().width()};
        for (int m = 0; m < 3; m++) {
            table.add(new Label(NAMES[m] + " (" + widths[m] + ")"), 0, m + 1);
            for (int b = 0; b < r.budgets().length; b++) {
                ProbeResult p = r.at(b, m);
                Label cell = new Label(String.format(Locale.ROOT, "%.3f", p.accuracy()));
                cell.setId("probe-accuracy-" + m + "-" + b);
                cell.setTooltip(new javafx.scene.control.Tooltip(String.format(Locale.ROOT, "L2 weight %.0f (C = %s); %d"
                        + " L-BFGS iterations, stopped by %s", p.lambda(), 1 / p.lambda(), p.iterations(),
                        p.stop().name().toLowerCase(Locale.ROOT).replace('_', ' '))));
                table.add(cell, b + 1, m + 1);
            }
        }
    }

    private static String budget(ProbeModel.Result r, int b) {
        int used = r.at(b, 0).labelsUsed();
        return r.budgets()[b] == 0 ? String.format(Locale.ROOT, "all (%,d)", used) : String.format(Locale.ROOT, "%,d", used);
    }

    private static JFreeChart chart(ProbeModel.Result r, Theme theme) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        if (r != null) {
            for (int m = 0; m < 3; m++) {
                XYSeries s = new XYSeries(NAMES[m], false, true);
                for (int b = 0; b < r.budgets().length; b++) {
                    ProbeResult p = r.at(b, m);
                    s.add(p.labelsUsed(), p.accuracy());
                }
                data.addSeries(s);
                renderer.setSeriesPaint(m, Colours.forClass(m, 3, theme));
                renderer.setSeriesStroke(m, new BasicStroke(m == 0 ? 2.2f : 1.4f));
            }
        }
        LogAxis x = new LogAxis("labelled training samples (log scale)");
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        NumberAxis y = new NumberAxis("held-out accuracy");
        y.setAutoRangeIncludesZero(false);
        JFreeChart c = new JFreeChart("Accuracy against labels used", JFreeChart.DEFAULT_TITLE_FONT,
                new XYPlot(data, x, y, renderer), true);
        ChartStyle.apply(c, theme);
        return c;
    }
}
