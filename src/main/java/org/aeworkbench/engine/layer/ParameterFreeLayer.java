package org.aeworkbench.engine.layer;

import java.util.List;
import org.aeworkbench.engine.tensor.Shape;

/** A layer with fixed shapes and nothing to learn (pooling, upsampling, reshaping). */
public abstract class ParameterFreeLayer implements Layer {

    protected final Shape inputShape;
    protected final Shape outputShape;

    protected ParameterFreeLayer(Shape inputShape, Shape outputShape) {
        this.inputShape = inputShape;
        this.outputShape = outputShape;
    }

    @Override
    public Shape inputShape() {
        return inputShape;
    }

    @Override
    public Shape outputShape() {
        return outputShape;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of();
    }
}
