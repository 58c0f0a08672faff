package org.aeworkbench.engine.model;

import java.util.List;
import org.aeworkbench.engine.core.SpecException;
import org.aeworkbench.engine.layer.Activation;
import org.aeworkbench.engine.layer.DenseLayer;
import org.aeworkbench.engine.layer.Layer;
import org.aeworkbench.engine.tensor.Shape;

/** A fully connected layer: {@code {"type": "dense", "units": 256, "activation": "relu"}}. */
public record DenseSpec(int units, Activation activation) implements ActivatedSpec {

    public static final LayerType<DenseSpec> TYPE = new LayerType<>("dense", DenseSpec.class, List.of(
            new LayerType.PaletteEntry("Dense ReLU", "Fully connected, f(z) = max(0, z): the usual hidden layer",
                    new DenseSpec(128, Activation.RELU)),
            new LayerType.PaletteEntry("Dense sigmoid", "Fully connected, f(z) = 1/(1+e^-z): outputs in (0, 1), needed by BCE"
                    + " outputs and by the KL sparsity penalty", new DenseSpec(128, Activation.SIGMOID)),
            new LayerType.PaletteEntry("Dense tanh", "Fully connected, f(z) = tanh z: outputs in (-1, 1)",
                    new DenseSpec(128, Activation.TANH)),
            new LayerType.PaletteEntry("Dense ELU", "Fully connected, exponential linear unit (Clevert et al. 2015)",
                    new DenseSpec(128, Activation.ELU)),
            new LayerType.PaletteEntry("Linear", "Fully connected with no activation: a linear code, or a linear output for MSE",
                    new DenseSpec(2, Activation.IDENTITY))));

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
