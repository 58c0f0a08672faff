package org.aeworkbench.report;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;

/**
 * Writes charts and images as PNG files without ever leaving a half-written file: the PNG goes to
 * a temporary file in the target's directory, which then replaces the target in one rename. A
 * crash or a full disk leaves the previous file as it was.
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
        Path target = file.toAbsolutePath();
        Path directory = target.getParent();
        Path temp = null;
        try {
            Files.createDirectories(directory);
            temp = Files.createTempFile(directory, "." + target.getFileName() + "-", ".tmp");
            if (!ImageIO.write(image, "png", temp.toFile())) {
                throw new IOException("no PNG writer is available in this Java runtime");
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                // Some file systems cannot rename atomically; a plain replace is the best they offer.
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            IOException failure = new IOException("could not write the PNG file " + target + ": " + describe(e), e);
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException cleanup) {
                    failure.addSuppressed(cleanup);
                }
            }
            throw failure;
        }
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : " (" + message + ")");
    }
}
