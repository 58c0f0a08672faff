package org.aeworkbench.engine.optim;

/** AdaGrad (Duchi, Hazan and Singer 2011): per-weight step shrinking with the summed squared gradient. */
public final class AdaGrad extends StatefulOptimizer {

    private final float epsilon;

    public AdaGrad(float epsilon) {
        super(1);
        this.epsilon = epsilon;
    }

    @Override
    protected void update(float[] w, float[] g, float[][] s, float lr, int from, int to) {
        float[] acc = s[0];
        for (int i = from; i < to; i++) {
            float gi = g[i];
            float ai = acc[i] + gi * gi;
            acc[i] = ai;
            w[i] -= lr * gi / ((float) Math.sqrt(ai) + epsilon);
        }
    }
}
