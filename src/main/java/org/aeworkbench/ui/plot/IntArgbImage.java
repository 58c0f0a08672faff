package org.aeworkbench.ui.plot;

import java.nio.IntBuffer;
import javafx.geometry.Rectangle2D;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/**
 * An image over premultiplied ARGB ints, the format the scatter's pixels are drawn in: new
 * pixels go in as one array copy (a row copy each when they fill less than the image). A plain
 * {@link WritableImage} stores bytes, and its pixel writer converted every int to four of them on
 * the FX thread (the two layers of both plots at each live update: about 580,000 pixels).
 */
final class IntArgbImage {

    final int width;
    final int height;
    private final PixelBuffer<IntBuffer> pixels;
    private final WritableImage image;

    IntArgbImage(int width, int height) {
        this.width = width;
        this.height = height;
        pixels = new PixelBuffer<>(width, height, IntBuffer.allocate(width * height), PixelFormat.getIntArgbPreInstance());
        image = new WritableImage(pixels);
    }

    /** Whether {@code w x h} pixels fit in this image's top left corner. */
    boolean holds(int w, int h) {
        return w <= width && h <= height;
    }

    WritableImage image() {
        return image;
    }

    /**
     * Shows {@code w x h} premultiplied pixels, row by row, in the image's top left corner; the
     * rest keeps what it had (FX thread). Only that corner is marked changed, so only it is uploaded.
     */
    void put(int[] argbPre, int w, int h) {
        if (!holds(w, h) || argbPre.length < w * h) {
            throw new IllegalArgumentException(w + " x " + h + " pixels do not fit a " + width + " x " + height + " image");
        }
        if (w == 0 || h == 0) {
            return;
        }
        pixels.updateBuffer(b -> {
            IntBuffer target = b.getBuffer();
            if (w == width) {
                target.clear();
                target.put(argbPre, 0, w * h);
            } else {
                for (int row = 0; row < h; row++) {
                    target.position(row * width);
                    target.put(argbPre, row * w, w);
                }
            }
            target.clear();
            return w == width && h == height ? null : new Rectangle2D(0, 0, w, h);
        });
    }
}
