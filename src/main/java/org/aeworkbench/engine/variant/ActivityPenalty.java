package org.aeworkbench.engine.variant;

import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.layer.Pass;
import org.aeworkbench.engine.layer.PenaltyLayer;
import org.aeworkbench.engine.tensor.Shape;

/**
 * A penalty on a layer's activations h that leaves the values unchanged: forward returns h itself
 * and records the penalty; backward adds dPenalty/dh to the gradient flowing down. The penalty is
 * computed in inference passes too, so validation reports it.
 */
abstract class ActivityPenalty extends ShapePreservingStage implements PenaltyLayer {

    protected final int width;
    protected final double weight;

    private Compute compute;
    private float[] activations;
    private double lastPenalty;

    ActivityPenalty(Shape shape, double weight) {
        super(shape);
        this.width = shape.size();
        this.weight = weight;
    }

    @Override
    public String termName() {
        return "sparsity";
    }

    @Override
    public double lastPenalty() {
        return lastPenalty;
    }

    @Override
    public float[] forward(float[] h, int batch, Pass pass) {
        compute = pass.compute();
        activations = h;
        lastPenalty = penalty(compute, h, batch);
        return h;
    }

    @Override
    public float[] backward(float[] gradOutput, int batch, boolean needInputGrad) {
        if (!needInputGrad) {
            return null; // nothing below learns, so the penalty's gradient has nowhere to go
        }
        // Like DenseLayer, the caller's buffer is updated in place; nobody reads it again.
        addGradient(compute, activations, gradOutput, batch);
        return gradOutput;
    }

    /** The penalty per sample (mean over the batch), weight included. */
    abstract double penalty(Compute compute, float[] h, int batch);

    /** g += d(penalty)/dh for the activations of the last forward pass. */
    abstract void addGradient(Compute compute, float[] h, float[] g, int batch);
}
