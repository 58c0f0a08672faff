package org.aeworkbench.export.design;

import java.util.Arrays;

/**
 * How one workbench parameter is laid out in PyTorch: the parameter's values, read row-major as an
 * array of {@code workbenchShape}, have their axes permuted by {@code axes} (PyTorch axis i is
 * workbench axis {@code axes[i]}, as {@code numpy.transpose}). A dense weight stored in x out as
 * the workbench's {@code x W} wants is {@code (in, out)} permuted {@code (1, 0)}: {@code nn.Linear}'s
 * {@code (out, in)}.
 */
public record TensorLayout(long[] workbenchShape, int[] axes) {

    public TensorLayout {
        workbenchShape = workbenchShape.clone();
        axes = axes.clone();
        if (axes.length != workbenchShape.length) {
            throw new IllegalArgumentException(Arrays.toString(axes) + " does not permute " + Arrays.toString(workbenchShape));
        }
    }

    /** The same values, the same shape. */
    public static TensorLayout asIs(long... shape) {
        int[] axes = new int[shape.length];
        for (int i = 0; i < axes.length; i++) {
            axes[i] = i;
        }
        return new TensorLayout(shape, axes);
    }

    public static TensorLayout permuted(long[] workbenchShape, int... axes) {
        return new TensorLayout(workbenchShape, axes);
    }

    /** The shape PyTorch sees. */
    public long[] torchShape() {
        long[] s = new long[axes.length];
        for (int i = 0; i < axes.length; i++) {
            s[i] = workbenchShape[axes[i]];
        }
        return s;
    }

    /** Workbench order to PyTorch order. */
    public float[] toTorch(float[] workbench) {
        return move(workbench, true);
    }

    /** PyTorch order to workbench order. */
    public float[] toWorkbench(float[] torch) {
        return move(torch, false);
    }

    /** Walks every PyTorch index; {@code forward} reads the workbench array, else writes it. */
    private float[] move(float[] from, boolean forward) {
        int rank = axes.length;
        long[] torchShape = torchShape();
        long[] wbStrides = new long[rank];
        long stride = 1;
        for (int i = rank - 1; i >= 0; i--) {
            wbStrides[i] = stride;
            stride *= workbenchShape[i];
        }
        if (stride != from.length) {
            throw new IllegalArgumentException(from.length + " values do not fill " + Arrays.toString(workbenchShape));
        }
        float[] to = new float[from.length];
        int[] idx = new int[rank];
        for (int t = 0; t < from.length; t++) {
            long w = 0;
            for (int i = 0; i < rank; i++) {
                w += idx[i] * wbStrides[axes[i]];
            }
            if (forward) {
                to[t] = from[(int) w];
            } else {
                to[(int) w] = from[t];
            }
            for (int i = rank - 1; i >= 0; i--) {
                if (++idx[i] < torchShape[i]) {
                    break;
                }
                idx[i] = 0;
            }
        }
        return to;
    }

    @Override
    public long[] workbenchShape() {
        return workbenchShape.clone();
    }

    @Override
    public int[] axes() {
        return axes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TensorLayout l && Arrays.equals(l.workbenchShape, workbenchShape) && Arrays.equals(l.axes, axes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(workbenchShape) * 31 + Arrays.hashCode(axes);
    }
}
