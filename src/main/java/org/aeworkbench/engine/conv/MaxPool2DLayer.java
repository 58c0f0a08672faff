package org.aeworkbench.engine.conv;

import java.util.stream.IntStream;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.aeworkbench.engine.blas.Simd;
import org.aeworkbench.engine.blas.VectorMath;
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
        boolean simd = Simd.available() && c >= Simd.floatLanes(); // a whole vector of channels at least
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
                            Lanes.maxWithIndex(x, xOff + i, out, argmax, o, i, c);
                        } else {
                            maxWithIndex(x, xOff + i, out, argmax, o, i, 0, c);
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
    /**
     * The running maximum with its position: for j in [from, n), where x[xOff + j] &gt; max[off + j],
     * max[off + j] = x[xOff + j] and arg[off + j] = index + j. Strictly greater, so ties keep the
     * earlier position (and a NaN never replaces the maximum).
     */
    static void maxWithIndex(float[] x, int xOff, float[] max, int[] arg, int off, int index, int from, int n) {
        for (int j = from; j < n; j++) {
            float v = x[xOff + j];
            if (v > max[off + j]) {
                max[off + j] = v;
                arg[off + j] = index + j;
            }
        }
    }

    /**
     * {@link #maxWithIndex} on the lanes of {@link VectorMath#S} and as many int lanes, so that a
     * float comparison selects int lanes. Not a narrower species for fewer channels: a second
     * FloatVector class in the JVM makes the type profiles inside the Vector API bimorphic, and
     * kernels compiled after that could lose their intrinsics and box every vector (a dense run
     * then allocated 1.3-2.7 GB an epoch; docs/performance.md, round twenty-six). Loaded only when
     * {@link Simd#available()}.
     */
    static final class Lanes {

        private static final VectorSpecies<Float> F = VectorMath.S;
        private static final VectorSpecies<Integer> I = VectorSpecies.of(int.class, F.vectorShape());
        private static final int[] IOTA = IntStream.range(0, F.length()).toArray();

        private Lanes() {
        }

        static void maxWithIndex(float[] x, int xOff, float[] max, int[] arg, int off, int index, int n) {
            int j = 0;
            for (; j + F.length() <= n; j += F.length()) {
                FloatVector v = FloatVector.fromArray(F, x, xOff + j);
                FloatVector m = FloatVector.fromArray(F, max, off + j);
                VectorMask<Float> greater = v.compare(VectorOperators.GT, m);
                m.blend(v, greater).intoArray(max, off + j);
                IntVector at = IntVector.fromArray(I, IOTA, 0).add(index + j);
                IntVector.fromArray(I, arg, off + j).blend(at, greater.cast(I)).intoArray(arg, off + j);
            }
            MaxPool2DLayer.maxWithIndex(x, xOff, max, arg, off, index, j, n);
        }
    }
}
