package org.aeworkbench.engine.model;

import java.util.List;
import org.aeworkbench.engine.conv.Conv2DLayer;
import org.aeworkbench.engine.conv.Padding;
import org.aeworkbench.engine.conv.WindowGeometry;
import org.aeworkbench.engine.core.SpecException;
import org.aeworkbench.engine.layer.Activation;
import org.aeworkbench.engine.layer.Layer;
import org.aeworkbench.engine.tensor.Shape;

/**
 * A 2-D convolution over channels-last images:
 * {@code {"type": "conv2d", "filters": 16, "kernel": 3, "stride": 1, "padding": "same", "activation": "relu"}}.
 * The kernel is square; stride defaults to 1, padding to "valid" (as in Keras), activation to identity.
 */
public record Conv2DSpec(int filters, int kernel, int stride, Padding padding, Activation activation) implements ActivatedSpec, SpatialSpec {

    public static final LayerType<Conv2DSpec> TYPE = new LayerType<>("conv2d", Conv2DSpec.class, List.of(new LayerType.PaletteEntry("Conv2D",
            "3x3 convolution, 16 filters, 'same' padding, ReLU: needs image-shaped input", same(16, 3, Activation.RELU))));

    @Override
    public LayerSpec mirror(Shape input, Activation activation) {
        // A shape-keeping convolution mirrors as one (as in Keras's decoders); a strided or valid one
        // as the transposed convolution of the same geometry.
        return stride == 1 && padding == Padding.SAME ? new Conv2DSpec(input.channels(), kernel, 1, Padding.SAME, activation)
                : new ConvTranspose2DSpec(input.channels(), kernel, stride, padding, activation);
    }

    public Conv2DSpec {
        stride = stride == 0 ? 1 : stride;
        padding = padding == null ? Padding.VALID : padding;
        activation = activation == null ? Activation.IDENTITY : activation;
    }

    /** Stride 1, "same" padding: the shape-preserving convolution of the Keras designs. */
    public static Conv2DSpec same(int filters, int kernel, Activation activation) {
        return new Conv2DSpec(filters, kernel, 1, Padding.SAME, activation);
    }

    @Override
    public String kind() {
        return "Conv2D";
    }

    @Override
    public Shape outputShape(Shape input) {
        if (filters < 1) {
            throw new SpecException("filters", "Conv2D needs at least 1 filter, not " + filters);
        }
        WindowGeometry g = WindowGeometry.of(kind(), input, kernel, stride, padding);
        ConvSpecs.checkLowering(kind(), kernel, Conv2DLayer.loweredFloats(g, filters, 1));
        return new Shape(g.outHeight(), g.outWidth(), filters);
    }

    @Override
    public long passFloats(Shape input, int samples) {
        return ActivatedSpec.super.passFloats(input, samples)
                + Conv2DLayer.loweredFloats(WindowGeometry.of(kind(), input, kernel, stride, padding), filters, samples);
    }

    @Override
    public long parameterCount(Shape input) {
        return (long) kernel * kernel * input.channels() * filters + filters;
    }

    @Override
    public Layer build(String name, Shape input) {
        return new Conv2DLayer(name, input, filters, kernel, stride, padding, activation);
    }

    /** The code-size override resizes dense codes only. */
}
