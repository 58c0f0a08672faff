package org.aeworkbench.engine.conv;

import org.aeworkbench.engine.blas.Simd;
import org.aeworkbench.engine.blas.VectorKernels;
import org.aeworkbench.engine.tensor.Shape;

/**
 * Max pooling: each output is the largest input in its window, per channel. The position of that
 * maximum (the first one on ties) is kept, so backward routes each gradient to the one input
 * that produced the output: dL/dx[argmax] += dL/dy.
 */
public final class MaxPool2DLayer extends Pool2DLayer {

    /** For each output value of the last forward pass, the index of its maximum within the sample. */
    private int[] argmax;

    /** Channel counts from which the vector kernel pays for its setup (one 8-lane vector). */
    private static final int VECTOR_CHANNELS = 8;

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

    /**
     * Window pixels outermost and channels innermost, so every pass reads one contiguous run of
     * channels; the output and argmax buffers hold the running maximum. Pixels are visited in
     * row-major order and only a strictly larger value replaces the maximum, so ties keep the first.
     */
    @Override
    void pool(float[] x, int xOff, float[] out, int outOff) {
        int c = g.channels();
        int w = g.width();
        int o = outOff;
        boolean simd = Simd.available() && c >= VECTOR_CHANNELS;
        for (int oy = 0; oy < g.outHeight(); oy++) {
            int y0 = rowFrom(oy);
            int y1 = rowTo(oy);
            for (int ox = 0; ox < g.outWidth(); ox++) {
                int x0 = colFrom(ox);
                int x1 = colTo(ox);
                int first = (y0 * w + x0) * c;
                System.arraycopy(x, xOff + first, out, o, c);
                for (int j = 0; j < c; j++) {
                    argmax[o + j] = first + j;
                }
                for (int y = y0; y < y1; y++) {
                    for (int xx = y == y0 ? x0 + 1 : x0; xx < x1; xx++) {
                        int i = (y * w + xx) * c;
                        if (simd) {
                            VectorKernels.maxWithIndex(x, xOff + i, out, argmax, o, i, c);
                            continue;
                        }
                        for (int j = 0; j < c; j++) {
                            float v = x[xOff + i + j];
                            if (v > out[o + j]) {
                                out[o + j] = v;
                                argmax[o + j] = i + j;
                            }
                        }
                    }
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
