package org.aeworkbench.engine.blas;

/**
 * exp and log for floats from additions, multiplications and bit operations only (Cephes' expf
 * and logf: range reduction plus a minimax polynomial, about 1 ulp on their range), and the
 * subnormal flush applied where activations and loss gradients are written.
 *
 * <p>These are the plain halves of {@link VectorMath}: each lane there computes exactly what the
 * method of the same name computes here, operation for operation, so a kernel's vector loop and
 * its scalar tail (or its plain version on a JVM without the Vector API) agree bit for bit. This
 * class touches no Vector-API type, so it loads on any JVM.
 */
public final class FloatMath {

    static final float ROUNDER = 12582912f; // 1.5 * 2^23
    static final int ROUNDER_BITS = 0x4B400000;
    static final float TWO_23 = 8388608f;
    static final int TWO_23_BITS = 0x4B000000;
    static final float EXP_HI = 88.0f;
    static final float EXP_LO = -87.0f;
    static final float LOG2E = 1.44269504088896341f;
    static final float C1 = 0.693359375f;
    static final float C2 = -2.12194440e-4f;
    static final float[] EXP_P = {1.9875691500E-4f, 1.3981999507E-3f, 8.3334519073E-3f,
        4.1665795894E-2f, 1.6666665459E-1f, 5.0000001201E-1f};
    static final float SQRTHF = 0.707106781186547524f;
    static final float[] LOG_P = {7.0376836292E-2f, -1.1514610310E-1f, 1.1676998740E-1f,
        -1.2420140846E-1f, 1.4249322787E-1f, -1.6668057665E-1f, 2.0000714765E-1f,
        -2.4999993993E-1f, 3.3333331174E-1f};

    private FloatMath() {
    }

    /** e^x, with x clamped to [-87, 88] (so never 0 nor infinite). */
    public static float exp(float x) {
        x = Math.max(Math.min(x, EXP_HI), EXP_LO);
        // Adding 1.5 * 2^23 rounds x log2(e) to the nearest integer n, and leaves n in the low bits.
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
    public static float log(float x) {
        int bits = Float.floatToRawIntBits(x);
        // The biased exponent k, as the float 2^23 + k minus 2^23: no int-to-float conversion needed.
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

    /**
     * {@code x}, or zero when its magnitude is below the smallest normal float (NaN kept). A
     * subnormal operand costs a microcode assist in every multiply that reads it: a sigmoid output
     * layer trained long enough drives background pixels' outputs and BCE gradients (scaled by
     * 1 / batch) into the subnormals, and 2.6% of them there made every backward product slower,
     * until 8 continued runs of the reference design ran at half speed (measured). What is dropped
     * is smaller than 1.2e-38; it is applied only where activations and loss gradients are written.
     */
    public static float flushSubnormal(float x) {
        return Math.abs(x) < Float.MIN_NORMAL ? 0f : x;
    }
}
