package org.aeworkbench.ui.common;

import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.aeworkbench.engine.tensor.Shape;

/**
 * Draws samples as pictures: image-shaped samples as grey (one channel) or colour (three)
 * images, values mapped linearly from [lo, hi] to black..white and clipped; a short vector (a
 * table's row, up to {@link #MAX_BARS} values) as a bar chart, one bar per value, so a customer's
 * six purchases read as six bars rather than a few grey pixels; longer vectors as a near-square
 * grid of grey cells, so any data set can be looked at.
 */
public final class SampleImages {

    /** Vectors up to this many values are tables' rows, drawn as bars and listed as numbers where there is room. */
    public static final int MAX_BARS = 32;

    private static final int BAR = 0xff0072b2;
    private static final int NEGATIVE_BAR = 0xffd55e00;
    private static final int TRACK = 0x28808080;
    private static final int BASELINE = 0xff8c959f;

    private SampleImages() {
    }

    /** Whether samples of this shape are a table's rows (drawn as bars, shown as values) rather than pictures. */
    public static boolean isTabular(Shape shape) {
        return shape.isVector() && shape.size() <= MAX_BARS;
    }

    /** The grid a sample is drawn on: its own height and width, or a near-square layout for vectors. */
    public static int[] grid(Shape shape) {
        if (!shape.isVector()) {
            return new int[] {shape.height(), shape.width()};
        }
        int d = shape.size();
        int w = (int) Math.ceil(Math.sqrt(d));
        int h = (d + w - 1) / w;
        return new int[] {h, w};
    }

    /**
     * Sample {@code index} of row-major {@code values}: a picture, each pixel drawn as a
     * {@code scale} x {@code scale} block, or for a table's row a bar chart of the same footprint.
     */
    public static WritableImage of(float[] values, int index, Shape shape, float lo, float hi, int scale) {
        if (isTabular(shape)) {
            return bars(values, index * shape.size(), shape.size(), lo, hi, scale);
        }
        int[] g = grid(shape);
        int h = g[0];
        int w = g[1];
        int c = shape.isVector() ? 1 : shape.channels();
        int off = index * shape.size();
        int iw = w * scale;
        int[] argbs = new int[iw * h * scale];
        float range = hi > lo ? hi - lo : 1f;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int argb;
                int pixel = y * w + x;
                if (shape.isVector() && pixel >= shape.size()) {
                    argb = 0xff808080;
                } else if (c == 3) {
                    int base = off + pixel * 3;
                    argb = 0xff000000 | (level(values[base], lo, range) << 16) | (level(values[base + 1], lo, range) << 8)
                            | level(values[base + 2], lo, range);
                } else {
                    int v = level(values[off + pixel * c], lo, range);
                    argb = 0xff000000 | (v << 16) | (v << 8) | v;
                }
                for (int dy = 0; dy < scale; dy++) {
                    int row = (y * scale + dy) * iw + x * scale;
                    for (int dx = 0; dx < scale; dx++) {
                        argbs[row + dx] = argb;
                    }
                }
            }
        }
        // One bulk write; images may be built on any thread, so galleries can prepare them off the FX thread.
        WritableImage img = new WritableImage(iw, h * scale);
        img.getPixelWriter().setPixels(0, 0, iw, h * scale, PixelFormat.getIntArgbInstance(), argbs, 0, iw);
        return img;
    }

    /**
     * d values as bars over their range [lo, hi], about 28 x 28 blocks of {@code scale} pixels:
     * from the zero line up (or down, in orange, for negative values) when the range spans zero,
     * else from the bottom; a faint track shows each bar's full range.
     */
    static WritableImage bars(float[] values, int offset, int d, float lo, float hi, int scale) {
        int size = 28 * scale;
        int bar = Math.max(2, (size - (d - 1)) / d);
        int w = d * bar + (d - 1);
        int h = size;
        int[] argbs = new int[w * h];
        float range = hi > lo ? hi - lo : 1f;
        int base = lo < 0 && hi > 0 ? rowOf(0, lo, range, h) : h - 1;
        for (int j = 0; j < d; j++) {
            float v = values[offset + j];
            int top = Float.isFinite(v) ? rowOf(Math.max(lo, Math.min(hi, v)), lo, range, h) : base;
            int from = Math.min(top, base);
            int to = Math.max(top, base);
            int colour = v < 0 && lo < 0 ? NEGATIVE_BAR : BAR;
            for (int y = 0; y < h; y++) {
                int argb = y >= from && y <= to && to > from ? colour : TRACK;
                for (int x = j * (bar + 1); x < j * (bar + 1) + bar; x++) {
                    argbs[y * w + x] = argb;
                }
            }
        }
        for (int x = 0; x < w; x++) {
            argbs[base * w + x] = BASELINE;
        }
        WritableImage img = new WritableImage(w, h);
        img.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argbs, 0, w);
        return img;
    }

    /** The pixel row of value v on an image h rows high, hi at the top. */
    private static int rowOf(float v, float lo, float range, int h) {
        return Math.max(0, Math.min(h - 1, Math.round((1 - (v - lo) / range) * (h - 1))));
    }

    /** Min and max over all values, for a common grey scale. */
    public static float[] range(float[] values) {
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (float v : values) {
            if (Float.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        return lo <= hi ? new float[] {lo, hi} : new float[] {0, 1};
    }

    private static int level(float v, float lo, float range) {
        float t = (v - lo) / range;
        return Math.max(0, Math.min(255, Math.round(t * 255f)));
    }
}
