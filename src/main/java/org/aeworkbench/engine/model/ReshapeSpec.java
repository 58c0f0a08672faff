package org.aeworkbench.engine.model;

import java.util.List;
import org.aeworkbench.engine.conv.ReshapeLayer;
import org.aeworkbench.engine.core.SpecException;
import org.aeworkbench.engine.layer.Activation;
import org.aeworkbench.engine.layer.Layer;
import org.aeworkbench.engine.tensor.Shape;

/**
 * Sees the same values as an image of another shape (channels-last):
 * {@code {"type": "reshape", "height": 7, "width": 7, "channels": 64}}, as after the dense layer
 * at the top of a convolutional decoder.
 */
public record ReshapeSpec(int height, int width, int channels) implements SpatialSpec {

    public static final LayerType<ReshapeSpec> TYPE = new LayerType<>("reshape", ReshapeSpec.class, List.of(new LayerType.PaletteEntry("Reshape",
            "Vector to image (7x7x16 here: set its shape in the property sheet)", new ReshapeSpec(7, 7, 16))));

    @Override
    public LayerSpec mirror(Shape input, Activation activation) {
        return new FlattenSpec();
    }

    @Override
    public String kind() {
        return "Reshape";
    }

    @Override
    public Shape outputShape(Shape input) {
        if (height < 1 || width < 1 || channels < 1) {
            throw new SpecException("height", "Reshape: height, width and channels must each be at least 1, not "
                    + height + "x" + width + "x" + channels);
        }
        return ReshapeLayer.checked(kind(), input, new Shape(height, width, channels));
    }

    @Override
    public long parameterCount(Shape input) {
        return 0;
    }

    @Override
    public Layer build(String name, Shape input) {
        return new ReshapeLayer(kind(), input, outputShape(input));
    }
}
