package org.aeworkbench.engine.layer;

import java.util.List;
import org.aeworkbench.engine.tensor.Shape;

/**
 * One stage of a network, on a batch of samples stored row-major (sample b occupies
 * {@code [b * size, (b + 1) * size)} of a buffer, channels-last for image shapes).
 *
 * <p>Layers own their output and input-gradient buffers, grown on demand and reused, so the
 * training loop allocates nothing. A buffer returned by {@link #forward} or {@link #backward}
 * stays valid until the layer's next call of the same method; a layer may keep a reference to
 * its input until its backward pass.
 */
public interface Layer {

    /** Display name of the layer type, e.g. "Dense" or "Conv2D". */
    String kind();

    Shape inputShape();

    Shape outputShape();

    /** Trainable parameters this layer owns (not those it shares from another layer). */
    List<Parameter> parameters();

    /** Runs the layer on {@code batch} samples; returns its output buffer. */
    float[] forward(float[] input, int batch, Pass pass);

    /**
     * Back-propagates dL/d(output) of the last forward pass: accumulates parameter gradients and,
     * when {@code needInputGrad}, returns dL/d(input) (else may return null).
     */
    float[] backward(float[] gradOutput, int batch, boolean needInputGrad);

    /**
     * Multiply-adds of this layer's forward products per sample (0 for element-wise layers);
     * benchmarks derive FLOP counts from it.
     */
    default long multiplyAddsPerSample() {
        return 0;
    }

    default long parameterCount() {
        long n = 0;
        for (Parameter p : parameters()) {
            n += p.size();
        }
        return n;
    }
}
