package org.aeworkbench.engine.optim;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.aeworkbench.engine.blas.Simd;
import org.aeworkbench.engine.blas.VectorMath;

/**
 * Adam (Kingma and Ba 2015, "Adam: A Method for Stochastic Optimization", Algorithm 1) with
 * bias-corrected first and second moments:
 * m = b1 m + (1 - b1) g, v = b2 v + (1 - b2) g^2, w -= lr / (1 - b1^t) m / (sqrt(v / (1 - b2^t)) + eps).
 *
 * <p>The update rule is written once, in {@link #updatePlain}; {@link Lanes} runs the same
 * operations on SIMD lanes over whole vectors and leaves the rest to it (bit for bit the same,
 * pinned by {@code OptimizerTest}).
 */
public final class Adam extends StatefulOptimizer {

    private final float beta1;
    private final float beta2;
    private final float epsilon;
    private float stepSize;
    private float secondCorrection;

    public Adam(float beta1, float beta2, float epsilon) {
        super(2);
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
    }

    @Override
    protected boolean zeroesGradients() {
        return true;
    }

    @Override
    protected void beginStep(float lr) {
        // lr * sqrt(1 - b2^t) / (1 - b1^t) folded into one scalar, with eps applied to the corrected v.
        stepSize = (float) (lr / (1 - Math.pow(beta1, t)));
        secondCorrection = (float) (1 / (1 - Math.pow(beta2, t)));
    }

    @Override
    protected void update(float[] w, float[] g, float[][] s, float lr, int from, int to) {
        int done = Simd.available() ? Lanes.update(this, w, g, s[0], s[1], from, to) : from;
        updatePlain(w, g, s[0], s[1], done, to);
    }

    /**
     * The update of w[from, to) from its gradient, which it leaves zero. Moments below
     * {@link #TINY_STATE} are stored as zero (see there).
     */
    void updatePlain(float[] w, float[] g, float[] m, float[] v, int from, int to) {
        float b1 = beta1;
        float b2 = beta2;
        float c1 = 1 - b1;
        float c2 = 1 - b2;
        float step = stepSize;
        float vc = secondCorrection;
        float eps = epsilon;
        for (int i = from; i < to; i++) {
            float gi = g[i];
            float mi = flushTiny(m[i] * b1 + gi * c1);
            float vi = flushTiny(v[i] * b2 + gi * gi * c2);
            m[i] = mi;
            v[i] = vi;
            w[i] -= mi * step / ((float) Math.sqrt(vi * vc) + eps);
            g[i] = 0f;
        }
    }

    /** {@link #updatePlain} on SIMD lanes. Loaded only when {@link Simd#available()}. */
    static final class Lanes {

        private static final VectorSpecies<Float> S = VectorMath.S;

        private Lanes() {
        }

        /** Updates the whole vectors of [from, to); returns where they end. */
        static int update(Adam a, float[] w, float[] g, float[] m, float[] v, int from, int to) {
            float b1 = a.beta1;
            float b2 = a.beta2;
            float c1 = 1 - b1;
            float c2 = 1 - b2;
            float step = a.stepSize;
            float vc = a.secondCorrection;
            FloatVector zero = FloatVector.zero(S);
            int i = from;
            for (int bound = from + S.loopBound(to - from); i < bound; i += S.length()) {
                FloatVector gv = FloatVector.fromArray(S, g, i);
                FloatVector mv = FloatVector.fromArray(S, m, i).mul(b1).add(gv.mul(c1));
                FloatVector vv = FloatVector.fromArray(S, v, i).mul(b2).add(gv.mul(gv).mul(c2));
                mv = mv.blend(zero, mv.abs().compare(VectorOperators.LT, TINY_STATE));
                vv = vv.blend(zero, vv.abs().compare(VectorOperators.LT, TINY_STATE));
                mv.intoArray(m, i);
                vv.intoArray(v, i);
                FloatVector denom = vv.mul(vc).sqrt().add(a.epsilon);
                FloatVector.fromArray(S, w, i).sub(mv.mul(step).div(denom)).intoArray(w, i);
                zero.intoArray(g, i);
            }
            return i;
        }
    }
}
