package org.aeworkbench.engine.model;

import java.util.List;
import org.aeworkbench.engine.conv.Padding;
import org.aeworkbench.engine.conv.Upsample2DLayer;
import org.aeworkbench.engine.layer.Activation;
import org.aeworkbench.engine.layer.Layer;
import org.aeworkbench.engine.tensor.Shape;

/**
 * Nearest-neighbour upsampling by a whole factor: {@code {"type": "upsample2d", "factor": 2}}
 * turns h x w x c into (2h) x (2w) x c. Followed by a Conv2D it is the alternative to a
 * transposed convolution that avoids checkerboard artefacts (Odena et al., Distill 2016).
 */
public record Upsample2DSpec(int factor) implements SpatialSpec {

    public static final LayerType<Upsample2DSpec> TYPE = new LayerType<>("upsample2d", Upsample2DSpec.class, List.of(new LayerType.PaletteEntry("Upsample2D",
            "Repeats each pixel 2x2: doubles height and width (the decoder's pooling)", new Upsample2DSpec(2))));

    @Override
    public LayerSpec mirror(Shape input, Activation activation) {
        return new MaxPool2DSpec(factor, factor, Padding.SAME);
    }

    @Override
    public String kind() {
        return "Upsample2D";
    }

    @Override
    public Shape outputShape(Shape input) {
        return Upsample2DLayer.outputShape(input, factor);
    }

    @Override
    public long parameterCount(Shape input) {
        return 0;
    }

    @Override
    public Layer build(String name, Shape input) {
        return new Upsample2DLayer(input, factor);
    }
}
