package org.aeworkbench.engine.conv;

import org.aeworkbench.engine.core.SpecException;
import org.aeworkbench.engine.layer.ParameterFreeLayer;
import org.aeworkbench.engine.layer.Pass;
import org.aeworkbench.engine.tensor.Shape;

/**
 * Flatten and Reshape: the same values seen with another shape. Samples are stored row-major and
 * channels-last, so a reshape moves no data: forward returns its input and backward its
 * gradient, untouched (Keras flattens channels-last images in this same order).
 */
public final class ReshapeLayer extends ParameterFreeLayer {

    private final String kind;

    public ReshapeLayer(String kind, Shape inputShape, Shape outputShape) {
        super(inputShape, checked(kind, inputShape, outputShape));
        this.kind = kind;
    }

    /** {@code output}, or a {@link SpecException} when it does not hold as many values as the input. */
    public static Shape checked(String kind, Shape input, Shape output) {
        if (output.size() != input.size()) {
            throw new SpecException("shape", kind + ": " + output.height() + "x" + output.width() + "x" + output.channels()
                    + " holds " + output.size() + " values but the input " + input + " has " + input.size()
                    + ": choose a shape whose height x width x channels is " + input.size());
        }
        return output;
    }

    @Override
    public String kind() {
        return kind;
    }

    @Override
    public float[] forward(float[] x, int batch, Pass pass) {
        return x;
    }

    @Override
    public float[] backward(float[] gradOutput, int batch, boolean needInputGrad) {
        return needInputGrad ? gradOutput : null;
    }
}
