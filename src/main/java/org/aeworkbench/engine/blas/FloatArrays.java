package org.aeworkbench.engine.blas;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/** Element-wise sums of float runs, on SIMD lanes when the Vector API is present (same bits either way). */
public final class FloatArrays {

    private FloatArrays() {
    }

    /** x[xOff + j] += b[bOff + j] for j &lt; n. */
    public static void addInPlace(float[] x, int xOff, float[] b, int bOff, int n) {
        int j = Simd.available() ? Lanes.addInPlace(x, xOff, b, bOff, n) : 0;
        for (; j < n; j++) {
            x[xOff + j] += b[bOff + j];
        }
    }

    /** Loaded only when {@link Simd#available()}. */
    private static final class Lanes {

        private static final VectorSpecies<Float> S = VectorMath.S;

        /** Adds the whole vectors of the run; returns where they end. */
        static int addInPlace(float[] x, int xOff, float[] b, int bOff, int n) {
            int j = 0;
            for (int bound = S.loopBound(n); j < bound; j += S.length()) {
                FloatVector.fromArray(S, x, xOff + j).add(FloatVector.fromArray(S, b, bOff + j)).intoArray(x, xOff + j);
            }
            return j;
        }
    }
}
