package org.aeworkbench.engine.conv;

import org.aeworkbench.engine.core.SpecException;
import org.aeworkbench.engine.tensor.Shape;

/**
 * Where a square window of {@code kernel} x {@code kernel} pixels, moved by {@code stride}, lands on
 * an image of {@code height} x {@code width} x {@code channels} (channels-last): the shared geometry
 * of convolution, pooling and, read backwards, transposed convolution.
 *
 * <p>Output pixel (oy, ox) covers input rows {@code oy * stride - padTop + ky} and columns
 * {@code ox * stride - padLeft + kx} for ky, kx in [0, kernel); positions outside the image are
 * zero padding.
 */
public record WindowGeometry(int height, int width, int channels, int kernel, int stride,
                             int padTop, int padLeft, int outHeight, int outWidth) {

    /**
     * The geometry of {@code layer} (a display name such as "Conv2D") on {@code input}, or a
     * {@link SpecException} that says what does not fit and what to change.
     */
    public static WindowGeometry of(String layer, Shape input, int kernel, int stride, Padding padding) {
        checkWindow(layer, input, kernel, stride, padding);
        int h = input.height();
        int w = input.width();
        int outH = padding.outputLength(h, kernel, stride);
        int outW = padding.outputLength(w, kernel, stride);
        if (outH < 1 || outW < 1) {
            throw new SpecException("kernel", layer + ": kernel " + kernel + " does not fit a " + h + "x" + w + " input with "
                    + padding + " padding: use padding \"same\" or a kernel of at most "
                    + (Math.min(h, w) + 2 * padding.pixels()));
        }
        return new WindowGeometry(h, w, input.channels(), kernel, stride,
                padding.before(h, kernel, stride), padding.before(w, kernel, stride), outH, outW);
    }

    /**
     * The checks that do not depend on the input's size: a positive kernel and stride, a padding,
     * an image to slide over, and explicit padding smaller than the kernel (so that every window
     * holds at least one pixel of the image).
     */
    static void checkWindow(String layer, Shape input, int kernel, int stride, Padding padding) {
        if (kernel < 1) {
            throw new SpecException("kernel", layer + ": the kernel must be at least 1 pixel, not " + kernel);
        }
        if (stride < 1) {
            throw new SpecException("stride", layer + ": the stride must be at least 1, not " + stride);
        }
        if (padding == null) {
            throw new SpecException("padding", layer + ": padding is missing: use \"same\", \"valid\" or a number of pixels");
        }
        if (input.isVector() && kernel > 1) {
            throw new SpecException("kernel", layer + " " + kernel + "x" + kernel + " needs image-shaped data (height x width"
                    + " x channels), but its input is a vector of " + input.size() + " values (1x1x" + input.channels()
                    + "): load the data as images, pool less before this layer, or put a Reshape before it");
        }
        if (padding.kind() == Padding.Kind.EXPLICIT && padding.pixels() >= kernel) {
            throw new SpecException("padding", layer + ": padding " + padding.pixels() + " is not smaller than the kernel "
                    + kernel + ", so some windows would see only zeros: use at most " + (kernel - 1));
        }
    }

    /** Values of one input sample. */
    public int inputSize() {
        return height * width * channels;
    }

    /** Output pixels per sample: one row of the lowered matrix each. */
    public int positions() {
        return outHeight * outWidth;
    }

    /** Values under one window: kernel x kernel x channels, the row length of the lowered matrix. */
    public int patchSize() {
        return kernel * kernel * channels;
    }
}
