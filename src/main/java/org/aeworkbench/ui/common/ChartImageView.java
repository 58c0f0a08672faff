package org.aeworkbench.ui.common;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.nio.IntBuffer;
import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;

/**
 * A chart drawn off the FX thread and shown as a picture. JFreeChart's own viewer draws on the FX
 * thread, through a canvas: a live loss chart's redraw took it 6 to 15 ms while a run held both
 * cores, and in a JVM's first run, still interpreted, the two charts of an epoch's end over 16 ms
 * together. Here a shared thread draws the chart with Java2D into an image, and the FX thread only
 * shows its pixels (docs/performance.md, round twenty).
 *
 * <p>The drawing thread reads the chart while it draws, so the chart's owner edits it only while
 * holding the chart's monitor ({@code synchronized (chart)}), as every other drawing of it does (an
 * export). Edits made on the FX thread with the chart's notification on redraw it; while its
 * notification is off (a hidden tab) it is not drawn, and turning it on draws it.
 *
 * <p>Dragging a rectangle over the plot zooms into it; a double click or the context menu's
 * "Show all" goes back to the axes' automatic ranges.
 */
public final class ChartImageView extends Region {

    /** Dragged less far than this, in pixels, a press is a click and does not zoom. */
    static final double MIN_ZOOM_DRAG = 4;
    private static final ExecutorService DRAWING = LatestOnly.thread("ae-chart-drawing");

    private final JFreeChart chart;
    private final LatestOnly drawing = new LatestOnly(DRAWING);
    private final ImageView picture = new ImageView();
    /** Draws a spare picture once, out of sight, so that the renderer has its texture before it is shown. */
    private final TexturePrimer primer = new TexturePrimer();
    private final Rectangle zoomBox = new Rectangle();
    /** The picture on screen, or null before the first drawing. */
    private Picture shown;
    /** Pictures no longer on screen, for the drawing thread to draw into again. */
    private final ConcurrentLinkedQueue<Picture> spare = new ConcurrentLinkedQueue<>();
    private final AtomicInteger picturesMade = new AtomicInteger();
    /** The size the newest drawing was asked for, in the view's units; NaN when none is wanted. */
    private double askedWidth = Double.NaN;
    private double askedHeight = Double.NaN;
    /** Where the plot's data area is in the picture shown, in the view's units (null before a drawing). */
    private Rectangle2D dataArea;
    private double zoomFromX = Double.NaN;
    private double zoomFromY = Double.NaN;
    private int drawings;

    public ChartImageView(JFreeChart chart) {
        this.chart = chart;
        getStyleClass().add("chart-image-view");
        picture.setManaged(false);
        zoomBox.setManaged(false);
        zoomBox.setVisible(false);
        zoomBox.getStyleClass().add("chart-zoom-box");
        getChildren().addAll(picture, zoomBox, primer.node());
        chart.addChangeListener(e -> {
            // Edits come from the FX thread; an event from the drawing thread would be the drawing's own.
            if (Platform.isFxApplicationThread()) {
                requestDraw();
            }
        });
        sceneProperty().addListener((obs, was, now) -> requestDraw());
        setOnMousePressed(this::zoomFrom);
        setOnMouseDragged(this::zoomOver);
        setOnMouseReleased(this::zoomTo);
        setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                showAll();
            }
        });
        MenuItem all = new MenuItem("Show all (double-click)");
        all.setOnAction(e -> showAll());
        ContextMenu menu = new ContextMenu(all);
        setOnContextMenuRequested(e -> menu.show(this, e.getScreenX(), e.getScreenY()));
    }

    /** Pictures shown so far (tests: a redraw shows one more). */
    int drawings() {
        return drawings;
    }

    /** The picture shown, or null before the first (tests read its pixels). */
    WritableImage picture() {
        return shown == null ? null : shown.image;
    }

    /** Pictures of the shown one's size, it included, that a drawing can show without a new texture (tests). */
    int picturesReady() {
        Picture p = shown;
        return p == null ? 0 : 1 + (int) spare.stream().filter(q -> q.width == p.width && q.height == p.height && q.image != null).count();
    }

    /** Pictures allocated so far (tests: drawings at one size reuse them). */
    int picturesMade() {
        return picturesMade.get();
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        // Until the new drawing arrives the old one is stretched to the new size.
        picture.setFitWidth(w);
        picture.setFitHeight(h);
        picture.relocate(0, 0);
        if (w != askedWidth || h != askedHeight) {
            requestDraw();
        }
    }

    /** Asks the drawing thread for a picture of the chart as it is now, at the view's size (FX thread). */
    private void requestDraw() {
        double w = getWidth();
        double h = getHeight();
        if (w < 1 || h < 1 || getScene() == null || !chart.isNotify()) {
            askedWidth = Double.NaN; // whatever makes it drawable again draws it
            askedHeight = Double.NaN;
            return;
        }
        askedWidth = w;
        askedHeight = h;
        double scale = getScene().getWindow() == null ? 1 : getScene().getWindow().getOutputScaleX();
        drawing.run(() -> draw(w, h, scale), this::show);
    }

    /** On the drawing thread: the chart drawn with Java2D at the screen's pixel size. */
    private Drawn draw(double w, double h, double scale) {
        int pw = (int) Math.ceil(w * scale);
        int ph = (int) Math.ceil(h * scale);
        Picture p = spareOfSize(pw, ph);
        ChartRenderingInfo info = new ChartRenderingInfo(null); // no entities: nothing here shows tooltips
        Graphics2D g = p.drawn.createGraphics();
        try {
            g.scale(scale, scale);
            synchronized (chart) {
                chart.draw(g, new java.awt.geom.Rectangle2D.Double(0, 0, w, h), null, info);
            }
        } finally {
            g.dispose();
        }
        java.awt.geom.Rectangle2D area = info.getPlotInfo().getDataArea();
        return new Drawn(p, new Rectangle2D(area.getX(), area.getY(), area.getWidth(), area.getHeight()));
    }

    /**
     * A spare picture of that size, cleared, or a new one. A loss chart's picture is about 1.3 MB
     * at the window's first size, and a run redraws each chart once a second: as new pictures,
     * that was 1.3 MB a second per chart of humongous objects to G1 at a 4 GB heap (its regions
     * are 2 MB), and a new texture for each in the renderer. Reused, a chart needs two pictures
     * and two textures until its size changes (docs/performance.md, round twenty-one).
     */
    private Picture spareOfSize(int width, int height) {
        for (Picture p = spare.poll(); p != null; p = spare.poll()) {
            if (p.width == width && p.height == height) {
                Arrays.fill(p.argb, 0); // a chart with a transparent background draws over what was there
                return p;
            }
        }
        picturesMade.incrementAndGet();
        return new Picture(width, height);
    }

    private record Drawn(Picture picture, Rectangle2D dataArea) {
    }

    /**
     * A drawing's pixels: Java2D draws into them on the drawing thread; the FX thread shows them as
     * they are, through a {@link PixelBuffer} over the same ints (no copy). Copied into one picture
     * with {@code setPixels} instead, the FX thread converted every pixel to the picture's byte
     * layout: 5 to 13 ms in a JVM's first run.
     */
    private static final class Picture {
        final int width;
        final int height;
        final BufferedImage drawn;
        final int[] argb;
        /** Made on the FX thread when first shown; shown again, the renderer is told all of it changed. */
        PixelBuffer<IntBuffer> pixels;
        WritableImage image;

        Picture(int width, int height) {
            this.width = width;
            this.height = height;
            drawn = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB_PRE);
            argb = ((DataBufferInt) drawn.getRaster().getDataBuffer()).getData();
        }
    }

    /**
     * On the FX thread: the drawing becomes the picture on screen, and the one it replaces is
     * drawn into again once the frame that stops showing it is done: the renderer may be reading
     * its pixels until then.
     */
    private void show(Drawn d) {
        Picture p = d.picture();
        if (p.pixels == null) {
            p.pixels = new PixelBuffer<>(p.width, p.height, IntBuffer.wrap(p.argb), PixelFormat.getIntArgbPreInstance());
            p.image = new WritableImage(p.pixels);
        } else {
            p.pixels.updateBuffer(b -> null); // all of it is new
        }
        Picture replaced = shown;
        if (replaced == null || replaced.width != p.width || replaced.height != p.height) {
            makeSpare(p.width, p.height);
        }
        shown = p;
        picture.setImage(p.image);
        dataArea = d.dataArea();
        drawings++;
        if (replaced != null && replaced != p) {
            FxFrames.afterNextPulse(() -> spare.offer(replaced));
        }
    }

    /**
     * Makes the second picture of a new size as soon as the first is shown, and has the renderer
     * draw it once out of sight ({@link TexturePrimer}): made at a run's first update instead, its
     * texture cost the renderer a long frame in a JVM's first run. The window draws its charts at
     * their size before any run, so both pictures a run needs are ready by then.
     */
    private void makeSpare(int width, int height) {
        DRAWING.execute(() -> {
            Picture q = new Picture(width, height);
            picturesMade.incrementAndGet();
            Platform.runLater(() -> {
                q.pixels = new PixelBuffer<>(q.width, q.height, IntBuffer.wrap(q.argb), PixelFormat.getIntArgbPreInstance());
                q.image = new WritableImage(q.pixels);
                primer.prime(q.image, () -> spare.offer(q)); // drawn into after that pulse, as a replaced picture is
            });
        });
    }

    private void zoomFrom(MouseEvent e) {
        if (e.getButton() == MouseButton.PRIMARY && dataArea != null && dataArea.contains(e.getX(), e.getY())
                && chart.getPlot() instanceof XYPlot) {
            zoomFromX = e.getX();
            zoomFromY = e.getY();
        }
    }

    private void zoomOver(MouseEvent e) {
        if (Double.isNaN(zoomFromX)) {
            return;
        }
        double x = clamp(e.getX(), dataArea.getMinX(), dataArea.getMaxX());
        double y = clamp(e.getY(), dataArea.getMinY(), dataArea.getMaxY());
        zoomBox.setX(Math.min(x, zoomFromX));
        zoomBox.setY(Math.min(y, zoomFromY));
        zoomBox.setWidth(Math.abs(x - zoomFromX));
        zoomBox.setHeight(Math.abs(y - zoomFromY));
        zoomBox.setVisible(true);
    }

    private void zoomTo(MouseEvent e) {
        if (Double.isNaN(zoomFromX)) {
            return;
        }
        zoomBox.setVisible(false);
        double x = clamp(e.getX(), dataArea.getMinX(), dataArea.getMaxX());
        double y = clamp(e.getY(), dataArea.getMinY(), dataArea.getMaxY());
        double x0 = zoomFromX;
        double y0 = zoomFromY;
        zoomFromX = Double.NaN;
        zoomFromY = Double.NaN;
        if (Math.abs(x - x0) >= MIN_ZOOM_DRAG && Math.abs(y - y0) >= MIN_ZOOM_DRAG) {
            zoom(Math.min(x0, x), Math.max(x0, x), Math.min(y0, y), Math.max(y0, y));
        }
    }

    /** Sets both axes to the values under a rectangle of the picture (view units, inside the data area). */
    private void zoom(double left, double right, double top, double bottom) {
        java.awt.geom.Rectangle2D area = new java.awt.geom.Rectangle2D.Double(dataArea.getMinX(), dataArea.getMinY(),
                dataArea.getWidth(), dataArea.getHeight());
        synchronized (chart) {
            XYPlot plot = (XYPlot) chart.getPlot();
            ValueAxis x = plot.getDomainAxis();
            ValueAxis y = plot.getRangeAxis();
            double x0 = x.java2DToValue(left, area, plot.getDomainAxisEdge());
            double x1 = x.java2DToValue(right, area, plot.getDomainAxisEdge());
            double y0 = y.java2DToValue(bottom, area, plot.getRangeAxisEdge());
            double y1 = y.java2DToValue(top, area, plot.getRangeAxisEdge());
            x.setRange(Math.min(x0, x1), Math.max(x0, x1));
            y.setRange(Math.min(y0, y1), Math.max(y0, y1));
        }
    }

    /** Both axes back to their automatic ranges. */
    private void showAll() {
        if (!(chart.getPlot() instanceof XYPlot)) {
            return;
        }
        synchronized (chart) {
            XYPlot plot = (XYPlot) chart.getPlot();
            plot.getDomainAxis().setAutoRange(true);
            plot.getRangeAxis().setAutoRange(true);
        }
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
