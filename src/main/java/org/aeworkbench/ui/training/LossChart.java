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
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A loss-over-time chart: one series per curve (train, validation, each loss term), created on
 * first use with a fixed colour per name, a linear or logarithmic loss axis, and vertical
 * markers where stacked pretraining stages begin. Points and marks are recorded without touching
 * the chart and drawn by {@link #redraw()}, so the caller decides how often to pay for a redraw
 * and a burst of points costs one; each series is drawn as one path and
 * with at most {@link #POINTS_SHOWN} points (see {@link Trace}), so a redraw costs the same after
 * ten epochs as after a thousand.
 */
final class LossChart {

    /** Points drawn per curve: about one per two pixels of a full-width plot. */
    static final int POINTS_SHOWN = 300;

    private final JFreeChart chart;
    private final XYPlot plot;
    private final XYSeriesCollection data = new XYSeriesCollection();
    private final XYLineAndShapeRenderer renderer;
    private final Map<String, Trace> series = new LinkedHashMap<>();
    private final java.util.List<Style> unattached = new java.util.ArrayList<>();
    /** Each curve's colour by name, as drawn or about to be. */
    private final Map<String, Color> colours = new LinkedHashMap<>();
    private final java.util.List<Mark> marks = new java.util.ArrayList<>();
    private final boolean shapes;
    private Theme theme = Theme.LIGHT;
    private boolean log;
    private boolean drawing = true;
    private final String axisLabel;

    LossChart(String title, boolean shapes) {
        this(title, shapes, "loss per sample");
    }

    /** A chart whose vertical axis is called {@code axisLabel} (not every curve is a loss). */
    LossChart(String title, boolean shapes, String axisLabel) {
        this.shapes = shapes;
        this.axisLabel = axisLabel;
        NumberAxis x = new NumberAxis("epoch");
        x.setAutoRangeIncludesZero(true);
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        renderer = new XYLineAndShapeRenderer(true, shapes);
        renderer.setDefaultShapesFilled(true);
        // One path per series: stroking segment by segment costs the software rasteriser twice as much.
        renderer.setDrawSeriesLineAsPath(true);
        // Nothing shows a point's tooltip, and an entity per point cost each redraw a shape and an object.
        renderer.setDefaultCreateEntities(false);
        plot = new XYPlot(data, x, linearAxis(), renderer);
        chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        style(theme);
    }

    JFreeChart chart() {
        return chart;
    }

    /**
     * Records a point of the named curve, creating the curve with {@code colour} (and a dashed
     * line when asked). Nothing is drawn until {@link #redraw()}.
     */
    void add(String name, double x, double y, Color colour, boolean dashed, float width) {
        Trace s = series.get(name);
        if (s == null) {
            s = new Trace(new XYSeries(name, false, true));
            series.put(name, s);
            unattached.add(new Style(s, colour, dashed, width));
            colours.put(name, colour);
        }
        s.add(x, y);
    }

    /** Whether points or marks were recorded since the last redraw. */
    boolean hasPending() {
        if (!unattached.isEmpty() || !marks.isEmpty()) {
            return true;
        }
        for (Trace t : series.values()) {
            if (t.hasPending()) {
                return true;
            }
        }
        return false;
    }

    /** Draws what was recorded since the last redraw, in one redraw of the chart. */
    void redraw() {
        batch(() -> {
            for (Style st : unattached) {
                attach(st);
            }
            unattached.clear();
            marks.forEach(this::addMarker);
            marks.clear();
        });
    }

    private void attach(Style st) {
        data.addSeries(st.trace().shown());
        int i = data.getSeriesIndex(st.trace().shown().getKey());
        renderer.setSeriesPaint(i, st.colour());
        renderer.setSeriesStroke(i, ChartStyle.line(st.dashed()
                ? new BasicStroke(st.width(), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f, new float[] {6f, 4f}, 0f)
                : new BasicStroke(st.width(), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND)));
        renderer.setSeriesShape(i, new java.awt.geom.Ellipse2D.Double(-2.5, -2.5, 5, 5));
        renderer.setSeriesShapesVisible(i, shapes);
    }

    /** Gives a curve another colour (a new theme); curves not drawn yet take it when they are. */
    void recolour(String name, Color colour) {
        Trace t = series.get(name);
        if (t == null) {
            return;
        }
        colours.put(name, colour);
        unattached.replaceAll(st -> st.trace() == t ? new Style(t, colour, st.dashed(), st.width()) : st);
        synchronized (chart) {
            int i = data.getSeriesIndex(t.shown().getKey());
            if (i >= 0) {
                renderer.setSeriesPaint(i, colour);
            }
        }
    }

    /** The colour of the named curve, or null when there is no such curve. */
    Color colourOf(String name) {
        return colours.get(name);
    }

    /** A curve's look, applied when it is first drawn. */
    private record Style(Trace trace, Color colour, boolean dashed, float width) {
    }

    /** Records where a training stage begins (stacked pretraining), drawn at the next redraw. */
    void mark(double x, String label) {
        marks.add(new Mark(x, label));
    }

    private record Mark(double x, String label) {
    }

    /**
     * Rows a stage label may take, from the plot's top; each stage's label goes one row lower than
     * the one before, so labels of stages a few epochs apart never print over each other.
     */
    static final int LABEL_ROWS = 6;
    private static final double LABEL_ROW_HEIGHT = 14;
    private int marked;

    private void addMarker(Mark mark) {
        double x = mark.x();
        String label = mark.label();
        ValueMarker m = new ValueMarker(x);
        m.setLabelOffset(new RectangleInsets(3 + LABEL_ROW_HEIGHT * (marked++ % LABEL_ROWS), 3, 0, 0));
        m.setPaint(ChartStyle.alpha(theme.chartMuted(), 160));
        m.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {3f, 3f}, 0f));
        m.setLabel(label);
        m.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        m.setLabelPaint(theme.chartMuted());
        m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        plot.addDomainMarker(m);
    }

    /** Points drawn, over all curves. */
    int totalPoints() {
        int n = 0;
        for (Trace s : series.values()) {
            n += s.shown().getItemCount();
        }
        return n;
    }

    /**
     * Runs {@code edits} with notifications off and redraws once. Edits hold the chart's monitor:
     * the view draws it on another thread
     * ({@link org.aeworkbench.ui.common.ChartImageView}).
     */
    private void batch(Runnable edits) {
        synchronized (chart) {
            chart.setNotify(false);
            try {
                edits.run();
                for (Trace s : series.values()) {
                    s.publish(POINTS_SHOWN, log);
                    s.shown().fireSeriesChanged();
                }
            } finally {
                chart.setNotify(drawing);
            }
        }
    }

    /** While hidden the chart keeps its data but does not redraw; showing it redraws once. */
    void setDrawing(boolean on) {
        drawing = on;
        synchronized (chart) {
            chart.setNotify(on);
        }
    }

    /**
     * Forgets every curve and mark. A chart with none is left alone: each redraw of a shown chart
     * is a full repaint on the FX thread, and every fresh run clears the charts as it starts, the
     * first one of a window while they are still empty.
     */
    void clear() {
        if (series.isEmpty() && marks.isEmpty() && marked == 0) {
            return;
        }
        batch(() -> {
            data.removeAllSeries();
            series.clear();
            colours.clear();
            unattached.clear();
            marks.clear();
            marked = 0;
            plot.clearDomainMarkers();
            // A zoom into the last run's curves would hide the next run's.
            plot.getDomainAxis().setAutoRange(true);
            plot.getRangeAxis().setAutoRange(true);
        });
    }

    void setLog(boolean on) {
        if (on == log) {
            return;
        }
        log = on;
        batch(() -> {
            series.values().forEach(Trace::invalidate);
            plot.setRangeAxis(on ? logAxis() : linearAxis());
            ChartStyle.axis(plot.getRangeAxis(), theme);
        });
    }

    void style(Theme t) {
        theme = t;
        synchronized (chart) {
            ChartStyle.apply(chart, t);
        }
    }

    private ValueAxis linearAxis() {
        NumberAxis y = new NumberAxis(axisLabel);
        y.setAutoRangeIncludesZero(false);
        return y;
    }

    private ValueAxis logAxis() {
        LogAxis y = new LogAxis(axisLabel + " (log scale)");
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
