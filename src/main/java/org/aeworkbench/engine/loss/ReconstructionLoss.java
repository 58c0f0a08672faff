package org.aeworkbench.engine.loss;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.blas.FloatMath;
import org.aeworkbench.engine.blas.Simd;
import org.aeworkbench.engine.blas.VectorMath;

/**
 * Reconstruction losses, per sample as a sum over features (the convention of Hinton and
 * Salakhutdinov 2006 and of the PyTorch VAE example), averaged over the batch for gradients.
 */
public enum ReconstructionLoss {

    /** Squared error: sum_i (a_i - t_i)^2. */
    MSE("Mean squared error", "L = \u03a3\u1d62 (x\u0302\u1d62 \u2212 x\u1d62)\u00b2"),

    /**
     * Binary cross-entropy: -sum_i [t_i log a_i + (1 - t_i) log(1 - a_i)]. From logits z (a = sigmoid z)
     * it is computed as max(z, 0) - t z + log(1 + e^-|z|), which never takes log of 0, and its
     * gradient is simply sigmoid(z) - t.
     */
    BCE("Binary cross-entropy", "L = \u2212\u03a3\u1d62 [x\u1d62 log x\u0302\u1d62 + (1 \u2212 x\u1d62) log(1 \u2212 x\u0302\u1d62)]"),

    /** Absolute error: sum_i |a_i - t_i|. */
    L1("Absolute error", "L = \u03a3\u1d62 |x\u0302\u1d62 \u2212 x\u1d62|");

    /** Probabilities are clamped this far from 0 and 1 when BCE cannot use logits. */
    private static final float EPS = 1e-7f;

    private final String title;
    private final String formula;

    ReconstructionLoss(String title, String formula) {
        this.title = title;
        this.formula = formula;
    }

    @com.fasterxml.jackson.annotation.JsonValue
    public String id() {
        return org.aeworkbench.engine.core.EnumIds.id(this);
    }

    @com.fasterxml.jackson.annotation.JsonCreator
    public static ReconstructionLoss fromId(String text) {
        return org.aeworkbench.engine.core.EnumIds.parse(ReconstructionLoss.class, text, "loss");
    }

    public String title() {
        return title;
    }

    /** The formula in Unicode, legible without a math renderer. */
    public String formula() {
        return formula;
    }

    /**
     * Loss summed over the batch and its gradient scaled by {@code gradScale}.
     *
     * @param output  the decoder's output a
     * @param logits  the output layer's pre-activation when it is a sigmoid and this is BCE, else null;
     *                when given, the gradient written is with respect to the logits
     * @param grad    receives dL/da (or dL/dz) times gradScale; may be null to evaluate only
     * @param rowLoss scratch of at least {@code batch} doubles; receives each sample's loss
     */
    public double evaluate(Compute compute, float[] output, float[] logits, float[] target, int batch,
                           int features, float[] grad, float gradScale, double[] rowLoss) {
        compute.parallelRows(batch, features, (r0, r1) -> {
            for (int r = r0; r < r1; r++) {
                rowLoss[r] = row(output, logits, target, r * features, features, grad, gradScale);
            }
        });
        double total = 0;
        for (int r = 0; r < batch; r++) {
            total += rowLoss[r];
        }
        return total;
    }

    private double row(float[] a, float[] z, float[] t, int off, int n, float[] g, float s) {
        if (this == MSE) {
            return Simd.available() ? Lanes.squaredError(a, t, off, n, g, s) : squaredErrorPlain(a, t, off, n, g, s);
        }
        if (this == BCE && z != null) {
            return Simd.available() ? Lanes.bceFromLogits(a, z, t, off, n, g, s) : bceFromLogitsPlain(a, z, t, off, n, g, s);
        }
        double sum = 0;
        int end = off + n;
        switch (this) {
            case L1 -> {
                for (int i = off; i < end; i++) {
                    float d = a[i] - t[i];
                    sum += Math.abs(d);
                    if (g != null) {
                        g[i] = d > 0 ? s : d < 0 ? -s : 0f;
                    }
                }
            }
            case BCE -> {
                for (int i = off; i < end; i++) {
                    float p = Math.min(Math.max(a[i], EPS), 1f - EPS);
                    sum -= t[i] * Math.log(p) + (1 - t[i]) * Math.log(1 - p);
                    if (g != null) {
                        g[i] = (p - t[i]) / (p * (1f - p)) * s;
                    }
                }
            }
            default -> throw new AssertionError(this);
        }
        return sum;
    }

    /** One pixel's BCE from its logit: max(z, 0) - t z + log(1 + e^-|z|). */
    private static float bceOfLogit(float z, float t) {
        return Math.max(z, 0f) - t * z + FloatMath.log(FloatMath.exp(-Math.abs(z)) + 1f);
    }

    /** dL/dz = (sigmoid(z) - t) s, subnormal results as zero. */
    private static float bceGradient(float a, float t, float s) {
        return FloatMath.flushSubnormal((a - t) * s);
    }

    /** One pixel's squared error is d^2, d = a - t; dL/da = 2 d s, subnormal results as zero. */
    private static float squaredErrorGradient(float d, float s) {
        return FloatMath.flushSubnormal(d * (2f * s));
    }

    /**
     * The plain BCE of one sample from logits, summed as {@link Lanes#bceFromLogits} sums it: the
     * elements of whole vectors into {@link Simd#floatLanes()} interleaved float sums, added in lane
     * order into a double; the rest straight into the double.
     */
    static double bceFromLogitsPlain(float[] a, float[] z, float[] t, int off, int n, float[] g, float s) {
        int lanes = Simd.floatLanes();
        int whole = n - n % lanes;
        float[] acc = new float[lanes]; // the plain path only runs without the Vector API
        for (int i = 0; i < whole; i++) {
            acc[i % lanes] += bceOfLogit(z[off + i], t[off + i]);
        }
        double sum = 0;
        for (float x : acc) {
            sum += x;
        }
        return bceTail(a, z, t, off, whole, n, g, s, sum, 0);
    }

    /** Adds the BCE of elements [from, n) to {@code sum}, and writes the gradients of [gradFrom, n). */
    private static double bceTail(float[] a, float[] z, float[] t, int off, int from, int n, float[] g, float s,
                                  double sum, int gradFrom) {
        for (int i = off + from, end = off + n; i < end; i++) {
            sum += bceOfLogit(z[i], t[i]);
        }
        if (g != null) {
            for (int i = off + gradFrom, end = off + n; i < end; i++) {
                g[i] = bceGradient(a[i], t[i], s);
            }
        }
        return sum;
    }

    /** The plain squared error of one sample, summed as {@link Lanes#squaredError} sums it. */
    static double squaredErrorPlain(float[] a, float[] t, int off, int n, float[] g, float s) {
        int lanes = Simd.floatLanes();
        int whole = n - n % lanes;
        float[] acc = new float[lanes];
        for (int i = 0; i < whole; i++) {
            float d = a[off + i] - t[off + i];
            acc[i % lanes] += d * d;
        }
        double sum = 0;
        for (float x : acc) {
            sum += x;
        }
        return squaredErrorTail(a, t, off, whole, n, g, s, sum, 0);
    }

    private static double squaredErrorTail(float[] a, float[] t, int off, int from, int n, float[] g, float s,
                                           double sum, int gradFrom) {
        for (int i = off + from, end = off + n; i < end; i++) {
            float d = a[i] - t[i];
            sum += d * d;
        }
        if (g != null) {
            for (int i = off + gradFrom, end = off + n; i < end; i++) {
                g[i] = squaredErrorGradient(a[i] - t[i], s);
            }
        }
        return sum;
    }

    /**
     * BCE and squared error on SIMD lanes: the operations of the scalar rules above, lane for
     * lane. Loaded only when {@link Simd#available()}.
     */
    static final class Lanes {

        private static final VectorSpecies<Float> S = VectorMath.S;

        private Lanes() {
        }

        /*
         * The loss and the gradient are two loops. In one loop, C2 ran out of its inlining budget
         * on the exp and log before it reached the gradient's operations, which then ran through
         * the Vector API's unintrinsified fallback for every output of every training sample,
         * allocating about 80 MB a second of training. A row is a few kilobytes, so the second
         * pass reads it from L1.
         */
        static double bceFromLogits(float[] a, float[] z, float[] t, int off, int n, float[] g, float s) {
            int whole = S.loopBound(n);
            double sum = bceSum(z, t, off, whole);
            if (g != null) {
                gradient(a, t, off, whole, g, s);
            }
            return bceTail(a, z, t, off, whole, n, g, s, sum, whole);
        }

        private static double bceSum(float[] z, float[] t, int off, int whole) {
            FloatVector acc = FloatVector.zero(S);
            for (int i = off, end = off + whole; i < end; i += S.length()) {
                FloatVector zv = FloatVector.fromArray(S, z, i);
                FloatVector tv = FloatVector.fromArray(S, t, i);
                FloatVector soft = VectorMath.log(VectorMath.exp(zv.abs().neg()).add(1f));
                acc = acc.add(zv.max(0f).sub(tv.mul(zv)).add(soft));
            }
            return VectorMath.laneSum(acc);
        }

        /** g = (a - t) s, flushed: the gradient of BCE through a sigmoid, and (with 2s) of squared error. */
        private static void gradient(float[] a, float[] t, int off, int whole, float[] g, float s) {
            for (int i = off, end = off + whole; i < end; i += S.length()) {
                FloatVector d = FloatVector.fromArray(S, a, i).sub(FloatVector.fromArray(S, t, i));
                VectorMath.flushSubnormal(d.mul(s)).intoArray(g, i);
            }
        }

        static double squaredError(float[] a, float[] t, int off, int n, float[] g, float s) {
            int whole = S.loopBound(n);
            FloatVector acc = FloatVector.zero(S);
            for (int i = off, end = off + whole; i < end; i += S.length()) {
                FloatVector d = FloatVector.fromArray(S, a, i).sub(FloatVector.fromArray(S, t, i));
                acc = acc.add(d.mul(d));
            }
            if (g != null) {
                gradient(a, t, off, whole, g, 2f * s);
            }
            return squaredErrorTail(a, t, off, whole, n, g, s, VectorMath.laneSum(acc), whole);
        }
    }
}
