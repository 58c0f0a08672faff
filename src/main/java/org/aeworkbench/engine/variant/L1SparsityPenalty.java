package org.aeworkbench.engine.variant;

import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.tensor.Shape;

/**
 * L1 activity penalty {@code lambda * sum_j |h_j|} per sample, averaged over the batch: pushes most
 * activations to exactly zero (Goodfellow, Bengio and Courville 2016, section 14.2.1; the Keras
 * blog's sparse autoencoder uses it on the code). Gradient {@code lambda * sign(h_j) / batch};
 * at h = 0 the subgradient 0 is used, so ReLU units that are off stay off.
 */
public final class L1SparsityPenalty extends ActivityPenalty {

    private double[] rowSums;

    public L1SparsityPenalty(Shape shape, double weight) {
        super(shape, weight);
    }

    @Override
    public String kind() {
        return "L1 sparsity";
    }

    @Override
    double penalty(Compute compute, float[] h, int batch) {
        rowSums = rowSums != null && rowSums.length >= batch ? rowSums : new double[batch];
        double[] sums = rowSums;
        compute.parallelRows(batch, width, (r0, r1) -> {
            for (int r = r0; r < r1; r++) {
                double s = 0;
                for (int i = r * width, end = i + width; i < end; i++) {
                    s += Math.abs(h[i]);
                }
                sums[r] = s;
            }
        });
        double total = 0;
        for (int r = 0; r < batch; r++) {
            total += sums[r]; // summed in row order, so the result does not depend on the threads
        }
        return weight * total / batch;
    }

    @Override
    void addGradient(Compute compute, float[] h, float[] g, int batch) {
        float step = (float) (weight / batch);
        compute.parallelFor(batch * width, (from, to) -> {
            for (int i = from; i < to; i++) {
                float v = h[i];
                if (v > 0f) {
                    g[i] += step;
                } else if (v < 0f) {
                    g[i] -= step;
                }
            }
        });
    }
}
