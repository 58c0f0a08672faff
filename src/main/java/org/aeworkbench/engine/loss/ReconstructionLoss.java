package org.aeworkbench.engine.loss;

import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.blas.Simd;
import org.aeworkbench.engine.blas.VectorKernels;

/**
 * Reconstruction losses, per sample as a sum over features (the convention of Hinton and
 * Salakhutdinov 2006 and of the PyTorch VAE example), averaged over the batch for gradients.
 */
public enum ReconstructionLoss {

    /** Squared error: sum_i (a_i - t_i)^2. */
    MSE("Mean squared error", "L = \u03a3\u1d62 (x\u0302\u1d62 \u2212 x\u1d62)\u00b2"),

    /**
     * Binary cross-entropy: -sum_i [t_i log a_i + (1 - t_i) log(1 - a_i)]. From logits z (a = sigmoid z)
     * it is computed as max(z, 0) - t z + log(1 + e^-|z|), which never takes log of 0, and its
     * gradient is simply sigmoid(z) - t.
     */
    BCE("Binary cross-entropy", "L = \u2212\u03a3\u1d62 [x\u1d62 log x\u0302\u1d62 + (1 \u2212 x\u1d62) log(1 \u2212 x\u0302\u1d62)]"),

    /** Absolute error: sum_i |a_i - t_i|. */
    L1("Absolute error", "L = \u03a3\u1d62 |x\u0302\u1d62 \u2212 x\u1d62|");

    /** Probabilities are clamped this far from 0 and 1 when BCE cannot use logits. */
    private static final float EPS = 1e-7f;

    private final String title;
    private final String formula;

    ReconstructionLoss(String title, String formula) {
        this.title = title;
        this.formula = formula;
    }

    @com.fasterxml.jackson.annotation.JsonValue
    public String id() {
        return org.aeworkbench.engine.model.EnumIds.id(this);
    }

    @com.fasterxml.jackson.annotation.JsonCreator
    public static ReconstructionLoss fromId(String text) {
        return org.aeworkbench.engine.model.EnumIds.parse(ReconstructionLoss.class, text, "loss");
    }

    public String title() {
        return title;
    }

    /** The formula in Unicode, legible without a math renderer. */
    public String formula() {
        return formula;
    }

    /**
     * Loss summed over the batch and its gradient scaled by {@code gradScale}.
     *
     * @param output  the decoder's output a
     * @param logits  the output layer's pre-activation when it is a sigmoid and this is BCE, else null;
     *                when given, the gradient written is with respect to the logits
     * @param grad    receives dL/da (or dL/dz) times gradScale; may be null to evaluate only
     * @param rowLoss scratch of at least {@code batch} doubles; receives each sample's loss
     */
    public double evaluate(Compute compute, float[] output, float[] logits, float[] target, int batch,
                           int features, float[] grad, float gradScale, double[] rowLoss) {
        compute.parallelRows(batch, features, (r0, r1) -> {
            for (int r = r0; r < r1; r++) {
                rowLoss[r] = row(output, logits, target, r * features, features, grad, gradScale);
            }
        });
        double total = 0;
        for (int r = 0; r < batch; r++) {
            total += rowLoss[r];
        }
        return total;
    }

    private double row(float[] a, float[] z, float[] t, int off, int n, float[] g, float s) {
        double sum = 0;
        int end = off + n;
        if (Simd.available()) {
            if (this == MSE) {
                return VectorKernels.squaredError(a, t, off, n, g, s);
            }
            if (this == BCE && z != null) {
                return VectorKernels.bceFromLogits(a, z, t, off, n, g, s);
            }
        }
        switch (this) {
            case MSE -> {
                for (int i = off; i < end; i++) {
                    float d = a[i] - t[i];
                    sum += d * d;
                    if (g != null) {
                        g[i] = 2f * d * s;
                    }
                }
            }
            case L1 -> {
                for (int i = off; i < end; i++) {
                    float d = a[i] - t[i];
                    sum += Math.abs(d);
                    if (g != null) {
                        g[i] = d > 0 ? s : d < 0 ? -s : 0f;
                    }
                }
            }
            case BCE -> {
                if (z != null) {
                    for (int i = off; i < end; i++) {
                        float zi = z[i];
                        sum += Math.max(zi, 0f) - t[i] * zi + Math.log1p(Math.exp(-Math.abs(zi)));
                        if (g != null) {
                            g[i] = (a[i] - t[i]) * s;
                        }
                    }
                } else {
                    for (int i = off; i < end; i++) {
                        float p = Math.min(Math.max(a[i], EPS), 1f - EPS);
                        sum -= t[i] * Math.log(p) + (1 - t[i]) * Math.log(1 - p);
                        if (g != null) {
                            g[i] = (p - t[i]) / (p * (1f - p)) * s;
                        }
                    }
                }
            }
            default -> throw new AssertionError(this);
        }
        return sum;
    }
}
