package org.aeworkbench.engine.layer;

import org.aeworkbench.engine.blas.Simd;
import org.aeworkbench.engine.blas.VectorKernels;

/**
 * Element-wise activations. Each constant keeps its forward rule and its derivative side by side;
 * the derivative is written in terms of the pre-activation z and the output a = f(z), whichever
 * is cheaper, so backward passes never recompute f.
 */
public enum Activation {
    /** f(z) = z */
    IDENTITY {
        @Override public float apply(float z) { return z; }
        @Override public float derivative(float z, float a) { return 1f; }
    },
    /** f(z) = 1 / (1 + e^-z); f' = a (1 - a) */
    SIGMOID {
        @Override public float apply(float z) {
            // Split by sign so exp never overflows.
            if (z >= 0) {
                return (float) (1.0 / (1.0 + Math.exp(-z)));
            }
            double e = Math.exp(z);
            return (float) (e / (1.0 + e));
        }
        @Override public float derivative(float z, float a) { return a * (1f - a); }
    },
    /** f(z) = tanh z; f' = 1 - a^2 */
    TANH {
        @Override public float apply(float z) { return (float) Math.tanh(z); }
        @Override public float derivative(float z, float a) { return 1f - a * a; }
    },
    /** f(z) = max(0, z) */
    RELU {
        @Override public float apply(float z) { return z > 0f ? z : 0f; }
        @Override public float derivative(float z, float a) { return z > 0f ? 1f : 0f; }
    },
    /** f(z) = z for z &gt; 0, else 0.01 z (Maas et al. 2013) */
    LEAKY_RELU {
        @Override public float apply(float z) { return z > 0f ? z : LEAK * z; }
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
        return org.aeworkbench.engine.model.EnumIds.id(this);
    }

    @com.fasterxml.jackson.annotation.JsonCreator
    public static Activation fromId(String text) {
        return org.aeworkbench.engine.model.EnumIds.parse(Activation.class, text, "activation");
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
        if (Simd.available() && this != ELU && this != SOFTPLUS) {
            switch (this) {
                case IDENTITY -> System.arraycopy(z, off, a, off, n);
                case SIGMOID -> VectorKernels.sigmoid(z, a, off, n);
                case TANH -> VectorKernels.tanh(z, a, off, n);
                case RELU -> VectorKernels.relu(z, a, off, n, 0f);
                case LEAKY_RELU -> VectorKernels.relu(z, a, off, n, LEAK);
                default -> throw new AssertionError(this);
            }
            return;
        }
        switch (this) {
            case IDENTITY -> System.arraycopy(z, off, a, off, n);
            case RELU -> {
                for (int i = off, end = off + n; i < end; i++) {
                    float v = z[i];
                    a[i] = v > 0f ? v : 0f;
                }
            }
            default -> {
                for (int i = off, end = off + n; i < end; i++) {
                    a[i] = apply(z[i]);
                }
            }
        }
    }

    /** g[i] *= f'(z[i]) for n values from off: turns dL/da into dL/dz in place. */
    public void backprop(float[] z, float[] a, float[] g, int off, int n) {
        if (Simd.available() && (this == SIGMOID || this == RELU)) {
            if (this == SIGMOID) {
                VectorKernels.sigmoidBackprop(a, g, off, n);
            } else {
                VectorKernels.reluBackprop(z, g, off, n);
            }
            return;
        }
        switch (this) {
            case IDENTITY -> { }
            case RELU -> {
                for (int i = off, end = off + n; i < end; i++) {
                    if (z[i] <= 0f) {
                        g[i] = 0f;
                    }
                }
            }
            case SIGMOID -> {
                for (int i = off, end = off + n; i < end; i++) {
                    float v = a[i];
                    g[i] *= v * (1f - v);
                }
            }
            default -> {
                for (int i = off, end = off + n; i < end; i++) {
                    g[i] *= derivative(z[i], a[i]);
                }
            }
        }
    }
}
