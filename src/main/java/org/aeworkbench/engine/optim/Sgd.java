package org.aeworkbench.engine.optim;

/**
 * Stochastic gradient descent, optionally with classical momentum or Nesterov's momentum
 * (in the form of Sutskever et al. 2013: w -= lr * (g + mu * v_new) with v_new = mu v + g).
 */
public final class Sgd extends StatefulOptimizer {

    private final float momentum;
    private final boolean nesterov;

    public Sgd(float momentum, boolean nesterov) {
        super(1);
        this.momentum = momentum;
        this.nesterov = nesterov;
    }

    @Override
    protected void update(float[] w, float[] g, float[][] s, float lr, int from, int to) {
        if (momentum == 0f) {
            for (int i = from; i < to; i++) {
                w[i] -= lr * g[i];
            }
            return;
        }
        float[] v = s[0];
        for (int i = from; i < to; i++) {
            float vi = flushTiny(momentum * v[i] + g[i]);
            v[i] = vi;
            w[i] -= lr * (nesterov ? g[i] + momentum * vi : vi);
        }
    }
}
