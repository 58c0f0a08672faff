package org.aeworkbench.engine.conv;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.layer.ActivatedLayer;
import org.aeworkbench.engine.layer.Activation;
import org.aeworkbench.engine.layer.AffineKernels;
import org.aeworkbench.engine.layer.Buffers;
import org.aeworkbench.engine.layer.Initializable;
import org.aeworkbench.engine.layer.Parameter;
import org.aeworkbench.engine.layer.Pass;
import org.aeworkbench.engine.tensor.Shape;

/**
 * A linear map of images followed by a bias per output channel and an activation,
 * {@code a = f(L(x; W) + b)}: what convolution and transposed convolution share. The output is
 * channels-last, so bias and activation run on it exactly as on a dense layer's rows
 * ({@link ChannelBias}, {@link AffineKernels}); subclasses supply L and its backward pass.
 */
abstract class AffineImageLayer implements ActivatedLayer, Initializable {

    protected final Parameter weight;
    protected final Parameter bias;
    private final Shape inputShape;
    private final Shape outputShape;
    private final Activation activation;

    protected Compute compute;
    /** The input of the last forward pass, kept for the weight gradient. */
    protected float[] input;
    private float[] z;
    private float[] a;
    private float[] gradIn;

    /** A layer named {@code name} whose weight is stored {@code weightRows} x {@code weightCols}. */
    AffineImageLayer(String name, Shape inputShape, Shape outputShape, Activation activation, int weightRows,
                     int weightCols) {
        this.inputShape = inputShape;
        this.outputShape = outputShape;
        this.activation = activation;
        this.weight = new Parameter(name + ".weight", weightRows, weightCols);
        this.bias = new Parameter(name + ".bias", 1, outputShape.channels());
    }

    /** z = L(x) for samples [0, batch) of x, without the bias. */
    abstract void linear(float[] x, int batch, float[] z);

    /** Accumulates dL/dW for dL/dz and, when {@code gradIn} is not null, writes dL/dx into it. */
    abstract void linearBackward(float[] dz, int batch, float[] gradIn);

    /** Uniform weights for the given fan-in and fan-out ({@link WeightInit}); zero biases. */
    void initialize(SplittableRandom random, double fanIn, double fanOut) {
        WeightInit.uniform(weight.value(), activation, fanIn, fanOut, random);
        Arrays.fill(bias.value(), 0f);
    }

    @Override
    public Shape inputShape() {
        return inputShape;
    }

    @Override
    public Shape outputShape() {
        return outputShape;
    }

    public Parameter weight() {
        return weight;
    }

    public Parameter bias() {
        return bias;
    }

    @Override
    public Activation activation() {
        return activation;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(weight, bias);
    }

    /** Output pixels of a batch: the rows the bias and activation sweep. */
    private int pixels(int batch) {
        return batch * outputShape.height() * outputShape.width();
    }

    @Override
    public float[] forward(float[] x, int batch, Pass pass) {
        compute = pass.compute();
        input = x;
        int n = batch * outputShape.size();
        z = Buffers.ensure(z, n);
        linear(x, batch, z);
        if (activation == Activation.IDENTITY) {
            a = z;
        } else {
            a = a == z ? null : a;
            a = Buffers.ensure(a, n);
        }
        ChannelBias.addAndActivate(compute, z, bias.value(), a, pixels(batch), outputShape.channels(), activation);
        return a;
    }

    @Override
    public float[] preActivation() {
        return z;
    }

    @Override
    public float[] backward(float[] gradOutput, int batch, boolean needInputGrad) {
        // gradOutput is the next layer's buffer, scaled in place into dL/dz, which no caller reads again.
        AffineKernels.activationBackward(compute, z, a, gradOutput, pixels(batch), outputShape.channels(), activation);
        return backwardFromPreActivation(gradOutput, batch, needInputGrad);
    }

    @Override
    public float[] backwardFromPreActivation(float[] dz, int batch, boolean needInputGrad) {
        ChannelBias.accumulateColumnSums(dz, bias.grad(), pixels(batch), outputShape.channels());
        if (needInputGrad) {
            gradIn = Buffers.ensure(gradIn, batch * inputShape.size());
        }
        linearBackward(dz, batch, needInputGrad ? gradIn : null);
        return needInputGrad ? gradIn : null;
    }
}
