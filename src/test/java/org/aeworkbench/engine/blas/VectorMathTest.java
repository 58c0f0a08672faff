package org.aeworkbench.engine.blas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jdk.incubator.vector.FloatVector;
import org.junit.jupiter.api.Test;

/** The lanes of {@link VectorMath} against the JDK, and bit for bit against their plain twins in {@link FloatMath}. */
class VectorMathTest {

    @Test
    void expAndLogAgreeWithTheJdkWithinAFewUlpsAndLanesMatchTheScalarTwinBitForBit() {
        assumeTrue(Simd.available());
        int lanes = VectorMath.S.length();
        float[] x = new float[lanes];
        float[] out = new float[lanes];
        java.util.SplittableRandom r = new java.util.SplittableRandom(5);
        for (int rep = 0; rep < 2000; rep++) {
            for (int l = 0; l < lanes; l++) {
                x[l] = (float) ((r.nextDouble() * 2 - 1) * 80);
            }
            VectorMath.exp(FloatVector.fromArray(VectorMath.S, x, 0)).intoArray(out, 0);
            for (int l = 0; l < lanes; l++) {
                double exact = Math.exp(x[l]);
                assertEquals(exact, out[l], 3 * Math.ulp((float) exact), "exp(" + x[l] + ")");
                assertEquals(Float.floatToIntBits(FloatMath.exp(x[l])), Float.floatToIntBits(out[l]), "scalar twin of exp");
                x[l] = (float) Math.exp((r.nextDouble() * 2 - 1) * 40);
            }
            VectorMath.log(FloatVector.fromArray(VectorMath.S, x, 0)).intoArray(out, 0);
            for (int l = 0; l < lanes; l++) {
                double exact = Math.log(x[l]);
                assertEquals(exact, out[l], 3 * Math.ulp((float) exact) + 1e-7, "log(" + x[l] + ")");
                assertEquals(Float.floatToIntBits(FloatMath.log(x[l])), Float.floatToIntBits(out[l]), "scalar twin of log");
            }
        }
    }
}
