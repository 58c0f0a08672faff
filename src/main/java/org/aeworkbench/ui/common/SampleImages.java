package org.aeworkbench.ui.common;

import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.aeworkbench.engine.tensor.Shape;

/**
 * Draws samples as pictures: image-shaped samples as grey (one channel) or colour (three)
 * images, other vectors as a near-square grid of grey cells, so any data set can be looked at.
 * Values are mapped linearly from [lo, hi] to black..white and clipped.
 */
public final class SampleImages {

    private SampleImages() {
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

    /** Sample {@code index} of row-major {@code values}, each pixel drawn as a {@code scale} x {@code scale} block. */
    public static WritableImage of(float[] values, int index, Shape shape, float lo, float hi, int scale) {
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
