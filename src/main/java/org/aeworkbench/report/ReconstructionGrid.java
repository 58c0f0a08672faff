package org.aeworkbench.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import org.aeworkbench.engine.tensor.Shape;

/**
 * A picture of image-shaped samples in rows: the inputs on top, then each method's
 * reconstructions of the same samples (autoencoder, PCA), so differences show column by column.
 *
 * <p>Every row is drawn on the inputs' value range: a reconstruction that overshoots it shows as
 * saturated rather than being silently rescaled to look as good as the input. One channel is
 * drawn as grey, three or four as RGB (alpha ignored), any other count by its first channel.
 */
public final class ReconstructionGrid {

    /** Space between tiles and around the grid, in pixels; tiles sit flush right, so column c of a
     *  grid with m columns starts at x = width - (m - c) * (tile width + GAP). */
    public static final int GAP = 4;

    private ReconstructionGrid() {
    }

    /**
     * One row of the grid.
     *
     * @param label   text on the left, e.g. "input", "autoencoder", "PCA"
     * @param samples the samples of this row, row-major, each {@code shape.size()} values
     */
    public record Row(String label, float[] samples) {
    }

    /**
     * @param shape      the shape of one sample; must be an image (height or width above 1)
     * @param rows       the rows, inputs first; all hold the same number of samples
     * @param pixelScale each sample pixel becomes a square this many screen pixels wide
     */
    public static BufferedImage render(Shape shape, List<Row> rows, int pixelScale) {
        if (shape.isVector()) {
            throw new IllegalArgumentException("a reconstruction grid needs image-shaped samples, but these are plain "
                    + shape.size() + "-value vectors; give the data set an image shape (height x width x channels)");
        }
        if (rows.isEmpty() || pixelScale < 1) {
            throw new IllegalArgumentException("a reconstruction grid needs at least one row and a pixel scale of at "
                    + "least 1, got " + rows.size() + " rows and scale " + pixelScale);
        }
        int size = shape.size();
        int columns = rows.get(0).samples().length / size;
        for (Row row : rows) {
            if (row.samples().length != columns * size || columns == 0) {
                throw new IllegalArgumentException("reconstruction grid row '" + row.label() + "' holds "
                        + row.samples().length + " values; expected " + columns + " samples of " + shape);
            }
        }
        float[] range = valueRange(rows.get(0).samples());

        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
        int labelWidth = labelWidth(rows, font);
        int tileW = shape.width() * pixelScale;
        int tileH = shape.height() * pixelScale;
        int width = GAP + labelWidth + GAP + columns * (tileW + GAP);
        int height = GAP + rows.size() * (tileH + GAP);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(font);
            g.setColor(new Color(0x202020));
            FontMetrics metrics = g.getFontMetrics();
            for (int r = 0; r < rows.size(); r++) {
                int top = GAP + r * (tileH + GAP);
                g.drawString(rows.get(r).label(), GAP, top + (tileH + metrics.getAscent() - metrics.getDescent()) / 2);
                for (int c = 0; c < columns; c++) {
                    int left = GAP + labelWidth + GAP + c * (tileW + GAP);
                    drawTile(image, rows.get(r).samples(), c * size, shape, range, left, top, pixelScale);
                }
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    /**
     * One sample as a picture of its own size, one image pixel per sample pixel, drawn on
     * {@code range} as the grid draws its rows ({@link #inputRange} of the inputs, typically).
     *
     * @param offset where the sample starts in {@code values}
     */
    public static BufferedImage tile(float[] values, int offset, Shape shape, float[] range) {
        BufferedImage image = new BufferedImage(shape.width(), shape.height(), BufferedImage.TYPE_INT_RGB);
        drawTile(image, values, offset, shape, range, 0, 0, 1);
        return image;
    }

    /** The range the grid draws on: the finite inputs' smallest and largest value (a unit range around a constant). */
    public static float[] inputRange(float[] inputs) {
        return valueRange(inputs);
    }

    private static int labelWidth(List<Row> rows, Font font) {
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scratch.createGraphics();
        try {
            FontMetrics metrics = g.getFontMetrics(font);
            int widest = 0;
            for (Row row : rows) {
                widest = Math.max(widest, metrics.stringWidth(row.label()));
            }
            return widest;
        } finally {
            g.dispose();
        }
    }

    private static float[] valueRange(float[] inputs) {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float v : inputs) {
            if (Float.isFinite(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (!(min < max)) {
            // Constant (or empty) inputs: centre the single value in a unit range.
            float mid = Float.isFinite(min) ? min : 0;
            return new float[] {mid - 0.5f, mid + 0.5f};
        }
        return new float[] {min, max};
    }

    private static void drawTile(BufferedImage image, float[] values, int offset, Shape shape, float[] range,
                                 int left, int top, int scale) {
        int channels = shape.channels();
        boolean colour = channels == 3 || channels == 4;
        for (int y = 0; y < shape.height(); y++) {
            for (int x = 0; x < shape.width(); x++) {
                int base = offset + (y * shape.width() + x) * channels;
                int red = level(values[base], range);
                int rgb = colour
                        ? red << 16 | level(values[base + 1], range) << 8 | level(values[base + 2], range)
                        : red << 16 | red << 8 | red;
                for (int dy = 0; dy < scale; dy++) {
                    for (int dx = 0; dx < scale; dx++) {
                        image.setRGB(left + x * scale + dx, top + y * scale + dy, rgb);
                    }
                }
            }
        }
    }

    /** 0..255 for a value on the inputs' range, clamped; NaN shows as black. */
    private static int level(float value, float[] range) {
        if (Float.isNaN(value)) {
            return 0;
        }
        double t = (value - range[0]) / (range[1] - range[0]);
        return (int) Math.round(255 * Math.max(0, Math.min(1, t)));
    }
}
