package org.aeworkbench.engine.model;

import java.util.Locale;
import org.aeworkbench.engine.core.Heap;
import org.aeworkbench.engine.core.SpecException;

/** What the convolutional layer specs share. */
final class ConvSpecs {

    private ConvSpecs() {
    }

    /**
     * Why {@link LayerSpec#withUnits} does not apply: the code-size override changes the width of a
     * dense code, and an image-shaped layer has no single width.
     */
    static SpecException notResizable(String kind) {
        return new SpecException("units", "the code size can only be set on a dense code layer, and this one is a "
                + kind + ": change the filters or pooling of the encoder instead, or end the encoder with a Dense layer");
    }

    /**
     * Refuses a convolution whose lowered matrix for one sample cannot be one array (a kernel of
     * 2,000 pixels with "same" padding on a 28 x 28 image lowers to 3 * 10^9 values).
     */
    static void checkLowering(String kind, int kernel, long loweredPerSample) {
        if (loweredPerSample > Heap.MAX_ARRAY) {
            throw new SpecException("kernel", String.format(Locale.ROOT, "%s: a %dx%d kernel spreads one sample"
                    + " over %,d values, more than one array can hold (%,d): use a smaller kernel", kind, kernel,
                    kernel, loweredPerSample, Heap.MAX_ARRAY));
        }
    }
}
