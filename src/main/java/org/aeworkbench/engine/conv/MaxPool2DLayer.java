package org.aeworkbench.engine.conv;

import org.aeworkbench.engine.tensor.Shape;

/**
 * Max pooling: each output is the largest input in its window, per channel. The position of that
 * maximum (the first one on ties) is kept, so backward routes each gradient to the one input
 * that produced the output: dL/dx[argmax] += dL/dy.
 */
public final class MaxPool2DLayer extends Pool2DLayer {

    /** For each output value of the last forward pass, the index of its maximum within the sample. */
    private int[] argmax;

    public MaxPool2DLayer(Shape inputShape, int size, int stride, Padding padding) {
        super("MaxPool2D", inputShape, size, stride, padding);
    }

    @Override
    public String kind() {
        return "MaxPool2D";
    }

    @Override
    void beforeForward(int batch) {
        int n = batch * outputShape().size();
        argmax = argmax != null && argmax.length >= n ? argmax : new int[n];
    }

    @Override
    void pool(float[] x, int xOff, float[] out, int outOff) {
        int c = g.channels();
        int w = g.width();
        int o = outOff;
        for (int oy = 0; oy < g.outHeight(); oy++) {
            int y0 = rowFrom(oy);
            int y1 = rowTo(oy);
            for (int ox = 0; ox < g.outWidth(); ox++) {
                int x0 = colFrom(ox);
                int x1 = colTo(ox);
                // Channel by channel, so the running maximum and its index stay in registers.
                for (int j = 0; j < c; j++) {
                    int best = (y0 * w + x0) * c + j;
                    float max = x[xOff + best];
                    for (int y = y0; y < y1; y++) {
                        for (int i = (y * w + x0) * c + j, end = (y * w + x1) * c; i < end; i += c) {
                            float v = x[xOff + i];
                            if (v > max) {
                                max = v;
                                best = i;
                            }
                        }
                    }
                    out[o + j] = max;
                    argmax[o + j] = best;
                }
                o += c;
            }
        }
    }

    /**
     * Where each output of the last forward pass took its maximum (index within the sample), for
     * {@code batch * outputShape().size()} outputs. Gradient checks use it to tell when a step
     * crossed a kink, where finite differences are meaningless.
     */
    public int[] argmax() {
        return argmax;
    }

    @Override
    void unpool(float[] gradOut, int outOff, float[] gradIn, int inOff) {
        for (int o = outOff, end = outOff + outputShape().size(); o < end; o++) {
            gradIn[inOff + argmax[o]] += gradOut[o];
        }
    }
}
