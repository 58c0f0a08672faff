package org.aeworkbench.engine.variant.rbm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.aeworkbench.engine.blas.Backend;
import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.variant.rbm.RestrictedBoltzmannMachine.HiddenUnits;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class RestrictedBoltzmannMachineTest {

    private static final Compute COMPUTE = Compute.create(Backend.JAVA, 1);

    @AfterAll
    static void close() {
        COMPUTE.close();
    }

    /** The 3 x 2 machine of the hand computation below. */
    private static RestrictedBoltzmannMachine small() {
        RestrictedBoltzmannMachine m = new RestrictedBoltzmannMachine(3, 2, HiddenUnits.BERNOULLI);
        System.arraycopy(new float[] {0.5f, -0.3f, 0.2f, 0.8f, -0.6f, 0.1f}, 0, m.weights(), 0, 6);
        System.arraycopy(new float[] {0.1f, -0.2f, 0.05f}, 0, m.visibleBias(), 0, 3);
        System.arraycopy(new float[] {-0.1f, 0.3f}, 0, m.hiddenBias(), 0, 2);
        return m;
    }

    private static final float[] DATA = {1, 0, 1, 0, 1, 1};

    /**
     * One CD-1 update of a 3 x 2 Bernoulli RBM on two binary rows, e = 0.1, no momentum, weight
     * cost 0.0002, against numpy (float64), with the hidden states sampled from the uniforms the
     * machine draws: new SplittableRandom(5).nextDouble() four times, row by row, gives 0.386768,
     * 0.752307, 0.232709, 0.099339 against h0 = sigmoid(XW + c) = [[0.450166, 0.524979], [0.377541,
     * 0.768525]], so the states are [[1, 0], [1, 1]] (no draw within 0.06 of its probability).
     * <pre>
     * W = np.array([[0.5, -0.3], [0.2, 0.8], [-0.6, 0.1]]); b = np.array([0.1, -0.2, 0.05]); c = np.array([-0.1, 0.3])
     * X = np.array([[1., 0, 1], [0, 1, 1]]); u = np.array([[0.386768045983934, 0.7523070158382239],
     *                                                      [0.2327091656774618, 0.09933941132660251]])
     * sig = lambda t: 1 / (1 + np.exp(-t)); h0 = sig(X @ W + c); s0 = (u &lt; h0) * 1.0
     * v1 = sig(s0 @ W.T + b); h1 = sig(v1 @ W + c)
     * W + 0.1 * ((X.T @ h0 - v1.T @ h1) / 2 - 0.0002 * W); b + 0.05 * (X.sum(0) - v1.sum(0)); c + 0.05 * (h0.sum(0) - h1.sum(0))
     * ((X - v1) ** 2).sum()
     * </pre>
     */
    @Test
    void cd1UpdateMatchesTheHandComputation() {
        RestrictedBoltzmannMachine m = small();
        double error = m.contrastiveDivergence(COMPUTE, DATA, 2, new ContrastiveDivergence(1, 0.1, 0, 0.0002),
                new SplittableRandom(5));
        float[] w = {0.4905055149f, -0.3134731542f, 0.1876890944f, 0.7994048148f, -0.5784008471f, 0.1400147604f};
        for (int i = 0; i < 6; i++) {
            assertEquals(w[i], m.weights()[i], 2e-6, "W[" + i + "]");
        }
        float[] b = {0.0889950588f, -0.2094987241f, 0.1122387412f};
        for (int i = 0; i < 3; i++) {
            assertEquals(b[i], m.visibleBias()[i], 2e-6, "b[" + i + "]");
        }
        assertEquals(-0.1110490842, m.hiddenBias()[0], 2e-6);
        assertEquals(0.299436237, m.hiddenBias()[1], 2e-6);
        assertEquals(1.5766677026, error, 1e-5);
    }

    /** Free energy -b.v - sum softplus(c + vW), by the same numpy lines: F = [-1.4925355, -1.7873595]. */
    @Test
    void freeEnergyOfBernoulliHiddenUnits() {
        assertEquals(-1.6399474905, small().meanFreeEnergy(COMPUTE, DATA, 2), 1e-6);
    }

    /**
     * Gaussian hidden units integrate out to -b.v - sum ((c + vW)^2 - c^2) / 2: for v = (1, 0, 1),
     * vW + c = (-0.2, 0.1), so F = -0.15 - ((0.04 - 0.01) + (0.01 - 0.09)) / 2 = -0.125.
     */
    @Test
    void freeEnergyOfGaussianHiddenUnits() {
        RestrictedBoltzmannMachine m = new RestrictedBoltzmannMachine(3, 2, HiddenUnits.GAUSSIAN);
        RestrictedBoltzmannMachine b = small();
        System.arraycopy(b.weights(), 0, m.weights(), 0, 6);
        System.arraycopy(b.visibleBias(), 0, m.visibleBias(), 0, 3);
        System.arraycopy(b.hiddenBias(), 0, m.hiddenBias(), 0, 2);
        assertEquals(-0.125, m.meanFreeEnergy(COMPUTE, new float[] {1, 0, 1}, 1), 1e-6);
    }

    /** Gaussian hidden states are the mean plus a standard normal draw from the stream. */
    @Test
    void gaussianHiddenStatesAddUnitNoise() {
        RestrictedBoltzmannMachine m = new RestrictedBoltzmannMachine(3, 2, HiddenUnits.GAUSSIAN);
        float[] means = {0.5f, -1f};
        float[] states = new float[2];
        m.sampleHidden(means, 1, new SplittableRandom(8), states);
        SplittableRandom same = new SplittableRandom(8);
        assertEquals(0.5 + same.nextGaussian(), states[0], 1e-6);
        assertEquals(-1 + same.nextGaussian(), states[1], 1e-6);
    }

    /**
     * A machine learns the data: on rows that are one of two binary patterns, CD-1 lowers the
     * mean-field reconstruction error far below its start, and k = 3 does so as well.
     */
    @Test
    void contrastiveDivergenceLearnsTwoPatterns() {
        int n = 40;
        float[] x = new float[n * 6];
        for (int r = 0; r < n; r++) {
            float[] pattern = r % 2 == 0 ? new float[] {1, 1, 1, 0, 0, 0} : new float[] {0, 0, 1, 1, 1, 0};
            System.arraycopy(pattern, 0, x, r * 6, 6);
        }
        for (int k : new int[] {1, 3}) {
            RestrictedBoltzmannMachine m = new RestrictedBoltzmannMachine(6, 3, HiddenUnits.BERNOULLI);
            SplittableRandom random = new SplittableRandom(2);
            m.initialize(random);
            double before = m.reconstructionError(COMPUTE, x, n);
            for (int epoch = 0; epoch < 300; epoch++) {
                m.contrastiveDivergence(COMPUTE, x, n, new ContrastiveDivergence(k, 0.5, 0.5, 0), random);
            }
            double after = m.reconstructionError(COMPUTE, x, n);
            assertTrue(after < 0.1 * before && after < 0.2, "k = " + k + ": " + before + " -> " + after);
        }
    }
}
