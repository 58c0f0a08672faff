package org.aeworkbench.engine.model;

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
}
