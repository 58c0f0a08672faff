package org.aeworkbench.engine.layer;

/**
 * A layer whose output is an element-wise activation of a pre-activation it keeps. The loss
 * uses this to compute BCE straight from the logits of a sigmoid output, which is exact where
 * the sigmoid saturates and log(a) would not be.
 */
public interface ActivatedLayer extends Layer {

    Activation activation();

    /** The pre-activation of the last forward pass (same layout as the output). */
    float[] preActivation();

    /** Backward from dL/d(pre-activation) rather than dL/d(output). */
    float[] backwardFromPreActivation(float[] gradPreActivation, int batch, boolean needInputGrad);
}
