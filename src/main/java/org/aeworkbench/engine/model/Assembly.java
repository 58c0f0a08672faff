package org.aeworkbench.engine.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.aeworkbench.engine.layer.Layer;
import org.aeworkbench.engine.tensor.Shape;

/**
 * The stack as {@link ModelBuilder} puts it together, handed to each variant part so it can add
 * its stages: everything built so far, the encoder layers proper (without the stages between
 * them), and the shape of the values at the end.
 */
public final class Assembly {

    private final ModelSpec spec;
    private final Shape input;
    private final List<Layer> layers = new ArrayList<>();
    private final List<Layer> encoder = new ArrayList<>();

    Assembly(ModelSpec spec, Shape input) {
        this.spec = spec;
        this.input = input;
    }

    public ModelSpec spec() {
        return spec;
    }

    /** Shape of one data sample. */
    public Shape input() {
        return input;
    }

    /** Shape of the values the last stage emits (the input before any). */
    public Shape shape() {
        return layers.isEmpty() ? input : layers.get(layers.size() - 1).outputShape();
    }

    /** Every layer and stage so far, in stack order. */
    public List<Layer> layers() {
        return Collections.unmodifiableList(layers);
    }

    /** The encoder layers built so far, one per spec layer, without the stages between them. */
    public List<Layer> encoderLayers() {
        return Collections.unmodifiableList(encoder);
    }

    /** The first stage of class {@code type} so far, or null. */
    public <T extends Layer> T find(Class<T> type) {
        for (Layer l : layers) {
            if (type.isInstance(l)) {
                return type.cast(l);
            }
        }
        return null;
    }

    /** Appends a stage. */
    public void add(Layer stage) {
        layers.add(stage);
    }

    void addEncoderLayer(Layer layer) {
        layers.add(layer);
        encoder.add(layer);
    }
}
