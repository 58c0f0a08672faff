package org.aeworkbench.engine.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.aeworkbench.engine.blas.LanesFixture;
import org.aeworkbench.engine.blas.Simd;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each activation's SIMD lanes give the bits of its plain loop, forward and backward, tails and subnormals included. */
class ActivationLanesTest {

    @ParameterizedTest
    @EnumSource(value = Activation.class, names = {"SIGMOID", "TANH", "RELU", "LEAKY_RELU"})
    void forwardLanesEqualThePlainRuleBitForBit(Activation f) {
        assumeTrue(Simd.available(), "the JVM was started without jdk.incubator.vector");
        for (int n : LanesFixture.LENGTHS) {
            float[] z = LanesFixture.values(n + 3, 100f, n);
            float[] lanes = new float[z.length];
            float[] plain = new float[z.length];
            Activation.Lanes.apply(f, z, lanes, 3, n);
            f.applyPlain(z, plain, 3, n);
            LanesFixture.assertSameBits(plain, lanes, f + " forward, n = " + n);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Activation.class, names = {"SIGMOID", "RELU"})
    void backwardLanesEqualThePlainRuleBitForBit(Activation f) {
        assumeTrue(Simd.available(), "the JVM was started without jdk.incubator.vector");
        for (int n : LanesFixture.LENGTHS) {
            float[] z = LanesFixture.values(n, 30f, 7 + n);
            float[] a = new float[n];
            f.applyPlain(z, a, 0, n);
            float[] g = LanesFixture.values(n, 1e-30f, 11 + n); // times a (1 - a): down into the subnormals
            float[] lanes = g.clone();
            float[] plain = g.clone();
            Activation.Lanes.backprop(f, z, a, lanes, 0, n);
            f.backpropPlain(z, a, plain, 0, n);
            LanesFixture.assertSameBits(plain, lanes, f + " backward, n = " + n);
        }
    }

    /** A sigmoid far into its tail gives zero, not a subnormal, while normal values are kept. */
    @ParameterizedTest
    @EnumSource(value = Activation.class, names = "SIGMOID")
    void aSaturatedSigmoidWritesZeroNotASubnormal(Activation f) {
        float[] z = new float[67];
        for (int i = 0; i < z.length; i++) {
            z[i] = i % 2 == 0 ? -95f : -80f; // 1 / (1 + e^95) = 5.5e-42 is subnormal; e^-80 = 1.8e-35 is not
        }
        float[] a = new float[z.length];
        f.apply(z, a, 0, z.length);
        for (int i = 0; i < z.length; i++) {
            if (i % 2 == 0) {
                assertEquals(0f, a[i], "index " + i);
            } else {
                assertEquals(1.8e-35, a[i], 1e-36, "index " + i);
            }
        }
        float[] g = new float[z.length];
        for (int i = 0; i < z.length; i++) {
            g[i] = i % 2 == 0 ? 1e-20f : 1e-10f;
            a[i] = 1e-20f; // a (1 - a) = 1e-20: 1e-40 (subnormal) for even entries, 1e-30 for odd
        }
        f.backprop(z, a, g, 0, z.length);
        for (int i = 0; i < z.length; i++) {
            assertEquals(i % 2 == 0 ? 0f : 1e-30f, g[i], i % 2 == 0 ? 0 : 1e-36f, "index " + i);
        }
    }
}
