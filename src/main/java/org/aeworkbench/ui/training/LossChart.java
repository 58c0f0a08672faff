package org.aeworkbench.ui.training;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.LinkedHashMap;
import java.util.Map;
import org.aeworkbench.ui.common.ChartStyle;
import org.aeworkbench.ui.common.Colours;
import org.aeworkbench.ui.common.Theme;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A loss-over-time chart: one series per curve (train, validation, each loss term), created on
 * first use with a fixed colour per name, a linear or logarithmic loss axis, and vertical
 * markers where stacked pretraining stages begin. Points are added in batches with the chart's
 * notifications off, so a burst of points costs one redraw.
 */
final class LossChart {

    private final JFreeChart chart;
    private final XYPlot plot;
    private final XYSeriesCollection data = new XYSeriesCollection();
    private final XYLineAndShapeRenderer renderer;
    private final Map<String, XYSeries> series = new LinkedHashMap<>();
    private final boolean shapes;
    private Theme theme = Theme.LIGHT;
    private boolean log;
    private boolean drawing = true;

    LossChart(String title, boolean shapes) {
        this.shapes = shapes;
        NumberAxis x = new NumberAxis("epoch");
        x.setAutoRangeIncludesZero(true);
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        renderer = new XYLineAndShapeRenderer(true, shapes);
        renderer.setDefaultShapesFilled(true);
        plot = new XYPlot(data, x, linearAxis(), renderer);
        chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        style(theme);
    }

    JFreeChart chart() {
        return chart;
    }

    /** Adds a point to the named series, creating it with {@code colour} (and a dashed line when asked). */
    void add(String name, double x, double y, Color colour, boolean dashed, float width) {
        XYSeries s = series.get(name);
        if (s == null) {
            s = new XYSeries(name, false, true);
            series.put(name, s);
            data.addSeries(s);
            int i = data.getSeriesIndex(name);
            renderer.setSeriesPaint(i, colour);
            renderer.setSeriesStroke(i, dashed
                    ? new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f, new float[] {6f, 4f}, 0f)
                    : new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            renderer.setSeriesShape(i, new java.awt.geom.Ellipse2D.Double(-2.5, -2.5, 5, 5));
            renderer.setSeriesShapesVisible(i, shapes);
        }
        if (Double.isFinite(y) && (!log || y > 0)) {
            s.add(x, y, false);
        }
    }

    /** Marks where a training stage begins (stacked pretraining). */
    void mark(double x, String label) {
        ValueMarker m = new ValueMarker(x);
        m.setPaint(ChartStyle.alpha(theme.chartMuted(), 160));
        m.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {3f, 3f}, 0f));
        m.setLabel(label);
        m.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        m.setLabelPaint(theme.chartMuted());
        m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        plot.addDomainMarker(m);
    }

    /** Number of points in the named series (0 when it does not exist). */
    int points(String name) {
        XYSeries s = series.get(name);
        return s == null ? 0 : s.getItemCount();
    }

    int totalPoints() {
        int n = 0;
        for (XYSeries s : series.values()) {
            n += s.getItemCount();
        }
        return n;
    }

    /** Runs {@code edits} with notifications off and redraws once. */
    void batch(Runnable edits) {
        chart.setNotify(false);
        try {
            edits.run();
            for (XYSeries s : series.values()) {
                s.fireSeriesChanged();
            }
        } finally {
            chart.setNotify(drawing);
        }
    }

    /** While hidden the chart keeps its data but does not redraw; showing it redraws once. */
    void setDrawing(boolean on) {
        drawing = on;
        chart.setNotify(on);
    }

    void clear() {
        batch(() -> {
            data.removeAllSeries();
            series.clear();
            plot.clearDomainMarkers();
        });
    }

    void setLog(boolean on) {
        if (on == log) {
            return;
        }
        log = on;
        plot.setRangeAxis(on ? logAxis() : linearAxis());
        ChartStyle.axis(plot.getRangeAxis(), theme);
    }

    void style(Theme t) {
        theme = t;
        ChartStyle.apply(chart, t);
    }

    private static ValueAxis linearAxis() {
        NumberAxis y = new NumberAxis("loss per sample");
        y.setAutoRangeIncludesZero(false);
        return y;
    }

    private static ValueAxis logAxis() {
        LogAxis y = new LogAxis("loss per sample (log scale)");
        y.setSmallestValue(1e-6);
        y.setBase(10);
        y.setNumberFormatOverride(new java.text.DecimalFormat("0.###E0"));
        return y;
    }

    /** The colour for a loss term: reconstruction green, penalties in order. */
    static Color termColour(String term, int index) {
        return "reconstruction".equals(term) ? Colours.RECONSTRUCTION : Colours.PENALTIES[index % Colours.PENALTIES.length];
    }
}
