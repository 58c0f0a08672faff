package org.aeworkbench.engine.blas;

import static org.aeworkbench.engine.blas.FloatMath.C1;
import static org.aeworkbench.engine.blas.FloatMath.C2;
import static org.aeworkbench.engine.blas.FloatMath.EXP_HI;
import static org.aeworkbench.engine.blas.FloatMath.EXP_LO;
import static org.aeworkbench.engine.blas.FloatMath.EXP_P;
import static org.aeworkbench.engine.blas.FloatMath.LOG2E;
import static org.aeworkbench.engine.blas.FloatMath.LOG_P;
import static org.aeworkbench.engine.blas.FloatMath.ROUNDER;
import static org.aeworkbench.engine.blas.FloatMath.ROUNDER_BITS;
import static org.aeworkbench.engine.blas.FloatMath.SQRTHF;
import static org.aeworkbench.engine.blas.FloatMath.TWO_23;
import static org.aeworkbench.engine.blas.FloatMath.TWO_23_BITS;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link FloatMath} on SIMD lanes: each lane computes exactly what the scalar method of the same
 * name computes, operation for operation.
 *
 * <p>The Vector API's own EXP and LOG1P may return different last bits depending on whether the
 * JIT has compiled the loop yet, which would make training runs differ in their last bits from
 * one run to the next. Plain IEEE arithmetic gives the same bits compiled or not, so results never
 * depend on timing or alignment. Only load after {@link Simd#available()}.
 */
public final class VectorMath {

    /** The widest float species of this machine; every element-wise kernel uses it. */
    public static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    private VectorMath() {
    }

    public static FloatVector exp(FloatVector x) {
        x = x.min(EXP_HI).max(EXP_LO);
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

    /** Natural log for positive, finite lanes. */
    public static FloatVector log(FloatVector x) {
        IntVector bits = (IntVector) x.reinterpretAsInts();
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

    /** {@link FloatMath#flushSubnormal} on every lane. */
    public static FloatVector flushSubnormal(FloatVector v) {
        return v.blend(0f, v.abs().compare(VectorOperators.LT, Float.MIN_NORMAL));
    }

    /**
     * Lanes summed in index order into a double: reduceLanes may associate differently once
     * compiled, which would change last bits between a cold and a warm run.
     */
    public static double laneSum(FloatVector v) {
        double sum = 0;
        for (int l = 0; l < v.length(); l++) {
            sum += v.lane(l);
        }
        return sum;
    }
}
