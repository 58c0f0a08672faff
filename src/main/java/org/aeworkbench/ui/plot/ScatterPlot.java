package org.aeworkbench.ui.plot;

import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.ImageView;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import org.aeworkbench.ui.common.ChartStyle;
import org.aeworkbench.ui.common.Colours;
import org.aeworkbench.ui.common.LatestOnly;
import org.aeworkbench.ui.common.TexturePrimer;
import org.aeworkbench.ui.common.Theme;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.event.ChartProgressEvent;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYDotRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.DefaultXYDataset;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.fx.FXHints;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A 2-D scatter of codes coloured by class, with a legend, for tens of thousands of points.
 *
 * <p>JFreeChart draws the frame: title, note, axes, grid and legend, from an empty data set with
 * the axes' ranges set from the points, on the chart's canvas or, while a run goes, into an image
 * off the FX thread ({@link FrameImage}). The points themselves are splatted as small discs into a
 * pixel buffer ({@link PointRaster}, put in a {@link LayerImage} laid over the chart's data
 * area; drawn on the FX thread, or {@link #setDrawsInBackground in the background}), blended over each other,
 * which costs a few array writes per point where drawing each as a shape costs microseconds:
 * 10,000 points drew in 28 ms as shapes. Paths and marks are drawn on a canvas above the points.
 * Hover and click find the nearest point through a grid of cells as wide as the pick radius
 * ({@link PointGrid}), rebuilt at each redraw, so a pointer move looks at a few points, not all.
 */
public final class ScatterPlot extends StackPane {

    private static final Logger LOG = LoggerFactory.getLogger(ScatterPlot.class);

    /**
     * Above this many points, new points (and the frame they change) are drawn in the background even
     * with no run going: both scatters get every sample, up to 60,000, as a run ends, and drawing them
     * at once was one cause of the FX thread's 57-107 ms stalls seen then (13.5 ms per 60,000-point
     * redraw, measured apart). Zooms, pans and
     * resizes still draw at once, so the points never trail the axes while the pointer moves them.
     */
    public static final int DRAWN_AT_ONCE_MAX = 10_000;
    /** Pointer distance, in pixels, within which a point counts as hovered or clicked. */
    private static final double PICK_RADIUS = 8;
    /** Opacity of a disc: overlapping points read as denser. */
    private static final int ALPHA = 190;
    /** Opacity of a backdrop disc: the prior's draws stay behind the codes without hiding them. */
    private static final int BACKDROP_ALPHA = 70;

    private final XYPlot plot;
    private final JFreeChart chart;
    private final ChartViewer viewer;
    private final TextTitle note = new TextTitle("");
    /** The frame drawn in the background while a run goes ({@link FrameImage}), over the chart's own canvas. */
    private final ImageView frameLayer = new ImageView();
    private final ImageView pointLayer = new ImageView();
    private final Canvas markLayer = new Canvas();
    private final Pane hoverLayer = new Pane();
    /** Draws the points' pixels of every scatter that draws in the background, one job at a time. */
    private static final java.util.concurrent.ExecutorService PIXELS = LatestOnly.thread("scatter-pixels");

    private float[] xy = new float[0];
    private int n;
    private int[] labels;
    private int[] classArgb = new int[0];
    private float[] overlay;
    private int overlayCount;
    private Color overlayColour;
    private boolean overlayLines;
    private float[] backdrop = new float[0];
    private int backdropCount;
    private String backdropName = "";

    /**
     * Draw each new layer image once, out of sight, so that its texture is made before a run
     * ({@link LayerImage}). One per layer: a primer draws one image a pulse, and both layers may
     * make theirs in the same one.
     */
    private final TexturePrimer pointPrimer = new TexturePrimer();
    private final TexturePrimer framePrimer = new TexturePrimer();
    private final LayerImage pointImage = new LayerImage(pointLayer, pointPrimer);
    private final LayerImage frameImage = new LayerImage(frameLayer, framePrimer);
    /** The points' pixels on screen, their positions and hover grid, or null before the first draw. */
    private PointRaster shown;
    /** The contents, area and ranges {@link #shown} was drawn for. */
    private long shownVersion = -1;
    private Rectangle2D shownArea;
    private Rectangle2D drawnArea;
    private long drawnVersion = -1;
    private long version;
    private boolean inBackground;
    /** The pixel jobs: one overtaken by a newer draw, in the background or here, is skipped or dropped. */
    private final LatestOnly draws = new LatestOnly(PIXELS);
    /** The frame jobs: only the newest frame is shown, and none once the chart's canvas has drawn. */
    private final LatestOnly frames = new LatestOnly(PIXELS);
    /** Where the frame on {@link #frameLayer} put its data area, or null while the canvas shows the frame. */
    private org.jfree.chart.ChartRenderingInfo frameInfo;
    /** A frame is being drawn in the background: the points wait for its data area. */
    private boolean framePending;

    private IntFunction<Node> hoverCard;
    private IntConsumer onPointClicked;
    private BiConsumer<Double, Double> onPlaneClicked;
    private Node shownCard;
    private int hovered = -1;
    private Theme theme = Theme.LIGHT;
    private long lastRedrawNanos;
    private long lastShowNanos;

    public ScatterPlot(String title) {
        NumberAxis x = new NumberAxis("z1");
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = new NumberAxis("z2");
        y.setAutoRangeIncludesZero(false);
        plot = new XYPlot(new XYSeriesCollection(), x, y, new XYDotRenderer());
        plot.setFixedLegendItems(new LegendItemCollection());
        chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.addSubtitle(note);
        // The canvas lays text out by Java2D's metrics, as FrameImage does: a frame drawn in the
        // background has its data area where the canvas has it, so nothing moves when one replaces the other.
        chart.getRenderingHints().put(FXHints.KEY_USE_FX_FONT_METRICS, Boolean.FALSE);
        viewer = new ChartViewer(chart);
        viewer.getCanvas().setTooltipEnabled(false);
        for (Node layer : List.of(frameLayer, pointLayer, markLayer)) {
            layer.setManaged(false);
            layer.setMouseTransparent(true);
        }
        hoverLayer.setMouseTransparent(true);
        hoverLayer.setPickOnBounds(false);
        frameLayer.setVisible(false);
        // While a frame drawn in the background covers the chart's canvas, the renderer skips the
        // canvas (fully transparent nodes are not painted) but it still takes the pointer: the
        // software renderer painted the stale canvas under every new frame.
        viewer.getCanvas().opacityProperty().bind(
                javafx.beans.binding.Bindings.when(frameLayer.visibleProperty()).then(0.0).otherwise(1.0));
        frameLayer.getStyleClass().add("scatter-frame");
        pointLayer.getStyleClass().add("scatter-points");
        markLayer.getStyleClass().add("scatter-marks");
        getChildren().addAll(viewer, frameLayer, pointLayer, markLayer, hoverLayer, pointPrimer.node(), framePrimer.node());
        getStyleClass().add("scatter-plot");
        viewer.getCanvas().addEventHandler(MouseEvent.MOUSE_MOVED, this::hover);
        viewer.getCanvas().addEventHandler(MouseEvent.MOUSE_EXITED, e -> hideCard());
        viewer.getCanvas().addEventHandler(MouseEvent.MOUSE_CLICKED, this::click);
        viewer.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> canvasTakesOver());
        viewer.addEventFilter(javafx.scene.input.ScrollEvent.SCROLL, e -> canvasTakesOver());
        // The canvas redraws the chart on resizes and changes; the layers follow its data area, and
        // a frame drawn in the background before it is out of date.
        chart.addProgressListener(e -> {
            if (e.getType() == ChartProgressEvent.DRAWING_FINISHED) {
                frames.next();
                framePending = false;
                frameInfo = null;
                frameLayer.setVisible(false);
                prepareFrameImage();
                drawLayers(false);
            }
        });
        style(Theme.LIGHT);
        warmFrameDrawing(chart);
    }

    private static final java.util.concurrent.atomic.AtomicBoolean WARMED = new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * Copies the first scatter's chart and draws the copy on the pixel thread, once per JVM, as the
     * window is built: the first copy loaded JFreeChart's clone classes on the FX thread at a run's
     * first live update (seen in the stack samples of a JVM's first run), and the first draw runs
     * Java2D's text code cold.
     *
     * <p>Then, on that thread, it copies the copy with a legend of ten classes {@value #REFLECTIVE_CALLS}
     * times. JFreeChart clones a legend's shapes and collections through reflection, and Java 17
     * generates a class for a reflected method on its 16th call; with the copies of a run's live
     * frames counting towards it, the FX thread generated three of them at a JVM's first epoch end
     * (a flight recording of a first run, docs/performance.md, round twenty-three).
     */
    private static void warmFrameDrawing(JFreeChart chart) {
        if (WARMED.compareAndSet(false, true)) {
            JFreeChart copy = FrameImage.copyOf(chart);
            PIXELS.execute(() -> {
                FrameImage.draw(copy, 320, 240, 1);
                LegendItemCollection classes = new LegendItemCollection();
                for (int c = 0; c < 10; c++) {
                    classes.add(dot(Integer.toString(c), Colours.forClass(c, 10, Theme.LIGHT)));
                }
                copy.getXYPlot().setFixedLegendItems(classes);
                for (int i = 0; i < REFLECTIVE_CALLS; i++) {
                    FrameImage.copyOf(copy);
                }
            });
        }
    }

    /** More than the calls after which Java 17 generates a reflected method's accessor class (15, {@code sun.reflect.inflationThreshold}). */
    static final int REFLECTIVE_CALLS = 20;

    public JFreeChart chart() {
        return chart;
    }

    /**
     * The chart as a file should show it: a copy of the frame with the points drawn by JFreeChart
     * itself (on screen they are splatted into a layer the chart does not know), coloured by class
     * as on screen, and without the selection, path or marks of the moment.
     */
    public JFreeChart forExport() {
        JFreeChart copy = FrameImage.copyOf(chart);
        int classes = Math.max(1, classArgb.length);
        int[] perClass = new int[classes];
        for (int i = 0; i < n; i++) {
            if (Float.isFinite(xy[2 * i]) && Float.isFinite(xy[2 * i + 1])) {
                perClass[classOf(i, classes)]++;
            }
        }
        double[][][] series = new double[classes][][];
        for (int c = 0; c < classes; c++) {
            series[c] = new double[2][perClass[c]];
        }
        int[] filled = new int[classes];
        for (int i = 0; i < n; i++) {
            if (Float.isFinite(xy[2 * i]) && Float.isFinite(xy[2 * i + 1])) {
                int c = classOf(i, classes);
                series[c][0][filled[c]] = xy[2 * i];
                series[c][1][filled[c]++] = xy[2 * i + 1];
            }
        }
        DefaultXYDataset points = new DefaultXYDataset();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        for (int c = 0; c < classes; c++) {
            points.addSeries(c, series[c]);
            renderer.setSeriesShape(c, new Ellipse2D.Double(-2.5, -2.5, 5, 5));
            renderer.setSeriesPaint(c, ChartStyle.alpha(Colours.forClass(c, classes, theme), ALPHA));
        }
        XYPlot p = copy.getXYPlot();
        p.setDataset(points);
        p.setRenderer(renderer);
        return copy;
    }

    private int classOf(int i, int classes) {
        return labels == null ? 0 : Math.min(Math.max(labels[i], 0), classes - 1);
    }

    /** Points currently drawn (the test and the chart's note read this). */
    public int pointCount() {
        return n;
    }

    /** FX-thread nanoseconds of the last redraw of the points (splat, pixel upload, grid), for measurements. */
    public long lastRedrawNanos() {
        return lastRedrawNanos;
    }

    /** FX-thread nanoseconds of the last upload of drawn points' pixels (within a redraw, or when they come from the background). */
    public long lastShowNanos() {
        return lastShowNanos;
    }

    /** Whether the points on screen are the newest set (drawn in the background, they come later). */
    public boolean pointsShown() {
        return shownVersion == version;
    }

    /**
     * Whether the points' pixels, and the frame when it changes ({@link FrameImage}), are drawn on a
     * background thread and put on screen when done (the FX thread then only copies the chart and
     * uploads pixels): for a scatter redrawn live while training holds the cores, where the point
     * layer of 10,000 points (splat, upload, hover grid) took the FX thread 0.3-14 ms per plot and
     * a frame 4-10 ms more. Hover and click find points once the new pixels are shown.
     */
    public void setDrawsInBackground(boolean on) {
        inBackground = on;
        // A frame drawn in the background stays on screen after the run: the canvas under it
        // redraws at the next change, resize or press on the chart (a zoom), not all at once as a run ends.
    }

    /**
     * Runs {@code updates} (new points, backdrop) with their drawing done in the background, as
     * while a run goes, whatever {@link #setDrawsInBackground the mode}: for updates a run left
     * behind, placed in the background and arriving after it ended, which the FX thread would
     * otherwise splat and frame at once (the last live update of two 10,000-point plots, as the
     * run ends). Zooms, pans and resizes afterwards draw as the mode says.
     */
    public void drawInBackground(Runnable updates) {
        boolean mode = inBackground;
        inBackground = true;
        try {
            updates.run();
        } finally {
            inBackground = mode;
        }
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
     * @param noteText   a line under the title saying which points are shown
     */
    public void setPoints(float[] coords, int count, int[] labels, List<String> classNames, String xLabel,
                          String yLabel, String noteText) {
        this.xy = coords;
        this.n = count;
        this.labels = labels;
        int classes = labels == null ? 1 : Math.max(1, classNames.size());
        if (labels != null) {
            for (int i = 0; i < count; i++) {
                classes = Math.max(classes, labels[i] + 1);
            }
        }
        List<String> legendNames = new java.util.ArrayList<>();
        classArgb = new int[classes];
        for (int c = 0; c < classes; c++) {
            classArgb[c] = premultiplied(Colours.forClass(c, classes, theme), ALPHA);
            if (count > 0) {
                legendNames.add(labels == null ? "samples" : c < classNames.size() ? classNames.get(c) : Integer.toString(c));
            }
        }
        version++;
        // Live updates mostly move the points within the same frame: the chart (title, axes,
        // legend) is redrawn only when something on it changes, and the points' layer alone otherwise.
        boolean frame = !legendNames.equals(this.legendNames) || !xLabel.equals(plot.getDomainAxis().getLabel())
                || !yLabel.equals(plot.getRangeAxis().getLabel()) || !noteText.equals(note.getText()) || rangesNeedFitting();
        boolean behind = inBackground || count > DRAWN_AT_ONCE_MAX;
        if (frame) {
            this.legendNames = legendNames;
            changeFrame(() -> {
                plot.setFixedLegendItems(legend(legendNames));
                plot.getDomainAxis().setLabel(xLabel);
                plot.getRangeAxis().setLabel(yLabel);
                note.setText(noteText);
                fitRanges();
            }, behind);
        }
        drawLayers(false, behind);
    }

    private List<String> legendNames = List.of();

    private LegendItemCollection legend(List<String> names) {
        LegendItemCollection legend = new LegendItemCollection();
        for (int c = 0; c < names.size(); c++) {
            legend.add(dot(names.get(c), ChartStyle.alpha(Colours.forClass(c, classArgb.length, theme), ALPHA)));
        }
        if (backdropCount > 0) {
            legend.add(dot(backdropName, ChartStyle.alpha(theme.chartMuted(), 2 * BACKDROP_ALPHA)));
        }
        return legend;
    }

    /** A legend entry: a dot of the points' colour. */
    private static LegendItem dot(String name, Color colour) {
        return new LegendItem(name, null, null, null, new Ellipse2D.Double(-3, -3, 6, 6), colour);
    }

    /**
     * Draws points behind the scatter in one muted colour (draws of the prior the codes are fitted
     * to), named {@code name} in the legend; null clears them. The frame holds them as it holds the
     * codes, so codes filling the prior's shape are seen against all of it. The same draws again
     * (a live update, a replay frame) change nothing.
     */
    public void setBackdrop(float[] points, int m, String name) {
        float[] next = points == null || m <= 0 ? new float[0] : java.util.Arrays.copyOf(points, 2 * m);
        if (java.util.Arrays.equals(next, backdrop) && name.equals(backdropName)) {
            return;
        }
        backdrop = next;
        backdropCount = next.length / 2;
        backdropName = name;
        version++;
        changeFrame(() -> {
            plot.setFixedLegendItems(legend(legendNames));
            if (rangesNeedFitting()) {
                fitRanges();
            }
        });
        drawLayers(false);
    }

    /** Points drawn behind the scatter (tests read this). */
    public int backdropCount() {
        return backdropCount;
    }

    /**
     * Whether the axes must change: the points or the overlay left the current ranges, or fill
     * less than half of them (hysteresis, so codes that drift a little keep their frame).
     */
    private boolean rangesNeedFitting() {
        double[] b = bounds();
        if (b == null) {
            return plot.getDomainAxis().getLowerBound() != 0 || plot.getDomainAxis().getUpperBound() != 1;
        }
        var x = plot.getDomainAxis().getRange();
        var y = plot.getRangeAxis().getRange();
        boolean inside = b[0] >= x.getLowerBound() && b[1] <= x.getUpperBound() && b[2] >= y.getLowerBound()
                && b[3] <= y.getUpperBound();
        boolean filled = b[1] - b[0] >= 0.5 * x.getLength() && b[3] - b[2] >= 0.5 * y.getLength();
        return !inside || !filled;
    }

    /** min x, max x, min y, max y of the finite points, overlay and backdrop, or null when there are none. */
    private double[] bounds() {
        double x0 = Double.POSITIVE_INFINITY;
        double x1 = Double.NEGATIVE_INFINITY;
        double y0 = Double.POSITIVE_INFINITY;
        double y1 = Double.NEGATIVE_INFINITY;
        for (int pass = 0; pass < 3; pass++) {
            float[] p = pass == 0 ? xy : pass == 1 ? overlay : backdrop;
            int m = pass == 0 ? n : pass == 1 ? overlayCount : backdropCount;
            for (int i = 0; i < m; i++) {
                float x = p[2 * i];
                float y = p[2 * i + 1];
                if (Float.isFinite(x) && Float.isFinite(y)) {
                    x0 = Math.min(x0, x);
                    x1 = Math.max(x1, x);
                    y0 = Math.min(y0, y);
                    y1 = Math.max(y1, y);
                }
            }
        }
        return x0 > x1 ? null : new double[] {x0, x1, y0, y1};
    }

    /**
     * Axis ranges that hold the points and the overlay, with 5% to spare on each side; 20% when
     * the points grew out of ranges they still fill (codes spreading while a model trains), so the
     * next updates of a live run fit the frame and only the points are redrawn: a redraw of the
     * chart's frame costs the FX thread another 4-10 ms at every update.
     */
    private void fitRanges() {
        double[] b = bounds();
        if (b == null) {
            plot.getDomainAxis().setRange(0, 1);
            plot.getRangeAxis().setRange(0, 1);
            return;
        }
        var x = plot.getDomainAxis().getRange();
        var y = plot.getRangeAxis().getRange();
        boolean outside = b[0] < x.getLowerBound() || b[1] > x.getUpperBound() || b[2] < y.getLowerBound()
                || b[3] > y.getUpperBound();
        boolean filled = b[1] - b[0] >= 0.5 * x.getLength() && b[3] - b[2] >= 0.5 * y.getLength();
        double spare = outside && filled ? 0.2 : 0.05;
        plot.getDomainAxis().setRange(padded(b[0], b[1], spare));
        plot.getRangeAxis().setRange(padded(b[2], b[3], spare));
    }

    private static org.jfree.data.Range padded(double lo, double hi, double spare) {
        double span = hi - lo;
        double pad = span > 0 ? spare * span : Math.max(1e-3, Math.abs(lo) * 0.05);
        return new org.jfree.data.Range(lo - pad, hi + pad);
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
        if (path == null && overlay == null) {
            return; // nothing drawn over the points, nothing to clear (a redraw of 10,000 points saved)
        }
        overlay = path == null ? null : path.clone();
        overlayCount = path == null ? 0 : m;
        overlayColour = colour;
        overlayLines = lines;
        version++;
        if (overlayCount > 0 && rangesNeedFitting() && bounds() != null) {
            double[] b = bounds();
            var x = plot.getDomainAxis().getRange();
            var y = plot.getRangeAxis().getRange();
            // A path or a mark outside the frame widens it; one inside never narrows it.
            if (b[0] < x.getLowerBound() || b[1] > x.getUpperBound() || b[2] < y.getLowerBound() || b[3] > y.getUpperBound()) {
                changeFrame(this::fitRanges);
            }
        }
        drawLayers(false);
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
        if (chart.getTitle() == null || !title.equals(chart.getTitle().getText())) {
            changeFrame(() -> chart.setTitle(title)); // the same title again redraws nothing (a view resetting itself)
        }
    }

    public void style(Theme t) {
        theme = t;
        changeFrame(() -> {
            ChartStyle.apply(chart, t);
            for (int c = 0; c < classArgb.length; c++) {
                classArgb[c] = premultiplied(Colours.forClass(c, classArgb.length, t), ALPHA);
            }
            plot.setFixedLegendItems(legend(legendNames));
        });
        version++;
        drawLayers(true);
    }

    /**
     * Changes the chart's frame and has it redrawn: by the chart's canvas, on the FX thread, or
     * while a run goes ({@link #setDrawsInBackground}) by {@link FrameImage} in the background,
     * shown over the canvas when done; the canvas then waits for a change after the run, a resize
     * or a press on the chart.
     */
    private void changeFrame(Runnable change) {
        changeFrame(change, inBackground);
    }

    private void changeFrame(Runnable change, boolean behind) {
        chart.setNotify(false);
        change.run();
        int w = canvasWidth();
        int h = canvasHeight();
        if (!behind || w < 1 || h < 1 || getScene() == null || getScene().getWindow() == null) {
            chart.setNotify(true);
            return;
        }
        JFreeChart copy = FrameImage.copyOf(chart);
        double scale = getScene().getWindow().getOutputScaleX();
        framePending = true;
        frames.run(() -> {
            try {
                return FrameImage.draw(copy, w, h, scale);
            } catch (RuntimeException e) {
                LOG.warn("a frame drawn in the background failed; the canvas draws it", e);
                return null;
            }
        }, this::showFrame);
    }

    /**
     * Lets the canvas draw the chart again after a run left a frame drawn in the background on
     * screen, before a zoom or a pan changes the chart under it.
     */
    private void canvasTakesOver() {
        if (!inBackground && !chart.isNotify()) {
            chart.setNotify(true);
        }
    }

    private int canvasWidth() {
        return (int) Math.round(viewer.getCanvas().getWidth());
    }

    private int canvasHeight() {
        return (int) Math.round(viewer.getCanvas().getHeight());
    }

    /** The frame layer's image, at the size frames drawn in the background will have, made at rest (hidden layer). */
    private void prepareFrameImage() {
        if (getScene() != null && getScene().getWindow() != null) {
            double scale = getScene().getWindow().getOutputScaleX();
            frameImage.prepare(FrameImage.pixels(canvasWidth(), scale), FrameImage.pixels(canvasHeight(), scale));
        }
    }

    /** Puts a frame drawn in the background on screen, over the canvas, and the points on its data area (FX thread). */
    private void showFrame(FrameImage frame) {
        framePending = false;
        var canvas = viewer.getCanvas();
        if (frame == null || frame.width != canvasWidth() || frame.height != canvasHeight()) {
            chart.setNotify(true); // failed, or resized meanwhile: the canvas draws it, at its size
            return;
        }
        frameImage.show(frame.pixels, frame.pixelWidth, frame.pixelHeight);
        frameLayer.setFitWidth(frame.width);
        frameLayer.setFitHeight(frame.height);
        Point2D at = sceneToLocal(canvas.localToScene(0, 0));
        if (at != null) {
            frameLayer.relocate(at.getX(), at.getY());
        }
        frameLayer.setVisible(true);
        frameInfo = frame.info;
        drawLayers(false, true); // the points that waited for this frame: in the background, as it was
    }

    /**
     * Splats the points into the pixel buffer over the chart's data area, draws the overlay and
     * rebuilds the hover grid, when the area or the contents changed since the last time.
     */
    private void drawLayers(boolean force) {
        drawLayers(force, inBackground);
    }

    private void drawLayers(boolean force, boolean behind) {
        if (framePending) {
            return; // the points go where the frame being drawn puts its data area
        }
        Rectangle2D area = dataArea();
        if (area == null || area.getWidth() < 1 || area.getHeight() < 1) {
            return;
        }
        if (!force && version == drawnVersion && area.equals(drawnArea) && rangesUnchanged()) {
            return;
        }
        long t0 = System.nanoTime();
        drawnArea = (Rectangle2D) area.clone();
        drawnVersion = version;
        rememberRanges();
        int w = (int) Math.ceil(area.getWidth());
        int h = (int) Math.ceil(area.getHeight());
        double xlo = plot.getDomainAxis().getLowerBound();
        double xs = area.getWidth() / (plot.getDomainAxis().getUpperBound() - xlo);
        double ylo = plot.getRangeAxis().getLowerBound();
        double ys = area.getHeight() / (plot.getRangeAxis().getUpperBound() - ylo);
        PointRaster.Job job = new PointRaster.Job(xy, n, labels, classArgb.clone(), backdrop, backdropCount,
                premultiplied(theme.chartMuted(), BACKDROP_ALPHA), w, h, xlo, xs, ylo, ys, PICK_RADIUS);
        long forVersion = version;
        boolean empty = n == 0 && backdropCount == 0;
        if (behind) {
            draws.run(job::draw, raster -> show(raster, forVersion, area, empty));
        } else {
            draws.next();
            show(job.draw(), forVersion, area, empty);
        }
        Point2D at = sceneToLocal(viewer.getCanvas().localToScene(area.getX(), area.getY()));
        if (at != null) {
            pointLayer.relocate(at.getX(), at.getY());
            markLayer.relocate(at.getX(), at.getY());
        }
        drawOverlay(w, h, xlo, xs, ylo, ys);
        lastRedrawNanos = System.nanoTime() - t0;
    }

    /**
     * Puts drawn pixels on screen (FX thread). Pixels of no point at all (a plot emptied as a run
     * starts) hide the layer instead: nothing to convert on this thread, nothing to paint.
     */
    private void show(PointRaster raster, long forVersion, Rectangle2D area, boolean empty) {
        long t0 = System.nanoTime();
        pointLayer.setVisible(!empty);
        if (empty) {
            pointImage.prepare(raster.width, raster.height); // for the points a run will bring
        } else {
            pointImage.show(raster.pixels, raster.width, raster.height);
        }
        shown = raster;
        shownVersion = forVersion;
        shownArea = area;
        lastShowNanos = System.nanoTime() - t0;
    }

    private double[] ranges = new double[4];

    private boolean rangesUnchanged() {
        return ranges[0] == plot.getDomainAxis().getLowerBound() && ranges[1] == plot.getDomainAxis().getUpperBound()
                && ranges[2] == plot.getRangeAxis().getLowerBound() && ranges[3] == plot.getRangeAxis().getUpperBound();
    }

    private void rememberRanges() {
        ranges = new double[] {plot.getDomainAxis().getLowerBound(), plot.getDomainAxis().getUpperBound(),
            plot.getRangeAxis().getLowerBound(), plot.getRangeAxis().getUpperBound()};
    }

    private static int premultiplied(Color c, int alpha) {
        int r = (c.getRed() * alpha + 127) / 255;
        int g = (c.getGreen() * alpha + 127) / 255;
        int b = (c.getBlue() * alpha + 127) / 255;
        return alpha << 24 | r << 16 | g << 8 | b;
    }

    private void drawOverlay(int w, int h, double xlo, double xs, double ylo, double ys) {
        // Without marks the layer is hidden rather than cleared: an empty canvas is still painted,
        // over the whole data area, at every repaint of the plot.
        boolean marks = overlay != null && overlayCount > 0;
        markLayer.setVisible(marks);
        if (!marks) {
            return;
        }
        markLayer.setWidth(w);
        markLayer.setHeight(h);
        GraphicsContext gc = markLayer.getGraphicsContext2D();
        gc.clearRect(0, 0, w, h);
        javafx.scene.paint.Color colour = javafx.scene.paint.Color.rgb(overlayColour.getRed(), overlayColour.getGreen(),
                overlayColour.getBlue(), overlayColour.getAlpha() / 255.0);
        gc.setStroke(colour);
        gc.setFill(colour);
        gc.setLineWidth(2);
        double r = overlayLines ? 4 : 3;
        double lastX = 0;
        double lastY = 0;
        for (int i = 0; i < overlayCount; i++) {
            double x = (overlay[2 * i] - xlo) * xs;
            double y = h - (overlay[2 * i + 1] - ylo) * ys;
            if (overlayLines && i > 0) {
                gc.strokeLine(lastX, lastY, x, y);
            }
            gc.fillOval(x - r, y - r, 2 * r, 2 * r);
            lastX = x;
            lastY = y;
        }
    }

    /** The index of the point nearest to a canvas position within the pick radius, or -1. */
    int nearest(double px, double py) {
        Rectangle2D area = shownArea;
        PointRaster raster = shown;
        if (area == null || n == 0 || raster == null || shownVersion != version || !area.equals(drawnArea)) {
            return -1;
        }
        return raster.grid.nearest(px - area.getX(), py - area.getY(), PICK_RADIUS);
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
        Point2D p = viewer.getCanvas().localToScreen(sx, sy);
        return p == null ? null : new double[] {p.getX(), p.getY()};
    }

    public float[] coordinates() {
        return xy;
    }

    /** The chart's data area in the canvas's coordinates, as the frame on screen has it, or null before the first draw. */
    Rectangle2D dataArea() {
        var info = frameInfo != null ? frameInfo : viewer.getCanvas().getRenderingInfo();
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
