package org.aeworkbench.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.Locale;
import org.aeworkbench.analysis.CodeView;
import org.aeworkbench.analysis.Subsample;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.util.ShapeUtils;
import org.jfree.data.Range;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A scatter plot of 2-D codes, one colour per class with a legend: the picture of Hinton and
 * Salakhutdinov's Fig. 3 (Science 2006), autoencoder beside PCA. Built on JFreeChart's AWT core
 * so the UI can show the same object in a {@code ChartViewer} and the CLI can save it as a PNG.
 *
 * <p>Many thousands of points hide each other and slow drawing, so the chart draws at most
 * {@code maxPoints}, drawn at random with a fixed seed, and says so in its subtitle.
 */
public final class LatentScatterChart {

    /** Enough points to see every class's shape, few enough that each one stays visible. */
    public static final int DEFAULT_MAX_POINTS = 5000;

    private static final double DOT = 4.0;

    private LatentScatterChart() {
    }

    /** A chart of every point (up to {@link #DEFAULT_MAX_POINTS}), sampled with seed 0. */
    public static JFreeChart create(String title, CodeView view, int[] labels, List<String> classNames) {
        return create(title, view, labels, classNames, DEFAULT_MAX_POINTS, 0);
    }

    /**
     * @param view       the points and axis titles
     * @param labels     one class index per point, or null for unlabelled data (one colour)
     * @param classNames legend text per class index; missing names read "class i"
     * @param maxPoints  draw at most this many points
     * @param seed       picks which points are drawn when there are more than {@code maxPoints}
     */
    public static JFreeChart create(String title, CodeView view, int[] labels, List<String> classNames,
                                    int maxPoints, long seed) {
        int n = view.n();
        if (labels != null && labels.length != n) {
            throw new IllegalArgumentException(title + ": " + labels.length + " labels for " + n + " points");
        }
        if (maxPoints < 1) {
            throw new IllegalArgumentException(title + ": the point limit must be at least 1, got " + maxPoints);
        }
        int classes = classCount(labels, classNames);
        XYSeriesCollection data = new XYSeriesCollection();
        XYSeries[] series = new XYSeries[classes];
        for (int c = 0; c < classes; c++) {
            String name = labels == null ? "samples" : c < classNames.size() ? classNames.get(c) : "class " + c;
            // autoSort off: points keep their order; duplicates allowed: codes can coincide.
            series[c] = new XYSeries(name, false, true);
            data.addSeries(series[c]);
        }
        float[] points = view.points();
        int[] drawn = Subsample.indices(n, maxPoints, seed);
        for (int i : drawn) {
            series[labels == null ? 0 : labels[i]].add(points[2 * i], points[2 * i + 1], false);
        }

        JFreeChart chart = ChartFactory.createScatterPlot(title, view.xLabel(), view.yLabel(), data,
                PlotOrientation.VERTICAL, true, false, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        if (drawn.length < n) {
            chart.addSubtitle(new TextTitle(String.format(Locale.ROOT,
                    "%,d of %,d points, drawn at random (seed %d)", drawn.length, n, seed),
                    new Font(Font.SANS_SERIF, Font.PLAIN, 11)));
        }
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xE0E0E0));
        plot.setRangeGridlinePaint(new Color(0xE0E0E0));
        plot.setOutlinePaint(new Color(0xB0B0B0));
        ((NumberAxis) plot.getDomainAxis()).setAutoRangeIncludesZero(false);
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);

        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        renderer.setDrawOutlines(false);
        renderer.setDefaultStroke(new BasicStroke(1f));
        for (int c = 0; c < classes; c++) {
            renderer.setSeriesPaint(c, ClassPalette.colour(c, classes));
            renderer.setSeriesShape(c, marker(c / ClassPalette.forClasses(classes).size(), DOT));
            renderer.setLegendShape(c, marker(c / ClassPalette.forClasses(classes).size(), 3 * DOT));
        }
        plot.setRenderer(renderer);
        return chart;
    }

    /**
     * Gives every chart the union of their axis ranges, so scatters shown side by side (PCA
     * aligned onto the autoencoder by Procrustes, say) are read on one scale.
     */
    public static void shareAxisRanges(JFreeChart... charts) {
        Range x = null;
        Range y = null;
        for (JFreeChart chart : charts) {
            x = Range.combine(x, chart.getXYPlot().getDomainAxis().getRange());
            y = Range.combine(y, chart.getXYPlot().getRangeAxis().getRange());
        }
        for (JFreeChart chart : charts) {
            setRange(chart.getXYPlot().getDomainAxis(), x);
            setRange(chart.getXYPlot().getRangeAxis(), y);
        }
    }

    private static void setRange(ValueAxis axis, Range range) {
        if (range != null) {
            axis.setRange(range);
        }
    }

    private static int classCount(int[] labels, List<String> classNames) {
        if (labels == null) {
            return 1;
        }
        int max = classNames.size() - 1;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0) {
                throw new IllegalArgumentException("point " + i + " has the negative label " + labels[i]);
            }
            max = Math.max(max, labels[i]);
        }
        return max + 1;
    }

    /** A dot for the first ten classes, then squares, triangles and diamonds for each repeat of the colours. */
    private static Shape marker(int repeat, double size) {
        double h = size / 2;
        return switch (repeat % 4) {
            case 0 -> new Ellipse2D.Double(-h, -h, size, size);
            case 1 -> new Rectangle2D.Double(-h, -h, size, size);
            case 2 -> ShapeUtils.createUpTriangle((float) h);
            default -> ShapeUtils.createDiamond((float) h);
        };
    }
}
