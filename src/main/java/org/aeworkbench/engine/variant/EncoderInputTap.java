package org.aeworkbench.engine.variant;

import java.util.List;
import org.aeworkbench.engine.layer.Layer;
import org.aeworkbench.engine.layer.Parameter;
import org.aeworkbench.engine.layer.Pass;
import org.aeworkbench.engine.tensor.Shape;

/**
 * Identity stage placed right before the first encoder layer, remembering the input the encoder
 * saw (after any corruption): the contractive penalty differentiates the encoder there.
 */
public final class EncoderInputTap implements Layer {

    private final Shape shape;
    private float[] lastInput;

    public EncoderInputTap(Shape shape) {
        this.shape = shape;
    }

    /** The input of the last forward pass (the caller's buffer, not a copy). */
    public float[] lastInput() {
        return lastInput;
    }

    @Override
    public String kind() {
        return "Encoder input";
    }

    @Override
    public Shape inputShape() {
        return shape;
    }

    @Override
    public Shape outputShape() {
        return shape;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of();
    }

    @Override
    public float[] forward(float[] input, int batch, Pass pass) {
        lastInput = input;
        return input;
    }

    @Override
    public float[] backward(float[] gradOutput, int batch, boolean needInputGrad) {
        return needInputGrad ? gradOutput : null;
    }
}
