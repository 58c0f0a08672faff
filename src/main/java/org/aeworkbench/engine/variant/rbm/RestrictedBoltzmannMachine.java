package org.aeworkbench.engine.variant.rbm;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.layer.Activation;
import org.aeworkbench.engine.layer.AffineKernels;
import org.aeworkbench.engine.layer.Buffers;

/**
 * A restricted Boltzmann machine with Bernoulli visible units and Bernoulli or Gaussian hidden
 * units, trained by contrastive divergence (Hinton, "Training Products of Experts by Minimizing
 * Contrastive Divergence", Neural Computation 14, 2002), as each layer pair of Hinton and
 * Salakhutdinov's deep autoencoder ("Reducing the Dimensionality of Data with Neural Networks",
 * Science 313, 2006, and its supporting material and code).
 *
 * <p>Energy, with visible biases b, hidden biases c and weights W (visible x hidden, the layout
 * of a dense layer's weights, so the machine unrolls into one without a copy in between):
 * <ul>
 *   <li>Bernoulli hidden: {@code E(v, h) = -b.v - c.h - v W h}, so
 *       {@code p(h_j = 1 | v) = sigmoid(c_j + (vW)_j)} and {@code p(v_i = 1 | h) = sigmoid(b_i + (W h)_i)};</li>
 *   <li>Gaussian hidden of unit variance (the code layer's, in the paper):
 *       {@code E(v, h) = -b.v + sum_j (h_j - c_j)^2 / 2 - v W h}, so {@code h | v ~ N(c + vW, I)}.</li>
 * </ul>
 * Free energy, {@code F(v) = -log sum_h e^-E(v, h)} up to a constant:
 * {@code -b.v - sum_j softplus(c_j + (vW)_j)} for Bernoulli hidden units and
 * {@code -b.v - sum_j ((c_j + (vW)_j)^2 - c_j^2) / 2} for Gaussian ones.
 *
 * <p>Not thread-safe: it keeps its work buffers.
 */
public final class RestrictedBoltzmannMachine {

    /** The kind of hidden unit. */
    public enum HiddenUnits { BERNOULLI, GAUSSIAN }

    private final int visible;
    private final int hidden;
    private final HiddenUnits units;
    private final float[] weights;
    private final float[] visibleBias;
    private final float[] hiddenBias;
    private final float[] weightStep;
    private final float[] visibleStep;
    private final float[] hiddenStep;

    private float[] positiveHidden;
    private float[] hiddenStates;
    private float[] negativeVisible;
    private float[] negativeHidden;
    private float[] positiveProducts;
    private float[] negativeProducts;
    private float[] positiveHiddenSums;
    private float[] negativeHiddenSums;
    private float[] positiveVisibleSums;
    private float[] negativeVisibleSums;

    public RestrictedBoltzmannMachine(int visible, int hidden, HiddenUnits units) {
        if (visible < 1 || hidden < 1) {
            throw new IllegalArgumentException("an RBM needs at least one visible and one hidden unit, not "
                    + visible + " x " + hidden);
        }
        this.visible = visible;
        this.hidden = hidden;
        this.units = units;
        this.weights = new float[visible * hidden];
        this.visibleBias = new float[visible];
        this.hiddenBias = new float[hidden];
        this.weightStep = new float[visible * hidden];
        this.visibleStep = new float[visible];
        this.hiddenStep = new float[hidden];
    }

    /** Weights from N(0, 0.1^2), biases zero, as in the paper's code. */
    public void initialize(SplittableRandom random) {
        for (int i = 0; i < weights.length; i++) {
            weights[i] = (float) (0.1 * random.nextGaussian());
        }
        Arrays.fill(visibleBias, 0f);
        Arrays.fill(hiddenBias, 0f);
        Arrays.fill(weightStep, 0f);
        Arrays.fill(visibleStep, 0f);
        Arrays.fill(hiddenStep, 0f);
    }

    public int visible() {
        return visible;
    }

    public int hidden() {
        return hidden;
    }

    public HiddenUnits units() {
        return units;
    }

    /** W, visible x hidden, row-major; live, not a copy. */
    public float[] weights() {
        return weights;
    }

    /** b; live. */
    public float[] visibleBias() {
        return visibleBias;
    }

    /** c; live. */
    public float[] hiddenBias() {
        return hiddenBias;
    }

    /**
     * E[h | v] for n rows of v into {@code out} (n x hidden): sigmoid(c + vW) for Bernoulli units,
     * c + vW for Gaussian ones.
     */
    public void hiddenMeans(Compute compute, float[] v, int n, float[] out) {
        compute.gemm().sgemm(false, false, n, hidden, visible, 1f, v, weights, 0f, out);
        AffineKernels.addBiasAndActivate(compute, out, hiddenBias, out, n, hidden,
                units == HiddenUnits.BERNOULLI ? Activation.SIGMOID : Activation.IDENTITY);
    }

    /** p(v = 1 | h) = sigmoid(b + h W^T) for n rows of h into {@code out} (n x visible). */
    public void visibleProbabilities(Compute compute, float[] h, int n, float[] out) {
        compute.gemm().sgemm(false, true, n, visible, hidden, 1f, h, weights, 0f, out);
        AffineKernels.addBiasAndActivate(compute, out, visibleBias, out, n, visible, Activation.SIGMOID);
    }

    /**
     * Samples hidden states from their means, row-major, one draw per unit from the stream:
     * Bernoulli units are 1 when a uniform u in [0, 1) falls below the probability, Gaussian ones
     * are the mean plus N(0, 1).
     */
    public void sampleHidden(float[] means, int n, SplittableRandom random, float[] states) {
        for (int i = 0; i < n * hidden; i++) {
            states[i] = units == HiddenUnits.BERNOULLI
                    ? (random.nextDouble() < means[i] ? 1f : 0f)
                    : (float) (means[i] + random.nextGaussian());
        }
    }

    /**
     * One CD-k update on the minibatch {@code v0} of n rows (Hinton 2002; the update of the paper's
     * code): the positive statistics from the data and its hidden means; k steps of Gibbs sampling
     * (hidden states sampled, visible units left at their probabilities, as the paper's code does);
     * the negative statistics from the last visible probabilities and their hidden means; then,
     * with learning rate e, momentum m and weight decay l,
     * <pre>
     *   dW = m dW + e ((v0' h0 - vk' hk) / n - l W),   W += dW
     *   db = m db + e (sum v0 - sum vk) / n,             b += db
     *   dc = m dc + e (sum h0 - sum hk) / n,             c += dc
     * </pre>
     *
     * @return the minibatch's summed squared difference between v0 and the first reconstruction v1
     *         (the error the paper's code prints), over all n rows
     */
    public double contrastiveDivergence(Compute compute, float[] v0, int n, ContrastiveDivergence cd,
                                        SplittableRandom random) {
        positiveHidden = Buffers.ensure(positiveHidden, n * hidden);
        hiddenStates = Buffers.ensure(hiddenStates, n * hidden);
        negativeVisible = Buffers.ensure(negativeVisible, n * visible);
        negativeHidden = Buffers.ensure(negativeHidden, n * hidden);
        positiveProducts = Buffers.ensure(positiveProducts, visible * hidden);
        negativeProducts = Buffers.ensure(negativeProducts, visible * hidden);

        hiddenMeans(compute, v0, n, positiveHidden);
        compute.gemm().sgemm(true, false, visible, hidden, n, 1f, v0, positiveHidden, 0f, positiveProducts);
        sampleHidden(positiveHidden, n, random, hiddenStates);
        double error = 0;
        for (int step = 0; step < cd.steps(); step++) {
            visibleProbabilities(compute, hiddenStates, n, negativeVisible);
            if (step == 0) {
                error = squaredError(v0, negativeVisible, n * visible);
            }
            hiddenMeans(compute, negativeVisible, n, negativeHidden);
            if (step + 1 < cd.steps()) {
                sampleHidden(negativeHidden, n, random, hiddenStates);
            }
        }
        compute.gemm().sgemm(true, false, visible, hidden, n, 1f, negativeVisible, negativeHidden, 0f, negativeProducts);

        positiveVisibleSums = columnSums(compute, v0, n, visible, positiveVisibleSums);
        negativeVisibleSums = columnSums(compute, negativeVisible, n, visible, negativeVisibleSums);
        positiveHiddenSums = columnSums(compute, positiveHidden, n, hidden, positiveHiddenSums);
        negativeHiddenSums = columnSums(compute, negativeHidden, n, hidden, negativeHiddenSums);

        float m = (float) cd.momentum();
        float rate = (float) cd.learningRate();
        float perRow = rate / n;
        float decay = (float) (rate * cd.weightDecay());
        compute.parallelFor(weights.length, (from, to) -> {
            for (int i = from; i < to; i++) {
                weightStep[i] = m * weightStep[i] + perRow * (positiveProducts[i] - negativeProducts[i]) - decay * weights[i];
                weights[i] += weightStep[i];
            }
        });
        for (int i = 0; i < visible; i++) {
            visibleStep[i] = m * visibleStep[i] + perRow * (positiveVisibleSums[i] - negativeVisibleSums[i]);
            visibleBias[i] += visibleStep[i];
        }
        for (int j = 0; j < hidden; j++) {
            hiddenStep[j] = m * hiddenStep[j] + perRow * (positiveHiddenSums[j] - negativeHiddenSums[j]);
            hiddenBias[j] += hiddenStep[j];
        }
        return error;
    }

    /**
     * Mean over n rows of the summed squared error of the mean-field reconstruction
     * sigmoid(b + E[h|v] W^T): deterministic, so training and validation data compare.
     */
    public double reconstructionError(Compute compute, float[] v, int n) {
        float[] h = new float[n * hidden];
        float[] r = new float[n * visible];
        hiddenMeans(compute, v, n, h);
        visibleProbabilities(compute, h, n, r);
        return n == 0 ? Double.NaN : squaredError(v, r, n * visible) / n;
    }

    /** Mean free energy F(v) over n rows (see the class comment). */
    public double meanFreeEnergy(Compute compute, float[] v, int n) {
        float[] x = new float[n * hidden];
        compute.gemm().sgemm(false, false, n, hidden, visible, 1f, v, weights, 0f, x);
        double total = 0;
        for (int r = 0; r < n; r++) {
            double f = 0;
            for (int i = 0; i < visible; i++) {
                f -= (double) visibleBias[i] * v[r * visible + i];
            }
            for (int j = 0; j < hidden; j++) {
                double c = hiddenBias[j];
                double t = c + x[r * hidden + j];
                f -= units == HiddenUnits.BERNOULLI ? Activation.SOFTPLUS.apply((float) t) : (t * t - c * c) / 2;
            }
            total += f;
        }
        return n == 0 ? Double.NaN : total / n;
    }

    /** Forgets the momentum (a new stage of training starts from rest). */
    public void resetMomentum() {
        Arrays.fill(weightStep, 0f);
        Arrays.fill(visibleStep, 0f);
        Arrays.fill(hiddenStep, 0f);
    }

    private static float[] columnSums(Compute compute, float[] x, int n, int width, float[] into) {
        float[] sums = Buffers.ensure(into, width);
        Arrays.fill(sums, 0, width, 0f);
        AffineKernels.accumulateColumnSums(compute, x, sums, n, width);
        return sums;
    }

    private static double squaredError(float[] a, float[] b, int size) {
        double sum = 0;
        for (int i = 0; i < size; i++) {
            double d = a[i] - b[i];
            sum += d * d;
        }
        return sum;
    }
}
