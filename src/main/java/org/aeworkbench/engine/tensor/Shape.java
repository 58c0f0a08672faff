package org.aeworkbench.engine.tensor;

import org.aeworkbench.engine.core.Heap;

/**
 * The shape of one sample as it flows through the network: height x width x channels, stored
 * channels-last (HWC), as Keras does. A plain feature vector of n values is 1 x 1 x n, which is
 * also how a convolution sees it, so dense and convolutional layers share one description.
 */
public record Shape(int height, int width, int channels) {

    public Shape {
        if (height < 1 || width < 1 || channels < 1) {
            throw new IllegalArgumentException(
                    "shape " + height + "x" + width + "x" + channels + " has a dimension below 1");
        }
        // A sample is one array (and a batch of them another): its size must be an int.
        long size = (long) height * width * channels;
        if (size > Heap.MAX_ARRAY) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "shape %dx%dx%d has %,d values, more than one array can hold (%,d)", height, width, channels,
                    size, Heap.MAX_ARRAY));
        }
    }

    public static Shape vector(int n) {
        return new Shape(1, 1, n);
    }

    public static Shape image(int height, int width, int channels) {
        return new Shape(height, width, channels);
    }

    /** Number of values in one sample. */
    public int size() {
        return height * width * channels;
    }

    public boolean isVector() {
        return height == 1 && width == 1;
    }

    /** "784" for a vector, "28x28x1" for an image-shaped sample. */
    @Override
    public String toString() {
        return isVector() ? Integer.toString(channels) : height + "x" + width + "x" + channels;
    }
}
