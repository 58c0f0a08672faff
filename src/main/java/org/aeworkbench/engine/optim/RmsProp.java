package org.aeworkbench.engine.optim;

/** RMSProp (Tieleman and Hinton 2012): divide by a running root-mean-square of the gradient. */
public final class RmsProp extends StatefulOptimizer {

    private final float decay;
    private final float epsilon;

    public RmsProp(float decay, float epsilon) {
        super(1);
        this.decay = decay;
        this.epsilon = epsilon;
    }

    @Override
    protected void update(float[] w, float[] g, float[][] s, float lr, int from, int to) {
        float[] r = s[0];
        for (int i = from; i < to; i++) {
            float gi = g[i];
            float ri = flushTiny(decay * r[i] + (1 - decay) * gi * gi);
            r[i] = ri;
            w[i] -= lr * gi / ((float) Math.sqrt(ri) + epsilon);
        }
    }
}
