package org.aeworkbench.engine.model;

import java.util.List;
import org.aeworkbench.engine.conv.MaxPool2DLayer;
import org.aeworkbench.engine.conv.Padding;
import org.aeworkbench.engine.layer.Layer;
import org.aeworkbench.engine.tensor.Shape;

/**
 * Max pooling over size x size windows: {@code {"type": "max-pool2d", "size": 2, "padding": "same"}}.
 * Stride defaults to the size (non-overlapping windows) and padding to "valid", as in Keras.
 */
public record MaxPool2DSpec(int size, int stride, Padding padding) implements PoolingSpec {

    public static final LayerType<MaxPool2DSpec> TYPE = new LayerType<>("max-pool2d", MaxPool2DSpec.class, List.of(new LayerType.PaletteEntry("MaxPool2D",
            "2x2 max pooling, stride 2: halves height and width", new MaxPool2DSpec(2, 2, Padding.SAME))));

    public MaxPool2DSpec {
        stride = stride == 0 ? size : stride;
        padding = padding == null ? Padding.VALID : padding;
    }

    public static MaxPool2DSpec same(int size) {
        return new MaxPool2DSpec(size, size, Padding.SAME);
    }

    @Override
    public String kind() {
        return "MaxPool2D";
    }

    @Override
    public Layer build(String name, Shape input) {
        return new MaxPool2DLayer(input, size, stride, padding);
    }
}
