package org.aeworkbench.engine.model;

import java.util.List;
import org.aeworkbench.engine.conv.AvgPool2DLayer;
import org.aeworkbench.engine.conv.Padding;
import org.aeworkbench.engine.layer.Layer;
import org.aeworkbench.engine.tensor.Shape;

/**
 * Average pooling over size x size windows: {@code {"type": "avg-pool2d", "size": 2, "padding": "same"}}.
 * Stride defaults to the size (non-overlapping windows) and padding to "valid", as in Keras.
 */
public record AvgPool2DSpec(int size, int stride, Padding padding) implements PoolingSpec {

    public static final LayerType<AvgPool2DSpec> TYPE = new LayerType<>("avg-pool2d", AvgPool2DSpec.class, List.of());

    public AvgPool2DSpec {
        stride = stride == 0 ? size : stride;
        padding = padding == null ? Padding.VALID : padding;
    }

    public static AvgPool2DSpec same(int size) {
        return new AvgPool2DSpec(size, size, Padding.SAME);
    }

    @Override
    public String kind() {
        return "AvgPool2D";
    }

    @Override
    public Layer build(String name, Shape input) {
        return new AvgPool2DLayer(input, size, stride, padding);
    }
}
