package org.aeworkbench.engine.conv;

import java.util.Arrays;
import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.layer.Buffers;
import org.aeworkbench.engine.layer.ParameterFreeLayer;
import org.aeworkbench.engine.layer.Pass;
import org.aeworkbench.engine.tensor.Shape;

/**
 * A pooling window slid over each channel of a channels-last image: the shape bookkeeping and
 * the split of samples over threads (each thread writes only its own samples, so results do not
 * depend on timing). Padded positions are left out of the window, as in TensorFlow, so a window
 * at the border pools fewer pixels rather than zeros. Pooling has no parameters and no products;
 * its loops run over channels innermost, where the data is contiguous.
 */
abstract class Pool2DLayer extends ParameterFreeLayer {

    protected final WindowGeometry g;

    private Compute compute;
    private float[] out;
    private float[] gradIn;

    Pool2DLayer(String kind, Shape inputShape, int size, int stride, Padding padding) {
        super(inputShape, pooledShape(WindowGeometry.of(kind, inputShape, size, stride, padding)));
        this.g = WindowGeometry.of(kind, inputShape, size, stride, padding);
    }

    private static Shape pooledShape(WindowGeometry g) {
        return new Shape(g.outHeight(), g.outWidth(), g.channels());
    }

    /** Prepares per-batch state (such as the argmax buffer) before the samples are pooled. */
    void beforeForward(int batch) {
    }

    /** Pools one sample at {@code xOff} into {@code out} at {@code outOff}. */
    abstract void pool(float[] x, int xOff, float[] out, int outOff);

    /** Adds the gradient of one pooled sample to the zeroed input gradient {@code gradIn}. */
    abstract void unpool(float[] gradOut, int outOff, float[] gradIn, int inOff);

    @Override
    public float[] forward(float[] x, int batch, Pass pass) {
        compute = pass.compute();
        int in = g.inputSize();
        int size = outputShape.size();
        out = Buffers.ensure(out, batch * size);
        beforeForward(batch);
        float[] o = out;
        compute.parallelRows(batch, in, (from, to) -> {
            for (int b = from; b < to; b++) {
                pool(x, b * in, o, b * size);
            }
        });
        return out;
    }

    @Override
    public float[] backward(float[] gradOutput, int batch, boolean needInputGrad) {
        if (!needInputGrad) {
            return null;
        }
        int in = g.inputSize();
        int size = outputShape.size();
        gradIn = Buffers.ensure(gradIn, batch * in);
        float[] gi = gradIn;
        compute.parallelRows(batch, in, (from, to) -> {
            Arrays.fill(gi, from * in, to * in, 0f);
            for (int b = from; b < to; b++) {
                unpool(gradOutput, b * size, gi, b * in);
            }
        });
        return gradIn;
    }

    /** First row of the window of output row {@code oy} that lies inside the image. */
    int rowFrom(int oy) {
        return Math.max(0, oy * g.stride() - g.padTop());
    }

    int rowTo(int oy) {
        return Math.min(g.height(), oy * g.stride() - g.padTop() + g.kernel());
    }

    int colFrom(int ox) {
        return Math.max(0, ox * g.stride() - g.padLeft());
    }

    int colTo(int ox) {
        return Math.min(g.width(), ox * g.stride() - g.padLeft() + g.kernel());
    }
}
