package org.aeworkbench.engine.variant;

import java.util.List;
import java.util.SplittableRandom;
import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.layer.Activation;
import org.aeworkbench.engine.layer.Buffers;
import org.aeworkbench.engine.layer.DenseLayer;
import org.aeworkbench.engine.layer.Pass;
import org.aeworkbench.engine.layer.PenaltyLayer;
import org.aeworkbench.engine.tensor.Shape;

/**
 * The contractive penalty of Rifai et al., "Contractive Auto-Encoders: Explicit Invariance During
 * Feature Extraction" (ICML 2011): {@code lambda * ||J_f(x)||_F^2} per sample, mean over the batch,
 * where f is the dense encoder x -> h_L (term "contractive"). It sits after the code layer and leaves
 * the code unchanged; it reads the encoder's weights and pre-activations and accumulates its gradient
 * straight into the encoder's parameters. An {@link EncoderInputTap} placed before the encoder
 * records the encoder's input x. The gradient with respect to x itself is not propagated: nothing
 * before the encoder learns.
 *
 * <h2>One layer: exact closed form (Rifai et al. 2011, eq. 5)</h2>
 * For h = f(z), z = x W + b (W is n0 x n1), dh_j/dx_i = f'(z_j) W_ij, so
 * <pre>  ||J||^2 = sum_j f'(z_j)^2 S_j,   S_j = sum_i W_ij^2</pre>
 * (for the sigmoid f' = h (1 - h)). With P = (lambda / B) sum_b sum_j f'(z_bj)^2 S_j:
 * <pre>
 *   dP/dz_bj      = (lambda / B) 2 f'(z_bj) f''(z_bj) S_j               =: G_bj
 *   dP/dW_ij      = sum_b x_bi G_bj  +  (lambda / B) 2 W_ij sum_b f'(z_bj)^2
 *   dP/db_j       = sum_b G_bj
 * </pre>
 * the first term through z's dependence on W and b, the second through S_j. For the ReLU family
 * f'' = 0, so only the S_j term remains (f'^2 is piecewise constant).
 *
 * <h2>Deeper encoders: Hutchinson's estimator with forward-mode tangents</h2>
 * The exact norm of J = D_L W_L^T ... D_1 W_1^T (D_l = diag f_l'(z_l)) needs the full Jacobian per
 * sample, and its gradient a backward pass through that product. Instead, for probes v with
 * E[v v^T] = I, {@code ||J||_F^2 = tr(J^T J) = E_v ||J v||^2} (Hutchinson 1990). Rademacher probes
 * (entries +-1) give the smallest variance among such estimators. J v is computed exactly by
 * propagating a tangent alongside the forward pass,
 * <pre>  t_0 = v,  u_l = t_{l-1} W_l,  t_l = f_l'(z_l) * u_l,  J v = t_L,</pre>
 * It has the expectation that the finite-difference estimator E ||f(x + eps) - f(x)||^2 / sigma^2,
 * eps ~ N(0, sigma^2 I), reaches only as sigma -> 0 (the corrupted-copies approach of Rifai et al.,
 * "Higher Order Contractive Auto-Encoder", ECML 2011), without its step-size bias. The penalty
 * P = lambda / (B M) sum over samples and M probes of ||t_L||^2 is unbiased for the mean ||J||^2,
 * and is differentiated exactly (for the drawn probes) by reverse mode through both the tangent and
 * the forward path:
 * <pre>
 *   gT_L = 2 lambda / (B M) t_L,  gH_L = 0;  for l = L .. 1:
 *   gU_l = gT_l * f'(z_l)
 *   gZ_l = gT_l * u_l * f''(z_l) + gH_l * f'(z_l)
 *   dW_l += t_{l-1}^T gU_l + h_{l-1}^T gZ_l,   db_l += sum_b gZ_l
 *   gT_{l-1} = gU_l W_l^T,  gH_{l-1} = gZ_l W_l^T
 * </pre>
 * Probes are drawn from the pass's stream (one bit each), so runs repeat exactly.
 */
public final class ContractivePenalty extends ShapePreservingStage implements PenaltyLayer {

    /** How ||J||^2 is computed. */
    public enum Method { EXACT_ONE_LAYER, HUTCHINSON }

    private final List<DenseLayer> encoder;
    private final int depth;
    private final int[] widths;
    private final double weight;
    private final Method method;
    private final int probes;
    private final EncoderInputTap tap;

    private Compute compute;
    private float[] x;
    private int batch;
    private double lastPenalty;

    // Index l = 0 .. depth; entry 0 unused where a quantity has no layer 0.
    private final float[][] h;
    private final float[][] d;
    private final float[][] c;
    private final float[][] t;
    private final float[][] u;
    private final float[][] gT;
    private final float[][] gU;
    private final float[][] gZ;
    private final float[][] gH;
    private double[] columnSquares;
    private double[] derivativeSquares;

    /** The method the depth calls for: the exact closed form for one layer, one Hutchinson probe beyond. */
    public static ContractivePenalty forEncoder(EncoderInputTap tap, List<DenseLayer> encoder, double weight) {
        Method method = encoder.size() == 1 ? Method.EXACT_ONE_LAYER : Method.HUTCHINSON;
        return new ContractivePenalty(tap, encoder, weight, method, 1);
    }

    /**
     * @param tap     the stage recording the encoder's input
     * @param encoder the encoder's dense layers in order, ending with the code layer
     * @param probes  Hutchinson probes per sample (ignored by the exact method)
     */
    public ContractivePenalty(EncoderInputTap tap, List<DenseLayer> encoder, double weight, Method method, int probes) {
        super(codeShape(encoder));
        if (method == Method.EXACT_ONE_LAYER && encoder.size() != 1) {
            throw new IllegalArgumentException("the closed form is for one-layer encoders, not " + encoder.size());
        }
        if (probes < 1) {
            throw new IllegalArgumentException("at least one probe is needed, not " + probes);
        }
        this.tap = tap;
        this.encoder = List.copyOf(encoder);
        this.depth = encoder.size();
        this.widths = new int[depth + 1];
        widths[0] = encoder.get(0).inputShape().size();
        for (int l = 1; l <= depth; l++) {
            widths[l] = encoder.get(l - 1).outputShape().size();
        }
        this.weight = weight;
        this.method = method;
        this.probes = probes;
        int n = depth + 1;
        h = new float[n][];
        d = new float[n][];
        c = new float[n][];
        t = new float[n][];
        u = new float[n][];
        gT = new float[n][];
        gU = new float[n][];
        gZ = new float[n][];
        gH = new float[n][];
    }

    private static Shape codeShape(List<DenseLayer> encoder) {
        if (encoder.isEmpty()) {
            throw new IllegalArgumentException("the contractive penalty needs at least one encoder layer");
        }
        return encoder.get(encoder.size() - 1).outputShape();
    }

    public Method method() {
        return method;
    }

    @Override
    public String kind() {
        return "Contractive";
    }

    @Override
    public String termName() {
        return "contractive";
    }

    @Override
    public double lastPenalty() {
        return lastPenalty;
    }

    /** The tangent products of Hutchinson's estimator (the closed form's are per batch, not per sample). */
    @Override
    public long multiplyAddsPerSample() {
        if (method == Method.EXACT_ONE_LAYER) {
            return 0;
        }
        long sum = 0;
        for (int l = 1; l <= depth; l++) {
            sum += (long) widths[l - 1] * widths[l];
        }
        return probes * sum;
    }

    @Override
    public float[] forward(float[] code, int batch, Pass pass) {
        x = tap.lastInput();
        if (x == null) {
            throw new IllegalStateException("the contractive penalty's input tap did not run before the encoder");
        }
        this.compute = pass.compute();
        this.batch = batch;
        derivatives();
        lastPenalty = method == Method.EXACT_ONE_LAYER ? exactPenalty() : hutchinsonPenalty(pass.random());
        return code;
    }

    @Override
    public float[] backward(float[] gradOutput, int batch, boolean needInputGrad) {
        if (method == Method.EXACT_ONE_LAYER) {
            exactBackward();
        } else {
            hutchinsonBackward();
        }
        return needInputGrad ? gradOutput : null;
    }

    /** h_l = f_l(z_l) for the hidden layers, d_l = f_l'(z_l) and c_l = f_l''(z_l) for every layer. */
    private void derivatives() {
        h[0] = x;
        for (int l = 1; l <= depth; l++) {
            DenseLayer layer = encoder.get(l - 1);
            Activation f = layer.activation();
            float[] z = layer.preActivation();
            int size = batch * widths[l];
            if (f == Activation.IDENTITY) {
                h[l] = z;
            } else {
                h[l] = Buffers.ensure(h[l], size);
                f.apply(z, h[l], 0, size);
            }
            d[l] = Buffers.ensure(d[l], size);
            c[l] = Buffers.ensure(c[l], size);
            float[] a = h[l];
            for (int i = 0; i < size; i++) {
                d[l][i] = f.derivative(z[i], a[i]);
                c[l][i] = ActivationCurvature.second(f, z[i], a[i]);
            }
        }
    }

    private double exactPenalty() {
        int n0 = widths[0];
        int n1 = widths[1];
        float[] w = encoder.get(0).weight().value();
        columnSquares = columnSquares != null && columnSquares.length == n1 ? columnSquares : new double[n1];
        java.util.Arrays.fill(columnSquares, 0);
        for (int i = 0; i < n0; i++) {
            int off = i * n1;
            for (int j = 0; j < n1; j++) {
                columnSquares[j] += (double) w[off + j] * w[off + j];
            }
        }
        double sum = 0;
        for (int b = 0; b < batch; b++) {
            int off = b * n1;
            for (int j = 0; j < n1; j++) {
                double dj = d[1][off + j];
                sum += dj * dj * columnSquares[j];
            }
        }
        return weight * sum / batch;
    }

    private void exactBackward() {
        int n0 = widths[0];
        int n1 = widths[1];
        DenseLayer layer = encoder.get(0);
        double s = weight / batch;
        float[] g = gZ[1] = Buffers.ensure(gZ[1], batch * n1);
        double[] fPrimeSquares = derivativeSquares = derivativeSquares != null && derivativeSquares.length == n1
                ? derivativeSquares : new double[n1];
        java.util.Arrays.fill(fPrimeSquares, 0);
        for (int b = 0; b < batch; b++) {
            int off = b * n1;
            for (int j = 0; j < n1; j++) {
                float dj = d[1][off + j];
                g[off + j] = (float) (s * 2 * dj * c[1][off + j] * columnSquares[j]);
                fPrimeSquares[j] += (double) dj * dj;
            }
        }
        float[] wv = layer.weight().value();
        float[] wg = layer.weight().grad();
        for (int i = 0; i < n0; i++) {
            int off = i * n1;
            for (int j = 0; j < n1; j++) {
                wg[off + j] += (float) (s * 2 * wv[off + j] * fPrimeSquares[j]);
            }
        }
        if (!ActivationCurvature.piecewiseLinear(layer.activation())) {
            compute.gemm().sgemm(true, false, n0, n1, batch, 1f, x, 0, n0, g, 0, n1, 1f, wg, 0, n1);
            addColumnSums(g, layer.bias().grad(), batch, n1);
        }
    }

    private double hutchinsonPenalty(SplittableRandom random) {
        int rows = batch * probes;
        t[0] = Buffers.ensure(t[0], rows * widths[0]);
        fillRademacher(t[0], rows * widths[0], random);
        for (int l = 1; l <= depth; l++) {
            int in = widths[l - 1];
            int out = widths[l];
            u[l] = Buffers.ensure(u[l], rows * out);
            t[l] = Buffers.ensure(t[l], rows * out);
            compute.gemm().sgemm(false, false, rows, out, in, 1f, t[l - 1], 0, in,
                    encoder.get(l - 1).weight().value(), 0, out, 0f, u[l], 0, out);
            multiplyRowsCyclic(u[l], d[l], t[l], rows, out);
        }
        double sum = 0;
        float[] top = t[depth];
        for (int i = 0, n = rows * widths[depth]; i < n; i++) {
            sum += (double) top[i] * top[i];
        }
        return weight * sum / rows;
    }

    private void hutchinsonBackward() {
        int rows = batch * probes;
        float scale = (float) (2 * weight / rows);
        int top = widths[depth];
        gT[depth] = Buffers.ensure(gT[depth], rows * top);
        for (int i = 0, n = rows * top; i < n; i++) {
            gT[depth][i] = scale * t[depth][i];
        }
        for (int l = depth; l >= 1; l--) {
            int in = widths[l - 1];
            int out = widths[l];
            DenseLayer layer = encoder.get(l - 1);
            gU[l] = Buffers.ensure(gU[l], rows * out);
            multiplyRowsCyclic(gT[l], d[l], gU[l], rows, out);
            // gZ = sum over probes of gT * u * f'' (+ gH * f' below the top), one row per sample.
            float[] gz = gZ[l] = Buffers.ensure(gZ[l], batch * out);
            java.util.Arrays.fill(gz, 0, batch * out, 0f);
            boolean curved = !ActivationCurvature.piecewiseLinear(layer.activation());
            if (curved) {
                for (int r = 0; r < rows; r++) {
                    int off = r * out;
                    int sOff = (r % batch) * out;
                    for (int j = 0; j < out; j++) {
                        gz[sOff + j] += gT[l][off + j] * u[l][off + j] * c[l][sOff + j];
                    }
                }
            }
            boolean hasGh = l < depth;
            if (hasGh) {
                for (int i = 0, n = batch * out; i < n; i++) {
                    gz[i] += gH[l][i] * d[l][i];
                }
            }
            float[] wg = layer.weight().grad();
            float[] wv = layer.weight().value();
            compute.gemm().sgemm(true, false, in, out, rows, 1f, t[l - 1], 0, in, gU[l], 0, out, 1f, wg, 0, out);
            boolean anyGz = curved || hasGh;
            if (anyGz) {
                compute.gemm().sgemm(true, false, in, out, batch, 1f, h[l - 1], 0, in, gz, 0, out, 1f, wg, 0, out);
                addColumnSums(gz, layer.bias().grad(), batch, out);
            }
            if (l > 1) {
                gT[l - 1] = Buffers.ensure(gT[l - 1], rows * in);
                compute.gemm().sgemm(false, true, rows, in, out, 1f, gU[l], 0, out, wv, 0, out, 0f, gT[l - 1], 0, in);
                gH[l - 1] = Buffers.ensure(gH[l - 1], batch * in);
                if (anyGz) {
                    compute.gemm().sgemm(false, true, batch, in, out, 1f, gz, 0, out, wv, 0, out, 0f, gH[l - 1], 0, in);
                } else {
                    java.util.Arrays.fill(gH[l - 1], 0, batch * in, 0f);
                }
            }
        }
    }

    /** out[r, j] = a[r, j] * perSample[r mod batch, j]: probe rows share their sample's derivatives. */
    private void multiplyRowsCyclic(float[] a, float[] perSample, float[] out, int rows, int width) {
        for (int r = 0; r < rows; r++) {
            int off = r * width;
            int sOff = (r % batch) * width;
            for (int j = 0; j < width; j++) {
                out[off + j] = a[off + j] * perSample[sOff + j];
            }
        }
    }

    /** Entries +1 or -1 with equal odds, 64 per draw. */
    private static void fillRademacher(float[] v, int n, SplittableRandom random) {
        long bits = 0;
        for (int i = 0; i < n; i++) {
            if ((i & 63) == 0) {
                bits = random.nextLong();
            }
            v[i] = (bits & 1L) == 0 ? 1f : -1f;
            bits >>>= 1;
        }
    }

    private static void addColumnSums(float[] g, float[] target, int rows, int width) {
        for (int r = 0; r < rows; r++) {
            int off = r * width;
            for (int j = 0; j < width; j++) {
                target[j] += g[off + j];
            }
        }
    }
}
