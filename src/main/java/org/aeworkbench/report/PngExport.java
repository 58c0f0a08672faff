package org.aeworkbench.report;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.aeworkbench.engine.io.AtomicFiles;
import org.jfree.chart.JFreeChart;

/**
 * Writes charts and images as PNG files without ever leaving a half-written file: the PNG goes
 * to a temporary file beside the target, which then replaces the target in one rename
 * ({@link AtomicFiles}). A crash or a full disk leaves the previous file as it was.
 */
public final class PngExport {

    private PngExport() {
    }

    /** Draws the chart at width x height pixels and writes it to {@code file}. */
    public static void write(JFreeChart chart, int width, int height, Path file) throws IOException {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("a chart image needs a positive size, got " + width + " x " + height);
        }
        write(chart.createBufferedImage(width, height, BufferedImage.TYPE_INT_RGB, null), file);
    }

    /** Writes the image to {@code file}, creating missing parent directories. */
    public static void write(BufferedImage image, Path file) throws IOException {
        try {
            AtomicFiles.write(file, out -> {
                if (!ImageIO.write(image, "png", out)) {
                    throw new IOException("no PNG writer is available in this Java runtime");
                }
            });
        } catch (IOException e) {
            String reason = e.getMessage() == null ? "" : " (" + e.getMessage() + ")";
            throw new IOException("could not write the PNG file " + file.toAbsolutePath() + ": "
                    + e.getClass().getSimpleName() + reason, e);
        }
    }
}
