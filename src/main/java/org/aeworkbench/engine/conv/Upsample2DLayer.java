package org.aeworkbench.engine.conv;

import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.core.SpecException;
import org.aeworkbench.engine.layer.Buffers;
import org.aeworkbench.engine.layer.ParameterFreeLayer;
import org.aeworkbench.engine.layer.Pass;
import org.aeworkbench.engine.tensor.Shape;

/**
 * Nearest-neighbour upsampling by an integer factor f (Keras's {@code UpSampling2D}): every pixel
 * becomes an f x f block of copies, y[fy + dy, fx + dx, c] = x[y, x, c]. Backward sums each
 * block's gradients onto its source pixel. Forward builds one output row from runs of channels
 * and copies it f - 1 times.
 */
public final class Upsample2DLayer extends ParameterFreeLayer {

    private final int factor;

    private Compute compute;
    private float[] out;
    private float[] gradIn;

    public Upsample2DLayer(Shape inputShape, int factor) {
        super(inputShape, outputShape(inputShape, factor));
        this.factor = factor;
    }

    public static Shape outputShape(Shape input, int factor) {
        if (factor < 1) {
            throw new SpecException("factor", "Upsample2D: the factor must be at least 1, not " + factor);
        }
        return new Shape(input.height() * factor, input.width() * factor, input.channels());
    }

    @Override
    public String kind() {
        return "Upsample2D";
    }

    @Override
    public float[] forward(float[] x, int batch, Pass pass) {
        compute = pass.compute();
        int in = inputShape.size();
        int size = outputShape.size();
        out = Buffers.ensure(out, batch * size);
        float[] o = out;
        int h = inputShape.height();
        int w = inputShape.width();
        int c = inputShape.channels();
        int rowLength = w * factor * c;
        compute.parallelRows(batch, size, (from, to) -> {
            for (int b = from; b < to; b++) {
                for (int y = 0; y < h; y++) {
                    int src = b * in + y * w * c;
                    int dst = b * size + y * factor * rowLength;
                    for (int xx = 0; xx < w; xx++) {
                        for (int r = 0; r < factor; r++) {
                            System.arraycopy(x, src + xx * c, o, dst + (xx * factor + r) * c, c);
                        }
                    }
                    for (int r = 1; r < factor; r++) {
                        System.arraycopy(o, dst, o, dst + r * rowLength, rowLength);
                    }
                }
            }
        });
        return out;
    }

    @Override
    public float[] backward(float[] gradOutput, int batch, boolean needInputGrad) {
        if (!needInputGrad) {
            return null;
        }
        int in = inputShape.size();
        int size = outputShape.size();
        gradIn = Buffers.ensure(gradIn, batch * in);
        float[] gi = gradIn;
        int h = inputShape.height();
        int w = inputShape.width();
        int c = inputShape.channels();
        int rowLength = w * factor * c;
        compute.parallelRows(batch, size, (from, to) -> {
            for (int b = from; b < to; b++) {
                for (int y = 0; y < h; y++) {
                    int dst = b * in + y * w * c;
                    for (int r = 0; r < factor; r++) {
                        int src = b * size + (y * factor + r) * rowLength;
                        for (int xx = 0; xx < w; xx++) {
                            int d = dst + xx * c;
                            for (int dx = 0; dx < factor; dx++) {
                                int s = src + (xx * factor + dx) * c;
                                if (r == 0 && dx == 0) {
                                    // The block's first gradient starts the sum: no zero fill beforehand.
                                    System.arraycopy(gradOutput, s, gi, d, c);
                                    continue;
                                }
                                for (int j = 0; j < c; j++) {
                                    gi[d + j] += gradOutput[s + j];
                                }
                            }
                        }
                    }
                }
            }
        });
        return gradIn;
    }
}
