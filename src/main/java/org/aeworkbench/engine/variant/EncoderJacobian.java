package org.aeworkbench.engine.variant;

import java.util.List;
import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.layer.Activation;
import org.aeworkbench.engine.layer.DenseLayer;

/**
 * The exact Jacobian of a dense encoder x -> h_L per sample, by the chain rule
 * {@code J = D_L W_L^T D_{L-1} W_{L-1}^T ... D_1 W_1^T} with D_l = diag f_l'(z_l), multiplied from the
 * code side so each product has only code-width rows. Used to measure how contractive an encoder
 * is (Rifai et al. 2011 report the Frobenius norm); it reads the layers' weights and runs its own
 * forward pass, so the layers' buffers are left alone.
 */
public final class EncoderJacobian {

    private EncoderJacobian() {
    }

    /** ||J_f(x_b)||_F^2 for each of the {@code n} samples of {@code x}. */
    public static double[] squaredFrobeniusNorms(Compute compute, List<DenseLayer> encoder, float[] x, int n) {
        int depth = encoder.size();
        int[] widths = new int[depth + 1];
        widths[0] = encoder.get(0).inputShape().size();
        for (int l = 1; l <= depth; l++) {
            widths[l] = encoder.get(l - 1).outputShape().size();
        }
        // Forward pass of all samples, keeping f'(z_l).
        float[][] slope = new float[depth + 1][];
        float[] h = x;
        for (int l = 1; l <= depth; l++) {
            DenseLayer layer = encoder.get(l - 1);
            int in = widths[l - 1];
            int out = widths[l];
            float[] z = new float[n * out];
            compute.gemm().sgemm(false, false, n, out, in, 1f, h, 0, in, layer.weight().value(), 0, out, 0f, z, 0, out);
            float[] bias = layer.bias().value();
            Activation f = layer.activation();
            float[] a = new float[n * out];
            slope[l] = new float[n * out];
            for (int i = 0; i < n * out; i++) {
                z[i] += bias[i % out];
                a[i] = f.apply(z[i]);
                slope[l][i] = f.derivative(z[i], a[i]);
            }
            h = a;
        }
        int code = widths[depth];
        double[] norms = new double[n];
        for (int b = 0; b < n; b++) {
            // R = D_L W_L^T: code x widths[depth - 1]
            int prev = widths[depth - 1];
            float[] w = encoder.get(depth - 1).weight().value();
            float[] r = new float[code * prev];
            for (int i = 0; i < code; i++) {
                float di = slope[depth][b * code + i];
                for (int j = 0; j < prev; j++) {
                    r[i * prev + j] = di * w[j * code + i];
                }
            }
            for (int l = depth - 1; l >= 1; l--) {
                int width = widths[l];
                int below = widths[l - 1];
                for (int i = 0; i < code; i++) {
                    for (int j = 0; j < width; j++) {
                        r[i * width + j] *= slope[l][b * width + j];
                    }
                }
                float[] next = new float[code * below];
                compute.gemm().sgemm(false, true, code, below, width, 1f, r, 0, width,
                        encoder.get(l - 1).weight().value(), 0, width, 0f, next, 0, below);
                r = next;
            }
            double s = 0;
            for (float v : r) {
                s += (double) v * v;
            }
            norms[b] = s;
        }
        return norms;
    }

    /** Mean over the samples of ||J_f(x)||_F^2. */
    public static double meanSquaredFrobeniusNorm(Compute compute, List<DenseLayer> encoder, float[] x, int n) {
        double sum = 0;
        for (double v : squaredFrobeniusNorms(compute, encoder, x, n)) {
            sum += v;
        }
        return sum / n;
    }
}
