package org.aeworkbench.engine.model;

import java.util.List;
import org.aeworkbench.engine.conv.ConvTranspose2DLayer;
import org.aeworkbench.engine.conv.Padding;
import org.aeworkbench.engine.conv.WindowGeometry;
import org.aeworkbench.engine.core.SpecException;
import org.aeworkbench.engine.layer.Activation;
import org.aeworkbench.engine.layer.Layer;
import org.aeworkbench.engine.tensor.Shape;

/**
 * A transposed convolution, which enlarges an image by its stride:
 * {@code {"type": "conv-transpose2d", "filters": 32, "kernel": 3, "stride": 2, "padding": "same", "activation": "relu"}}.
 * With "same" padding a h x w input becomes (h s) x (w s). Unlike Upsample2D followed by Conv2D,
 * every output pixel is learned from a different mix of inputs, which can leave checkerboard
 * artefacts when the kernel is not a multiple of the stride (Odena et al., Distill 2016).
 */
public record ConvTranspose2DSpec(int filters, int kernel, int stride, Padding padding, Activation activation)
        implements ActivatedSpec, SpatialSpec {

    public static final LayerType<ConvTranspose2DSpec> TYPE = new LayerType<>("conv-transpose2d", ConvTranspose2DSpec.class, List.of(new LayerType.PaletteEntry("ConvT2D",
            "3x3 transposed convolution, stride 2, 16 filters: a learned upsampling",
            new ConvTranspose2DSpec(16, 3, 2, Padding.SAME, Activation.RELU))));

    @Override
    public LayerSpec mirror(Shape input, Activation activation) {
        return new Conv2DSpec(input.channels(), kernel, stride, padding, activation);
    }

    public ConvTranspose2DSpec {
        stride = stride == 0 ? 1 : stride;
        padding = padding == null ? Padding.VALID : padding;
        activation = activation == null ? Activation.IDENTITY : activation;
    }

    /** "same" padding: the output is exactly {@code stride} times the input's height and width. */
    public static ConvTranspose2DSpec same(int filters, int kernel, int stride, Activation activation) {
        return new ConvTranspose2DSpec(filters, kernel, stride, Padding.SAME, activation);
    }

    @Override
    public String kind() {
        return "ConvTranspose2D";
    }

    @Override
    public Shape outputShape(Shape input) {
        if (filters < 1) {
            throw new SpecException("filters", "ConvTranspose2D needs at least 1 filter, not " + filters);
        }
        Shape out = ConvTranspose2DLayer.outputShape(input, filters, kernel, stride, padding);
        ConvSpecs.checkLowering(kind(), kernel, ConvTranspose2DLayer.loweredFloats(geometry(out), 1));
        return out;
    }

    @Override
    public long passFloats(Shape input, int samples) {
        return ActivatedSpec.super.passFloats(input, samples)
                + ConvTranspose2DLayer.loweredFloats(geometry(outputShape(input)), samples);
    }

    /** The geometry of the convolution this layer transposes: its output seen as that convolution's input. */
    private WindowGeometry geometry(Shape out) {
        return WindowGeometry.of(kind(), out, kernel, stride, padding);
    }

    @Override
    public long parameterCount(Shape input) {
        return (long) kernel * kernel * input.channels() * filters + filters;
    }

    @Override
    public Layer build(String name, Shape input) {
        return new ConvTranspose2DLayer(name, input, filters, kernel, stride, padding, activation);
    }
}
