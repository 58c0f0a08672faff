package org.aeworkbench.engine.blas;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Element-wise hot loops on the Java Vector API. Transcendentals (exp, log, tanh) are scalar
 * library calls of 10 to 20 ns each in a plain loop; here they run on SIMD lanes ({@link VectorMath}), which on MNIST
 * shapes saves about a second per epoch. Only call after {@link Simd#available()}; every method
 * has a scalar twin at its call site with the same meaning.
 */
public final class VectorKernels {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    /** 8 lanes of float and of int, the same shape, so a float comparison can select int lanes. */
    private static final VectorSpecies<Float> F8 = FloatVector.SPECIES_256;
    private static final VectorSpecies<Integer> I8 = IntVector.SPECIES_256;
    private static final int[] IOTA8 = {0, 1, 2, 3, 4, 5, 6, 7};
    private static final FloatVector ZERO = FloatVector.zero(S);

    private VectorKernels() {
    }

    /** a = 1 / (1 + e^-z) */
    /**
     * {@code v} with magnitudes below the smallest normal float set to zero (NaN kept). A
     * subnormal operand costs a microcode assist in every multiply that reads it: a sigmoid output
     * layer trained long enough drives background pixels' outputs and BCE gradients (scaled by
     * 1 / batch) into the subnormals, and 2.6% of them there made every backward product slower,
     * until 8 continued runs of the reference design ran at half speed (measured). What is dropped is
     * smaller than 1.2e-38, and is applied only where activations and loss gradients are written.
     */
    static FloatVector flushSubnormal(FloatVector v) {
        return v.blend(0f, v.abs().compare(VectorOperators.LT, Float.MIN_NORMAL));
    }

    static float flushSubnormal(float x) {
        return Math.abs(x) < Float.MIN_NORMAL ? 0f : x;
    }

    /** a = 1 / (1 + e^-z), with subnormal results as zero (see {@link #flushSubnormal(FloatVector)}). */
    public static void sigmoid(float[] z, float[] a, int off, int n) {
        int i = off;
        int end = off + n;
        for (int bound = off + S.loopBound(n); i < bound; i += S.length()) {
            FloatVector v = FloatVector.fromArray(S, z, i);
            FloatVector one = FloatVector.broadcast(S, 1f);
            flushSubnormal(one.div(VectorMath.exp(v.neg()).add(1f))).intoArray(a, i);
        }
        for (; i < end; i++) {
            a[i] = flushSubnormal(1f / (VectorMath.exp(-z[i]) + 1f));
        }
    }

    public static void tanh(float[] z, float[] a, int off, int n) {
        int i = off;
        int end = off + n;
        for (int bound = off + S.loopBound(n); i < bound; i += S.length()) {
            // tanh z = 1 - 2 / (e^2z + 1): exact at both saturations.
            FloatVector e2 = VectorMath.exp(FloatVector.fromArray(S, z, i).mul(2f));
            FloatVector.broadcast(S, 1f).sub(FloatVector.broadcast(S, 2f).div(e2.add(1f))).intoArray(a, i);
        }
        for (; i < end; i++) {
            a[i] = 1f - 2f / (VectorMath.exp(z[i] * 2f) + 1f);
        }
    }

    /** a = max(z, 0) + slope * min(z, 0): ReLU for slope 0, leaky ReLU otherwise. */
    public static void relu(float[] z, float[] a, int off, int n, float slope) {
        int i = off;
        int end = off + n;
        for (int bound = off + S.loopBound(n); i < bound; i += S.length()) {
            FloatVector v = FloatVector.fromArray(S, z, i);
            FloatVector pos = v.max(0f);
            (slope == 0f ? pos : pos.add(v.min(0f).mul(slope))).intoArray(a, i);
        }
        for (; i < end; i++) {
            float v = z[i];
            a[i] = v > 0f ? v : slope * v;
        }
    }

    /** g *= a (1 - a): the sigmoid's derivative from its output. */
    public static void sigmoidBackprop(float[] a, float[] g, int off, int n) {
        int i = off;
        int end = off + n;
        for (int bound = off + S.loopBound(n); i < bound; i += S.length()) {
            FloatVector av = FloatVector.fromArray(S, a, i);
            flushSubnormal(FloatVector.fromArray(S, g, i).mul(av.mul(av.neg().add(1f)))).intoArray(g, i);
        }
        for (; i < end; i++) {
            g[i] = flushSubnormal(g[i] * (a[i] * (1f - a[i])));
        }
    }

    /** g = 0 where z &lt;= 0. */
    public static void reluBackprop(float[] z, float[] g, int off, int n) {
        int i = off;
        int end = off + n;
        for (int bound = off + S.loopBound(n); i < bound; i += S.length()) {
            VectorMask<Float> dead = FloatVector.fromArray(S, z, i).compare(VectorOperators.LE, 0f);
            FloatVector.fromArray(S, g, i).blend(0f, dead).intoArray(g, i);
        }
        for (; i < end; i++) {
            if (z[i] <= 0f) {
                g[i] = 0f;
            }
        }
    }

    /** x[xOff + j] += b[bOff + j] for j &lt; n. */
    public static void addInPlace(float[] x, int xOff, float[] b, int bOff, int n) {
        int j = 0;
        for (int bound = S.loopBound(n); j < bound; j += S.length()) {
            FloatVector.fromArray(S, x, xOff + j).add(FloatVector.fromArray(S, b, bOff + j)).intoArray(x, xOff + j);
        }
        for (; j < n; j++) {
            x[xOff + j] += b[bOff + j];
        }
    }

    /**
     * BCE of one sample from logits: returns sum of max(z, 0) - t z + log(1 + e^-|z|) and, when g is
     * not null, writes g = (a - t) s.
     */
    public static double bceFromLogits(float[] a, float[] z, float[] t, int off, int n, float[] g, float s) {
        int i = off;
        int end = off + n;
        FloatVector acc = FloatVector.zero(S);
        for (int bound = off + S.loopBound(n); i < bound; i += S.length()) {
            FloatVector zv = FloatVector.fromArray(S, z, i);
            FloatVector tv = FloatVector.fromArray(S, t, i);
            FloatVector soft = VectorMath.log(VectorMath.exp(zv.abs().neg()).add(1f));
            acc = acc.add(zv.max(0f).sub(tv.mul(zv)).add(soft));
            if (g != null) {
                flushSubnormal(FloatVector.fromArray(S, a, i).sub(tv).mul(s)).intoArray(g, i);
            }
        }
        double sum = laneSum(acc);
        for (; i < end; i++) {
            float zi = z[i];
            sum += Math.max(zi, 0f) - t[i] * zi + VectorMath.log(VectorMath.exp(-Math.abs(zi)) + 1f);
            if (g != null) {
                g[i] = flushSubnormal((a[i] - t[i]) * s);
            }
        }
        return sum;
    }

    /** Squared error of one sample; g = 2 (a - t) s when g is not null. */
    public static double squaredError(float[] a, float[] t, int off, int n, float[] g, float s) {
        int i = off;
        int end = off + n;
        FloatVector acc = FloatVector.zero(S);
        for (int bound = off + S.loopBound(n); i < bound; i += S.length()) {
            FloatVector d = FloatVector.fromArray(S, a, i).sub(FloatVector.fromArray(S, t, i));
            acc = acc.add(d.mul(d));
            if (g != null) {
                flushSubnormal(d.mul(2f * s)).intoArray(g, i);
            }
        }
        double sum = laneSum(acc);
        for (; i < end; i++) {
            float d = a[i] - t[i];
            sum += d * d;
            if (g != null) {
                g[i] = flushSubnormal(2f * d * s);
            }
        }
        return sum;
    }

    /**
     * Lanes summed in index order: reduceLanes may associate differently once compiled, which
     * would change last bits between a cold and a warm run.
     */
    private static double laneSum(FloatVector v) {
        double sum = 0;
        for (int l = 0; l < S.length(); l++) {
            sum += v.lane(l);
        }
        return sum;
    }

    /** Adam's update of w[from, to) (see {@code Adam}); moments below {@code tiny} are stored as zero and the gradient read is left zero. */
    public static void adam(float[] w, float[] g, float[] m, float[] v, int from, int to,
                            float b1, float b2, float step, float vc, float eps, float tiny) {
        int i = from;
        float c1 = 1 - b1;
        float c2 = 1 - b2;
        for (int bound = from + S.loopBound(to - from); i < bound; i += S.length()) {
            FloatVector gv = FloatVector.fromArray(S, g, i);
            FloatVector mv = FloatVector.fromArray(S, m, i).mul(b1).add(gv.mul(c1));
            FloatVector vv = FloatVector.fromArray(S, v, i).mul(b2).add(gv.mul(gv).mul(c2));
            mv = mv.blend(ZERO, mv.abs().compare(VectorOperators.LT, tiny));
            vv = vv.blend(ZERO, vv.compare(VectorOperators.LT, tiny));
            mv.intoArray(m, i);
            vv.intoArray(v, i);
            FloatVector denom = vv.mul(vc).sqrt().add(eps);
            FloatVector.fromArray(S, w, i).sub(mv.mul(step).div(denom)).intoArray(w, i);
            ZERO.intoArray(g, i);
        }
        for (; i < to; i++) {
            float gi = g[i];
            float mi = b1 * m[i] + c1 * gi;
            float vi = b2 * v[i] + gi * gi * c2;
            mi = Math.abs(mi) < tiny ? 0f : mi;
            vi = vi < tiny ? 0f : vi;
            m[i] = mi;
            v[i] = vi;
            w[i] -= step * mi / ((float) Math.sqrt(vi * vc) + eps);
            g[i] = 0f;
        }
    }

    /**
     * A running maximum with its position, for max pooling over channels-last pixels: for j &lt; n,
     * where x[xOff + j] &gt; max[off + j], max[off + j] = x[xOff + j] and arg[off + j] = index + j.
     * Strictly greater, as in the scalar loop, so ties keep the earlier position.
     */
    public static void maxWithIndex(float[] x, int xOff, float[] max, int[] arg, int off, int index, int n) {
        int j = 0;
        for (; j + F8.length() <= n; j += F8.length()) {
            FloatVector v = FloatVector.fromArray(F8, x, xOff + j);
            FloatVector m = FloatVector.fromArray(F8, max, off + j);
            VectorMask<Float> greater = v.compare(VectorOperators.GT, m);
            m.blend(v, greater).intoArray(max, off + j);
            IntVector at = IntVector.fromArray(I8, IOTA8, 0).add(index + j);
            IntVector.fromArray(I8, arg, off + j).blend(at, greater.cast(I8)).intoArray(arg, off + j);
        }
        for (; j < n; j++) {
            float v = x[xOff + j];
            if (v > max[off + j]) {
                max[off + j] = v;
                arg[off + j] = index + j;
            }
        }
    }
}
