package org.aeworkbench.engine.optim;

/** Adam (Kingma and Ba 2015) with bias-corrected first and second moments. */
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
        float[] m = s[0];
        float[] v = s[1];
        if (org.aeworkbench.engine.blas.Simd.available()) {
            org.aeworkbench.engine.blas.VectorKernels.adam(w, g, m, v, from, to, beta1, beta2, stepSize,
                    secondCorrection, epsilon, TINY_STATE);
            return;
        }
        float b1 = beta1;
        float b2 = beta2;
        float c1 = 1 - b1;
        float c2 = 1 - b2;
        float step = stepSize;
        float vc = secondCorrection;
        float eps = epsilon;
        for (int i = from; i < to; i++) {
            float gi = g[i];
            float mi = flushTiny(b1 * m[i] + c1 * gi);
            float vi = flushTiny(b2 * v[i] + gi * gi * c2);
            m[i] = mi;
            v[i] = vi;
            w[i] -= step * mi / ((float) Math.sqrt(vi * vc) + eps);
            g[i] = 0f;
        }
    }
}
