package org.aeworkbench.engine.model;

import java.util.List;
import org.aeworkbench.engine.conv.ReshapeLayer;
import org.aeworkbench.engine.layer.Activation;
import org.aeworkbench.engine.layer.Layer;
import org.aeworkbench.engine.tensor.Shape;

/**
 * Flattens an image into a vector of height x width x channels values: {@code {"type": "flatten"}}.
 * Dense layers accept images directly, so this only makes the change of shape visible.
 */
public record FlattenSpec() implements SpatialSpec {

    public static final LayerType<FlattenSpec> TYPE = new LayerType<>("flatten", FlattenSpec.class, List.of(new LayerType.PaletteEntry("Flatten",
            "Image to vector, before a dense layer", new FlattenSpec())));

    @Override
    public LayerSpec mirror(Shape input, Activation activation) {
        return new ReshapeSpec(input.height(), input.width(), input.channels());
    }

    @Override
    public String kind() {
        return "Flatten";
    }

    @Override
    public Shape outputShape(Shape input) {
        return Shape.vector(input.size());
    }

    @Override
    public long parameterCount(Shape input) {
        return 0;
    }

    @Override
    public Layer build(String name, Shape input) {
        return new ReshapeLayer(kind(), input, Shape.vector(input.size()));
    }
}
