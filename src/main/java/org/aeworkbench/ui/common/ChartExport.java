package org.aeworkbench.ui.common;

import java.awt.Rectangle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.aeworkbench.engine.io.AtomicFiles;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;

/**
 * Writes a chart as PNG or as SVG (JFreeSVG), each atomically so a failed write leaves no half file.
 * It holds the chart's monitor while it draws, as a live chart's editor and view do ({@link ChartImageView}).
 */
public final class ChartExport {

    private ChartExport() {
    }

    public static void png(JFreeChart chart, Path file, int width, int height) throws IOException {
        synchronized (chart) {
            AtomicFiles.write(file, out -> ChartUtils.writeChartAsPNG(out, chart, width, height));
        }
    }

    public static void svg(JFreeChart chart, Path file, int width, int height) throws IOException {
        SVGGraphics2D g2 = new SVGGraphics2D(width, height);
        synchronized (chart) {
            chart.draw(g2, new Rectangle(0, 0, width, height));
        }
        byte[] svg = g2.getSVGDocument().getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> out.write(svg));
    }

    /** PNG or SVG by the file's extension. */
    public static void byExtension(JFreeChart chart, Path file, int width, int height) throws IOException {
        if (file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".svg")) {
            svg(chart, file, width, height);
        } else {
            png(chart, file, width, height);
        }
    }
}
