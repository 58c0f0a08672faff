package org.aeworkbench.engine.variant;

import java.util.List;
import org.aeworkbench.engine.layer.Layer;
import org.aeworkbench.engine.layer.Parameter;
import org.aeworkbench.engine.tensor.Shape;

/**
 * A stage with no parameters of its own whose output has its input's shape: corruption, k-sparse
 * selection, penalties on activations, the encoder-input tap.
 */
public abstract class ShapePreservingStage implements Layer {

    protected final Shape shape;

    ShapePreservingStage(Shape shape) {
        this.shape = shape;
    }

    @Override
    public final Shape inputShape() {
        return shape;
    }

    @Override
    public final Shape outputShape() {
        return shape;
    }

    @Override
    public final List<Parameter> parameters() {
        return List.of();
    }
}
