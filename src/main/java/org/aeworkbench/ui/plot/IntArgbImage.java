package org.aeworkbench.ui.plot;

import java.nio.IntBuffer;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/**
 * An image over premultiplied ARGB ints, the format the scatter's pixels are drawn in: new
 * pixels go in as one array copy. A plain {@link WritableImage} stores bytes, and its pixel writer
 * converted every int to four of them on the FX thread (the two layers of both plots at each live
 * update: about 580,000 pixels).
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

    /** Whether this image has that size, or a new one is needed. */
    boolean fits(int w, int h) {
        return w == width && h == height;
    }

    WritableImage image() {
        return image;
    }

    /** Shows {@code argbPre}, {@code width * height} premultiplied pixels row by row (FX thread). */
    void put(int[] argbPre) {
        pixels.updateBuffer(b -> {
            IntBuffer target = b.getBuffer();
            target.clear();
            target.put(argbPre, 0, width * height);
            target.clear();
            return null; // all of it changed
        });
    }
}
