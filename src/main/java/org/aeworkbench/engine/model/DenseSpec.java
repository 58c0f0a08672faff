package org.aeworkbench.engine.model;

import org.aeworkbench.engine.core.SpecException;
import org.aeworkbench.engine.layer.Activation;
import org.aeworkbench.engine.layer.DenseLayer;
import org.aeworkbench.engine.layer.Layer;
import org.aeworkbench.engine.tensor.Shape;

/** A fully connected layer: {@code {"type": "dense", "units": 256, "activation": "relu"}}. */
public record DenseSpec(int units, Activation activation) implements ActivatedSpec {

    @Override
    public LayerSpec mirror(Shape input, Activation activation) {
        return new DenseSpec(input.size(), activation);
    }

    public DenseSpec {
        activation = activation == null ? Activation.IDENTITY : activation;
    }

    @Override
    public String kind() {
        return "Dense";
    }

    @Override
    public Shape outputShape(Shape input) {
        if (units < 1) {
            throw new SpecException("units", "a dense layer needs at least 1 unit, not " + units);
        }
        return Shape.vector(units);
    }

    @Override
    public long parameterCount(Shape input) {
        return (long) input.size() * units + units;
    }

    @Override
    public Layer build(String name, Shape input) {
        return new DenseLayer(name, input, units, activation);
    }

    @Override
    public DenseSpec withUnits(int newUnits) {
        return new DenseSpec(newUnits, activation);
    }
}
