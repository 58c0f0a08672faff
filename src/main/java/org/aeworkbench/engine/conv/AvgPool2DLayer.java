package org.aeworkbench.engine.conv;

import java.util.Arrays;
import org.aeworkbench.engine.tensor.Shape;

/**
 * Average pooling: each output is the mean of the image pixels in its window, per channel
 * (padding is not counted, so border windows average fewer pixels). Backward spreads each
 * gradient evenly: dL/dx[i] += dL/dy / count for every i in the window.
 */
public final class AvgPool2DLayer extends Pool2DLayer {

    public AvgPool2DLayer(Shape inputShape, int size, int stride, Padding padding) {
        super("AvgPool2D", inputShape, size, stride, padding);
    }

    @Override
    public String kind() {
        return "AvgPool2D";
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
                Arrays.fill(out, o, o + c, 0f);
                for (int y = y0; y < y1; y++) {
                    for (int xx = x0; xx < x1; xx++) {
                        int i = xOff + (y * w + xx) * c;
                        for (int j = 0; j < c; j++) {
                            out[o + j] += x[i + j];
                        }
                    }
                }
                float inv = 1f / ((y1 - y0) * (x1 - x0));
                for (int j = 0; j < c; j++) {
                    out[o + j] *= inv;
                }
                o += c;
            }
        }
    }

    @Override
    void unpool(float[] gradOut, int outOff, float[] gradIn, int inOff) {
        int c = g.channels();
        int w = g.width();
        int o = outOff;
        for (int oy = 0; oy < g.outHeight(); oy++) {
            int y0 = rowFrom(oy);
            int y1 = rowTo(oy);
            for (int ox = 0; ox < g.outWidth(); ox++) {
                int x0 = colFrom(ox);
                int x1 = colTo(ox);
                float inv = 1f / ((y1 - y0) * (x1 - x0));
                for (int y = y0; y < y1; y++) {
                    for (int xx = x0; xx < x1; xx++) {
                        int i = inOff + (y * w + xx) * c;
                        for (int j = 0; j < c; j++) {
                            gradIn[i + j] += gradOut[o + j] * inv;
                        }
                    }
                }
                o += c;
            }
        }
    }
}
