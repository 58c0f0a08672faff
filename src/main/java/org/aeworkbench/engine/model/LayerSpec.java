package org.aeworkbench.engine.model;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.annotation.JsonTypeIdResolver;
import java.util.List;
import org.aeworkbench.engine.core.SpecException;
import org.aeworkbench.engine.layer.Activation;
import org.aeworkbench.engine.layer.Layer;
import org.aeworkbench.engine.tensor.Shape;

/**
 * One layer of a design, as saved in a model spec ({@code {"type": "dense", "units": 32, ...}}).
 * A new layer type is one record implementing this interface, with a {@link LayerType} constant
 * naming it and its palette entries, plus one line in {@link Layers}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.CUSTOM, property = "type")
@JsonTypeIdResolver(Layers.TypeIds.class)
public interface LayerSpec {

    /** Display name of the type, as in the palette. */
    String kind();

    /** Output shape for the given input, or a {@link SpecException} saying why it cannot apply. */
    Shape outputShape(Shape input);

    /** Trainable parameters for the given input shape. */
    long parameterCount(Shape input);

    /**
     * Floats the built layer holds for a pass over {@code samples} samples at once: its input, its
     * output before and after the activation, and the gradient it passes back. The memory check
     * adds these up before anything is built ({@link ModelFootprint}); layers that hold more
     * (a convolution's lowered windows) say so.
     */
    default long passFloats(Shape input, int samples) {
        return samples * (input.size() + 3L * outputShape(input).size());
    }

    /** Builds the layer; {@code name} locates it, e.g. "encoder[1]". */
    Layer build(String name, Shape input);

    /** The same layer with a different width where that makes sense (the code-size override). */
    LayerSpec withUnits(int units);

    /** Units (output width) for dense-like layers, or -1. */
    int units();

    /**
     * The decoder layer that mirrors this one: it takes this layer's output shape back to
     * {@code input}, ending in {@code activation} where it has one (the activation of the encoder
     * layer before this one, or the model's output activation). Mirroring a design walks the
     * encoder backwards calling this ({@link ModelSpec#mirrorDecoder(List, Shape, Activation)}).
     */
    LayerSpec mirror(Shape input, Activation activation);
}
