package org.aeworkbench.engine.model;

import org.aeworkbench.engine.conv.AvgPool2DLayer;
import org.aeworkbench.engine.conv.Padding;
import org.aeworkbench.engine.conv.WindowGeometry;
import org.aeworkbench.engine.layer.Layer;
import org.aeworkbench.engine.tensor.Shape;

/**
 * Average pooling over size x size windows: {@code {"type": "avg-pool2d", "size": 2, "padding": "same"}}.
 * Stride defaults to the size (non-overlapping windows) and padding to "valid", as in Keras.
 */
public record AvgPool2DSpec(int size, int stride, Padding padding) implements LayerSpec {

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
    public Shape outputShape(Shape input) {
        WindowGeometry g = WindowGeometry.of(kind(), input, size, stride, padding);
        return new Shape(g.outHeight(), g.outWidth(), input.channels());
    }

    @Override
    public long parameterCount(Shape input) {
        return 0;
    }

    @Override
    public Layer build(String name, Shape input) {
        return new AvgPool2DLayer(input, size, stride, padding);
    }

    @Override
    public LayerSpec withUnits(int units) {
        throw ConvSpecs.notResizable(kind());
    }

    @Override
    public int units() {
        return -1;
    }
}
