package org.aeworkbench.engine.variant;

import org.aeworkbench.engine.layer.Pass;
import org.aeworkbench.engine.tensor.Shape;

/**
 * Identity stage placed right before the first encoder layer, remembering the input the encoder
 * saw (after any corruption): the contractive penalty differentiates the encoder there.
 */
public final class EncoderInputTap extends ShapePreservingStage {

    private float[] lastInput;

    public EncoderInputTap(Shape shape) {
        super(shape);
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
    public float[] forward(float[] input, int batch, Pass pass) {
        lastInput = input;
        return input;
    }

    @Override
    public float[] backward(float[] gradOutput, int batch, boolean needInputGrad) {
        return needInputGrad ? gradOutput : null;
    }
}
