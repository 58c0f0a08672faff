package org.aeworkbench.engine.blas;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * exp and log for float lanes from additions, multiplications and bit operations only
 * (Cephes' expf and logf: range reduction plus a minimax polynomial, about 1 ulp on their range).
 *
 * <p>The Vector API's own EXP and LOG1P may return different last bits depending on whether the
 * JIT has compiled the loop yet, which would make training runs differ in their last bits from
 * one run to the next. Plain IEEE arithmetic gives the same bits compiled or not, and the scalar
 * twins below give the same bits as the lanes, so results never depend on timing or alignment.
 */
final class VectorMath {

    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    private static final float ROUNDER = 12582912f; // 1.5 * 2^23
    private static final int ROUNDER_BITS = 0x4B400000;
    private static final float TWO_23 = 8388608f;
    private static final int TWO_23_BITS = 0x4B000000;
    private static final float EXP_HI = 88.0f;
    private static final float EXP_LO = -87.0f;
    private static final float LOG2E = 1.44269504088896341f;
    private static final float C1 = 0.693359375f;
    private static final float C2 = -2.12194440e-4f;
    private static final float[] EXP_P = {1.9875691500E-4f, 1.3981999507E-3f, 8.3334519073E-3f,
        4.1665795894E-2f, 1.6666665459E-1f, 5.0000001201E-1f};
    private static final float SQRTHF = 0.707106781186547524f;
    private static final float[] LOG_P = {7.0376836292E-2f, -1.1514610310E-1f, 1.1676998740E-1f,
        -1.2420140846E-1f, 1.4249322787E-1f, -1.6668057665E-1f, 2.0000714765E-1f,
        -2.4999993993E-1f, 3.3333331174E-1f};

    private VectorMath() {
    }

    static FloatVector exp(FloatVector x) {
        x = x.min(EXP_HI).max(EXP_LO);
        // Adding 1.5 * 2^23 rounds x log2(e) to the nearest integer n, and leaves n in the low bits.
        FloatVector shifted = x.mul(LOG2E).add(ROUNDER);
        FloatVector n = shifted.sub(ROUNDER);
        FloatVector r = x.sub(n.mul(C1)).sub(n.mul(C2));
        FloatVector y = FloatVector.broadcast(S, EXP_P[0]);
        for (int i = 1; i < EXP_P.length; i++) {
            y = y.mul(r).add(EXP_P[i]);
        }
        y = y.mul(r.mul(r)).add(r).add(1f);
        IntVector bits = (IntVector) shifted.reinterpretAsInts();
        FloatVector pow2 = bits.sub(ROUNDER_BITS - 127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
        return y.mul(pow2);
    }

    static float exp(float x) {
        x = Math.max(Math.min(x, EXP_HI), EXP_LO);
        float shifted = x * LOG2E + ROUNDER;
        float n = shifted - ROUNDER;
        float r = x - n * C1 - n * C2;
        float y = EXP_P[0];
        for (int i = 1; i < EXP_P.length; i++) {
            y = y * r + EXP_P[i];
        }
        y = y * (r * r) + r + 1f;
        return y * Float.intBitsToFloat((Float.floatToRawIntBits(shifted) - (ROUNDER_BITS - 127)) << 23);
    }

    /** Natural log for positive, finite x. */
    static FloatVector log(FloatVector x) {
        IntVector bits = (IntVector) x.reinterpretAsInts();
        // The biased exponent k, as the float 2^23 + k minus 2^23: no int-to-float conversion needed.
        FloatVector e = bits.lanewise(VectorOperators.LSHR, 23).and(0xff).or(TWO_23_BITS).reinterpretAsFloats()
                .sub(TWO_23 + 126f);
        FloatVector m = bits.and(0x807fffff).or(0x3f000000).reinterpretAsFloats();
        VectorMask<Float> small = m.compare(VectorOperators.LT, SQRTHF);
        e = e.sub(FloatVector.broadcast(S, 1f), small);
        m = m.add(m.blend(0f, small.not())).sub(1f);
        FloatVector z = m.mul(m);
        FloatVector y = FloatVector.broadcast(S, LOG_P[0]);
        for (int i = 1; i < LOG_P.length; i++) {
            y = y.mul(m).add(LOG_P[i]);
        }
        y = y.mul(m).mul(z);
        y = y.add(e.mul(C2));
        y = y.sub(z.mul(0.5f));
        return m.add(y).add(e.mul(C1));
    }

    static float log(float x) {
        int bits = Float.floatToRawIntBits(x);
        float e = Float.intBitsToFloat(((bits >>> 23) & 0xff) | TWO_23_BITS) - (TWO_23 + 126f);
        float m = Float.intBitsToFloat((bits & 0x807fffff) | 0x3f000000);
        if (m < SQRTHF) {
            e = e - 1f;
            m = m + m - 1f;
        } else {
            m = m - 1f;
        }
        float z = m * m;
        float y = LOG_P[0];
        for (int i = 1; i < LOG_P.length; i++) {
            y = y * m + LOG_P[i];
        }
        y = y * m * z;
        y = y + e * C2;
        y = y - z * 0.5f;
        return m + y + e * C1;
    }
}
