package org.aeworkbench.ui.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import javafx.scene.Node;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import org.aeworkbench.ui.common.ChartStyle;
import org.aeworkbench.ui.common.Colours;
import org.aeworkbench.ui.common.Theme;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A 2-D scatter of codes coloured by class with a legend, drawn by JFreeChart as small dots (one
 * series per class, so thousands of points draw in a few milliseconds), with an overlay series
 * for paths and picked points. Hovering shows a card (the sample's image) next to the nearest
 * point; clicking reports the nearest point, or the clicked position on the plane.
 */
public final class ScatterPlot extends StackPane {

    /** Pointer distance, in pixels, within which a point counts as hovered or clicked. */
    private static final double PICK_RADIUS = 8;

    private final XYSeriesCollection points = new XYSeriesCollection();
    private final XYSeriesCollection overlay = new XYSeriesCollection();
    private final DotRenderer dots = new DotRenderer(4.5);
    private final XYLineAndShapeRenderer overlayRenderer = new XYLineAndShapeRenderer(true, true);
    private final XYPlot plot;
    private final JFreeChart chart;
    private final ChartViewer viewer;
    private final TextTitle note = new TextTitle("");
    private final Pane hoverLayer = new Pane();

    private float[] xy = new float[0];
    private int n;
    private IntFunction<Node> hoverCard;
    private IntConsumer onPointClicked;
    private BiConsumer<Double, Double> onPlaneClicked;
    private Node shownCard;
    private int hovered = -1;
    private Theme theme = Theme.LIGHT;

    public ScatterPlot(String title) {
        NumberAxis x = new NumberAxis("z1");
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = new NumberAxis("z2");
        y.setAutoRangeIncludesZero(false);
        plot = new XYPlot(points, x, y, dots);
        plot.setDataset(1, overlay);
        plot.setRenderer(1, overlayRenderer);
        plot.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.FORWARD);
        chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.addSubtitle(note);
        viewer = new ChartViewer(chart);
        viewer.getCanvas().setTooltipEnabled(false);
        hoverLayer.setMouseTransparent(true);
        hoverLayer.setPickOnBounds(false);
        getChildren().addAll(viewer, hoverLayer);
        getStyleClass().add("scatter-plot");
        viewer.getCanvas().addEventHandler(MouseEvent.MOUSE_MOVED, this::hover);
        viewer.getCanvas().addEventHandler(MouseEvent.MOUSE_EXITED, e -> hideCard());
        viewer.getCanvas().addEventHandler(MouseEvent.MOUSE_CLICKED, this::click);
        style(Theme.LIGHT);
    }

    public JFreeChart chart() {
        return chart;
    }

    /** Points currently drawn (the test and the chart's note read this). */
    public int pointCount() {
        return n;
    }

    public void setHoverCard(IntFunction<Node> card) {
        this.hoverCard = card;
    }

    public void setOnPointClicked(IntConsumer action) {
        this.onPointClicked = action;
    }

    /** Clicks away from any point report the plane position (data coordinates). */
    public void setOnPlaneClicked(BiConsumer<Double, Double> action) {
        this.onPlaneClicked = action;
    }

    /**
     * Replaces the points.
     *
     * @param coords     n x 2 row-major
     * @param labels     class per point, or null
     * @param classNames legend names by class index (may be empty)
     * @param noteText   a line under the title, e.g. the display sampling
     */
    public void setPoints(float[] coords, int count, int[] labels, List<String> classNames, String xLabel,
                          String yLabel, String noteText) {
        this.xy = coords;
        this.n = count;
        chart.setNotify(false);
        try {
            points.removeAllSeries();
            int classes = labels == null ? 1 : Math.max(1, classNames.size());
            if (labels != null) {
                for (int i = 0; i < count; i++) {
                    classes = Math.max(classes, labels[i] + 1);
                }
            }
            XYSeries[] series = new XYSeries[classes];
            for (int c = 0; c < classes; c++) {
                String name = labels == null ? "samples" : c < classNames.size() ? classNames.get(c) : Integer.toString(c);
                series[c] = new XYSeries(name, false, true);
            }
            for (int i = 0; i < count; i++) {
                series[labels == null ? 0 : labels[i]].add(coords[2 * i], coords[2 * i + 1], false);
            }
            for (int c = 0; c < classes; c++) {
                series[c].fireSeriesChanged();
                points.addSeries(series[c]);
                dots.setSeriesPaint(c, ChartStyle.alpha(Colours.forClass(c, classes, theme), 190));
            }
            plot.getDomainAxis().setLabel(xLabel);
            plot.getRangeAxis().setLabel(yLabel);
            note.setText(noteText);
        } finally {
            chart.setNotify(true);
        }
    }

    /** Draws a path (an interpolation) and its end points over the scatter; null clears it. */
    public void setPath(float[] path, int m, Color colour) {
        setOverlay(path, m, colour, true);
    }

    /** Draws points over the scatter (a grid or samples that were decoded), without joining them. */
    public void setMarks(float[] points, int m, Color colour) {
        setOverlay(points, m, colour, false);
    }

    private void setOverlay(float[] path, int m, Color colour, boolean lines) {
        chart.setNotify(false);
        try {
            overlay.removeAllSeries();
            if (path != null && m > 0) {
                XYSeries s = new XYSeries("path", false, true);
                for (int i = 0; i < m; i++) {
                    s.add(path[2 * i], path[2 * i + 1], false);
                }
                s.fireSeriesChanged();
                overlay.addSeries(s);
                overlayRenderer.setSeriesPaint(0, colour);
                overlayRenderer.setSeriesStroke(0, new BasicStroke(2f));
                overlayRenderer.setSeriesShape(0, lines ? new Ellipse2D.Double(-4, -4, 8, 8) : new Ellipse2D.Double(-3, -3, 6, 6));
                overlayRenderer.setSeriesLinesVisible(0, lines);
                overlayRenderer.setSeriesVisibleInLegend(0, false);
            }
        } finally {
            chart.setNotify(true);
        }
    }

    /** Marks one point (the selection) with a ring. */
    public void mark(float x, float y, Color colour) {
        setPath(new float[] {x, y}, 1, colour);
    }

    /** Removes the path, marks and selection drawn over the scatter. */
    public void clearMarks() {
        setOverlay(null, 0, null, false);
    }

    public void setTitle(String title) {
        chart.setTitle(title);
    }

    public void style(Theme t) {
        theme = t;
        ChartStyle.apply(chart, t);
        int classes = points.getSeriesCount();
        for (int c = 0; c < classes; c++) {
            dots.setSeriesPaint(c, ChartStyle.alpha(Colours.forClass(c, classes, t), 190));
        }
    }

    /** The index of the point nearest to a canvas position within the pick radius, or -1. */
    int nearest(double px, double py) {
        Rectangle2D area = dataArea();
        if (area == null || n == 0) {
            return -1;
        }
        RectangleEdge xe = plot.getDomainAxisEdge();
        RectangleEdge ye = plot.getRangeAxisEdge();
        double best = PICK_RADIUS * PICK_RADIUS;
        int found = -1;
        for (int i = 0; i < n; i++) {
            double sx = plot.getDomainAxis().valueToJava2D(xy[2 * i], area, xe);
            double sy = plot.getRangeAxis().valueToJava2D(xy[2 * i + 1], area, ye);
            double d = (sx - px) * (sx - px) + (sy - py) * (sy - py);
            if (d < best) {
                best = d;
                found = i;
            }
        }
        return found;
    }

    /** Data coordinates of a canvas position, or null outside the plot. */
    double[] toData(double px, double py) {
        Rectangle2D area = dataArea();
        if (area == null || !area.contains(px, py)) {
            return null;
        }
        return new double[] {plot.getDomainAxis().java2DToValue(px, area, plot.getDomainAxisEdge()),
            plot.getRangeAxis().java2DToValue(py, area, plot.getRangeAxisEdge())};
    }

    /** Canvas position of a data point (for tests that click on a point). */
    public double[] toScreen(double x, double y) {
        Rectangle2D area = dataArea();
        if (area == null) {
            return null;
        }
        double sx = plot.getDomainAxis().valueToJava2D(x, area, plot.getDomainAxisEdge());
        double sy = plot.getRangeAxis().valueToJava2D(y, area, plot.getRangeAxisEdge());
        javafx.geometry.Point2D p = viewer.getCanvas().localToScreen(sx, sy);
        return p == null ? null : new double[] {p.getX(), p.getY()};
    }

    public float[] coordinates() {
        return xy;
    }

    private Rectangle2D dataArea() {
        var info = viewer.getCanvas().getRenderingInfo();
        return info == null || info.getPlotInfo() == null ? null : info.getPlotInfo().getDataArea();
    }

    private void hover(MouseEvent e) {
        if (hoverCard == null) {
            return;
        }
        int i = nearest(e.getX(), e.getY());
        if (i < 0) {
            hideCard();
            return;
        }
        if (i != hovered) {
            hideCard();
            hovered = i;
            shownCard = hoverCard.apply(i);
            if (shownCard != null) {
                shownCard.setManaged(false);
                hoverLayer.getChildren().add(shownCard);
                shownCard.applyCss();
                shownCard.autosize();
            }
        }
        if (shownCard != null) {
            double w = shownCard.getLayoutBounds().getWidth();
            double h = shownCard.getLayoutBounds().getHeight();
            double x = e.getX() + 14 + w > getWidth() ? e.getX() - 14 - w : e.getX() + 14;
            double y = Math.max(0, Math.min(getHeight() - h, e.getY() - h / 2));
            shownCard.relocate(x, y);
        }
    }

    private void hideCard() {
        hoverLayer.getChildren().clear();
        shownCard = null;
        hovered = -1;
    }

    private void click(MouseEvent e) {
        if (e.getClickCount() != 1 || !e.isStillSincePress()) {
            return;
        }
        int i = nearest(e.getX(), e.getY());
        if (i >= 0 && onPointClicked != null) {
            onPointClicked.accept(i);
        } else if (onPlaneClicked != null) {
            double[] d = toData(e.getX(), e.getY());
            if (d != null) {
                onPlaneClicked.accept(d[0], d[1]);
            }
        }
    }

    /** The note under a scatter: how many of the samples it shows, and which ones. */
    public static String count(int shown, int total, boolean validation) {
        return shown == total ? String.format(Locale.ROOT, "%,d samples", total)
                : validation ? String.format(Locale.ROOT, "showing %,d validation samples of %,d", shown, total)
                : String.format(Locale.ROOT, "showing %,d of %,d samples (a random display sample)", shown, total);
    }
}
