package org.aeworkbench.ui.plot;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemSource;
import org.jfree.chart.title.LegendTitle;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A scatter's frame (title, note, axes, grid and legend) drawn by Java2D into pixels, on any
 * thread, from a copy of the chart taken on the FX thread: while a run holds the cores, the
 * frame's 4-10 ms of JFreeChart then stay off the FX thread, and the renderer shows one image
 * instead of replaying the canvas's hundreds of text and line commands.
 */
final class FrameImage {

    final int width;
    final int height;
    /** Premultiplied ARGB, {@code width * scale} by {@code height * scale}, rounded up. */
    final int[] pixels;
    final int pixelWidth;
    final int pixelHeight;
    /** Where JFreeChart put the data area and axes, in the frame's (unscaled) coordinates. */
    final ChartRenderingInfo info;

    private FrameImage(int width, int height, int[] pixels, int pixelWidth, int pixelHeight, ChartRenderingInfo info) {
        this.width = width;
        this.height = height;
        this.pixels = pixels;
        this.pixelWidth = pixelWidth;
        this.pixelHeight = pixelHeight;
        this.info = info;
    }

    /**
     * A copy of the chart that shares nothing mutable with it, to draw on another thread: the
     * copy's plot gets a data set of its own (the scatter's is empty; its points are drawn apart)
     * and its legend reads the copy's plot. FX thread.
     */
    static JFreeChart copyOf(JFreeChart chart) {
        JFreeChart copy;
        try {
            copy = (JFreeChart) chart.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("a chart that cannot be copied", e);
        }
        // The clone shares the data set and listens to it: a fresh one unhooks it, so copies do not pile up.
        copy.getXYPlot().setDataset(new XYSeriesCollection());
        for (int i = 0; i < copy.getSubtitleCount(); i++) {
            if (copy.getSubtitle(i) instanceof LegendTitle legend) {
                legend.setSources(new LegendItemSource[] {copy.getXYPlot()});
            }
        }
        return copy;
    }

    /** Pixels across {@code units} of the chart at {@code scale} pixels per unit, rounded up. */
    static int pixels(int units, double scale) {
        return (int) Math.ceil(units * scale);
    }

    /** Draws a chart (a {@link #copyOf copy} no other thread touches) at {@code scale} pixels per unit. */
    static FrameImage draw(JFreeChart chart, int width, int height, double scale) {
        int pw = pixels(width, scale);
        int ph = pixels(height, scale);
        BufferedImage image = new BufferedImage(pw, ph, BufferedImage.TYPE_INT_ARGB_PRE);
        Graphics2D g = image.createGraphics();
        ChartRenderingInfo info = new ChartRenderingInfo();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.scale(scale, scale);
            chart.draw(g, new Rectangle2D.Double(0, 0, width, height), null, info);
        } finally {
            g.dispose();
        }
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        return new FrameImage(width, height, pixels, pw, ph, info);
    }
}
