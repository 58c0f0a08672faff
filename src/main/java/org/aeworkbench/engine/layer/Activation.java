package org.aeworkbench.engine.layer;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.aeworkbench.engine.blas.FloatMath;
import org.aeworkbench.engine.blas.Simd;
import org.aeworkbench.engine.blas.VectorMath;

/**
 * Element-wise activations. Each constant keeps its forward rule and its derivative side by side;
 * the derivative is written in terms of the pre-activation z and the output a = f(z), whichever
 * is cheaper, so backward passes never recompute f.
 *
 * <p>The scalar rules below are the definitions. The sigmoid, tanh and ReLU family also run on
 * SIMD lanes ({@link Lanes}, at the end of this file), which compute the same operations in the
 * same order, so a buffer gives the same bits either way (pinned by {@code ActivationLanesTest}).
 * Transcendentals are the hidden cost of a small network (a scalar {@code Math.exp} costs 10 to
 * 20 ns, and a sigmoid output over 784 pixels needs one per pixel per step), so the sigmoid and
 * tanh use {@link FloatMath#exp}, written from additions and multiplications.
 */
public enum Activation {
    /** f(z) = z */
    IDENTITY {
        @Override public float apply(float z) { return z; }
        @Override public float derivative(float z, float a) { return 1f; }
    },
    /** f(z) = 1 / (1 + e^-z), subnormal results as zero; f' = a (1 - a) */
    SIGMOID {
        @Override public float apply(float z) { return FloatMath.flushSubnormal(1f / (FloatMath.exp(-z) + 1f)); }
        @Override public float derivative(float z, float a) { return a * (1f - a); }
    },
    /** f(z) = tanh z = 1 - 2 / (e^2z + 1), exact at both saturations; f' = 1 - a^2 */
    TANH {
        @Override public float apply(float z) { return 1f - 2f / (FloatMath.exp(z * 2f) + 1f); }
        @Override public float derivative(float z, float a) { return 1f - a * a; }
    },
    /** f(z) = max(0, z) */
    RELU {
        @Override public float apply(float z) { return Math.max(z, 0f); }
        @Override public float derivative(float z, float a) { return z > 0f ? 1f : 0f; }
    },
    /** f(z) = max(z, 0) + 0.01 min(z, 0) (Maas et al. 2013) */
    LEAKY_RELU {
        @Override public float apply(float z) { return Math.max(z, 0f) + Math.min(z, 0f) * LEAK; }
        @Override public float derivative(float z, float a) { return z > 0f ? 1f : LEAK; }
    },
    /** f(z) = z for z &gt; 0, else e^z - 1 (Clevert et al. 2015); f' = a + 1 below zero */
    ELU {
        @Override public float apply(float z) { return z > 0f ? z : (float) Math.expm1(z); }
        @Override public float derivative(float z, float a) { return z > 0f ? 1f : a + 1f; }
    },
    /** f(z) = log(1 + e^z); f' = sigmoid(z) */
    SOFTPLUS {
        @Override public float apply(float z) {
            // log1p(e^-|z|) + max(z, 0) is exact and never overflows.
            return (float) (Math.log1p(Math.exp(-Math.abs(z))) + Math.max(z, 0f));
        }
        @Override public float derivative(float z, float a) { return SIGMOID.apply(z); }
    };

    static final float LEAK = 0.01f;

    /** Spelling in model files and on the command line: "relu", "leaky-relu", ... */
    @com.fasterxml.jackson.annotation.JsonValue
    public String id() {
        return org.aeworkbench.engine.core.EnumIds.id(this);
    }

    @com.fasterxml.jackson.annotation.JsonCreator
    public static Activation fromId(String text) {
        return org.aeworkbench.engine.core.EnumIds.parse(Activation.class, text, "activation");
    }

    public abstract float apply(float z);

    /** df/dz at pre-activation z, where a = apply(z). */
    public abstract float derivative(float z, float a);

    /** Whether every output lies in [0, 1], as a Bernoulli decoder's must. */
    public boolean boundedToUnitInterval() {
        return this == SIGMOID;
    }

    /** Applies f to {@code n} values of {@code z} starting at {@code off}, writing to {@code a}. */
    public void apply(float[] z, float[] a, int off, int n) {
        if (this == IDENTITY) {
            System.arraycopy(z, off, a, off, n);
        } else if (Simd.available() && hasLanes()) {
            Lanes.apply(this, z, a, off, n);
        } else {
            applyPlain(z, a, off, n);
        }
    }

    /** The plain loop of {@link #apply(float[], float[], int, int)}: one scalar rule per element. */
    void applyPlain(float[] z, float[] a, int off, int n) {
        for (int i = off, end = off + n; i < end; i++) {
            a[i] = apply(z[i]);
        }
    }

    /** g[i] *= f'(z[i]) for n values from off: turns dL/da into dL/dz in place. */
    public void backprop(float[] z, float[] a, float[] g, int off, int n) {
        if (this == IDENTITY) {
            return;
        }
        if (Simd.available() && (this == SIGMOID || this == RELU)) {
            Lanes.backprop(this, z, a, g, off, n);
        } else {
            backpropPlain(z, a, g, off, n);
        }
    }

    /**
     * The plain loop of {@link #backprop}. The sigmoid's is flushed like its output (a saturated
     * unit's a (1 - a) times a small gradient is subnormal); the ReLU's is a mask, so that a NaN
     * gradient of a live unit is kept.
     */
    void backpropPlain(float[] z, float[] a, float[] g, int off, int n) {
        for (int i = off, end = off + n; i < end; i++) {
            switch (this) {
                case SIGMOID -> g[i] = FloatMath.flushSubnormal(g[i] * derivative(z[i], a[i]));
                case RELU -> g[i] = z[i] <= 0f ? 0f : g[i];
                default -> g[i] *= derivative(z[i], a[i]);
            }
        }
    }

    private boolean hasLanes() {
        return this == SIGMOID || this == TANH || this == RELU || this == LEAKY_RELU;
    }

    /**
     * The SIMD halves of the rules above, lane for lane the same operations; the elements past the
     * last whole vector go through the scalar rules. Loaded only when {@link Simd#available()}.
     */
    static final class Lanes {

        private static final VectorSpecies<Float> S = VectorMath.S;

        private Lanes() {
        }

        /*
         * One loop per function, chosen before the loop. With the choice inside it, C2 compiled
         * the loop for the functions it had seen so far, and a network that met another one later
         * (a sigmoid output after ReLU layers) ran through the Vector API's unintrinsified
         * fallback: in conv-ae that allocated gigabytes an epoch.
         */
        static void apply(Activation f, float[] z, float[] a, int off, int n) {
            int end = off + S.loopBound(n);
            int i = switch (f) {
                case SIGMOID -> sigmoid(z, a, off, end);
                case TANH -> tanh(z, a, off, end);
                case RELU -> relu(z, a, off, end);
                case LEAKY_RELU -> leakyRelu(z, a, off, end);
                default -> throw new AssertionError(f);
            };
            f.applyPlain(z, a, i, off + n - i);
        }

        private static int sigmoid(float[] z, float[] a, int from, int end) {
            FloatVector one = FloatVector.broadcast(S, 1f);
            int i = from;
            for (; i < end; i += S.length()) {
                FloatVector v = FloatVector.fromArray(S, z, i);
                VectorMath.flushSubnormal(one.div(VectorMath.exp(v.neg()).add(1f))).intoArray(a, i);
            }
            return i;
        }

        private static int tanh(float[] z, float[] a, int from, int end) {
            FloatVector one = FloatVector.broadcast(S, 1f);
            int i = from;
            for (; i < end; i += S.length()) {
                FloatVector v = FloatVector.fromArray(S, z, i);
                one.sub(FloatVector.broadcast(S, 2f).div(VectorMath.exp(v.mul(2f)).add(1f))).intoArray(a, i);
            }
            return i;
        }

        private static int relu(float[] z, float[] a, int from, int end) {
            int i = from;
            for (; i < end; i += S.length()) {
                FloatVector.fromArray(S, z, i).max(0f).intoArray(a, i);
            }
            return i;
        }

        private static int leakyRelu(float[] z, float[] a, int from, int end) {
            int i = from;
            for (; i < end; i += S.length()) {
                FloatVector v = FloatVector.fromArray(S, z, i);
                v.max(0f).add(v.min(0f).mul(LEAK)).intoArray(a, i);
            }
            return i;
        }

        static void backprop(Activation f, float[] z, float[] a, float[] g, int off, int n) {
            int end = off + S.loopBound(n);
            int i = f == SIGMOID ? sigmoidBackprop(a, g, off, end) : reluBackprop(z, g, off, end);
            f.backpropPlain(z, a, g, i, off + n - i);
        }

        private static int sigmoidBackprop(float[] a, float[] g, int from, int end) {
            int i = from;
            for (; i < end; i += S.length()) {
                FloatVector gv = FloatVector.fromArray(S, g, i);
                FloatVector av = FloatVector.fromArray(S, a, i);
                VectorMath.flushSubnormal(gv.mul(av.mul(av.neg().add(1f)))).intoArray(g, i);
            }
            return i;
        }

        private static int reluBackprop(float[] z, float[] g, int from, int end) {
            int i = from;
            for (; i < end; i += S.length()) {
                FloatVector gv = FloatVector.fromArray(S, g, i);
                gv.blend(0f, FloatVector.fromArray(S, z, i).compare(VectorOperators.LE, 0f)).intoArray(g, i);
            }
            return i;
        }
    }
}
