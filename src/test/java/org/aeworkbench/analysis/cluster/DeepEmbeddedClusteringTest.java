package org.aeworkbench.analysis.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.aeworkbench.engine.blas.Backend;
import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.layer.Activation;
import org.aeworkbench.engine.layer.Parameter;
import org.aeworkbench.engine.loss.ReconstructionLoss;
import org.aeworkbench.engine.model.Autoencoder;
import org.aeworkbench.engine.model.DenseSpec;
import org.aeworkbench.engine.model.ModelBuilder;
import org.aeworkbench.engine.model.ModelSpec;
import org.aeworkbench.engine.model.VariationalSpec;
import org.aeworkbench.engine.tensor.Shape;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class DeepEmbeddedClusteringTest {

    private static final Compute COMPUTE = Compute.create(Backend.JAVA, 1);

    @AfterAll
    static void close() {
        COMPUTE.close();
    }

    private static float[] random(int n, long seed, double scale) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) ((r.nextDouble() * 2 - 1) * scale);
        }
        return v;
    }

    @Test
    void softAssignmentByHand() {
        // One code at 0, centres at 1 and 3 (alpha 1): kernels 1/2 and 1/10, so q = 5/6 and 1/6.
        double[] q = StudentTAssignment.soft(new float[] {0}, 1, 1, new float[] {1, 3}, 2, 1);
        assertArrayEquals(new double[] {5.0 / 6, 1.0 / 6}, q, 1e-15);
        // Two codes, each sure of its own cluster to the same degree: the target sharpens both alike.
        double[] q2 = {0.8, 0.2, 0.2, 0.8};
        double[] p = StudentTAssignment.target(q2, 2, 2);
        assertArrayEquals(new double[] {16.0 / 17, 1.0 / 17, 1.0 / 17, 16.0 / 17}, p, 1e-15);
    }

    /** KL(P || Q(z, mu)) summed over rows, P held fixed: the function eqs. 4 and 5 differentiate. */
    private static double loss(float[] z, int n, int w, float[] mu, int k, double alpha, double[] p) {
        return StudentTAssignment.divergence(p, StudentTAssignment.soft(z, n, w, mu, k, alpha));
    }

    @Test
    void gradientsOfCodesAndCentresMatchFiniteDifferences() {
        int n = 5;
        int w = 3;
        int k = 4;
        for (double alpha : new double[] {1.0, 2.5}) {
            float[] z = random(n * w, 1, 2);
            float[] mu = random(k * w, 2, 2);
            double[] p = StudentTAssignment.target(StudentTAssignment.soft(z, n, w, mu, k, alpha), n, k);
            // Move the codes so that P is no longer Q's own target: the gradient is then far from zero.
            float[] z2 = random(n * w, 3, 2);
            double[] q = StudentTAssignment.soft(z2, n, w, mu, k, alpha);
            float[] gz = new float[n * w];
            float[] gmu = new float[k * w];
            StudentTAssignment.gradients(z2, n, w, mu, k, alpha, p, q, 1.0, gz, gmu);
            double h = 1e-3;
            for (int i = 0; i < z2.length; i++) {
                float saved = z2[i];
                z2[i] = (float) (saved + h);
                double plus = loss(z2, n, w, mu, k, alpha, p);
                z2[i] = (float) (saved - h);
                double minus = loss(z2, n, w, mu, k, alpha, p);
                z2[i] = saved;
                assertEquals((plus - minus) / (2 * h), gz[i], 2e-4, "dL/dz[" + i + "], alpha " + alpha);
            }
            for (int i = 0; i < mu.length; i++) {
                float saved = mu[i];
                mu[i] = (float) (saved + h);
                double plus = loss(z2, n, w, mu, k, alpha, p);
                mu[i] = (float) (saved - h);
                double minus = loss(z2, n, w, mu, k, alpha, p);
                mu[i] = saved;
                assertEquals((plus - minus) / (2 * h), gmu[i], 2e-4, "dL/dmu[" + i + "], alpha " + alpha);
            }
        }
    }

    /** The mean KL of a batch through the encoder, with P fixed. */
    private static double batchLoss(EncoderPath path, float[] x, int n, float[] mu, int k, double[] p) {
        float[] z = path.forward(x, n).clone();
        return loss(z, n, path.codeWidth(), mu, k, 1, p) / n;
    }

    @Test
    void encoderGradientsThroughTheEngineMatchFiniteDifferences() {
        for (boolean vae : new boolean[] {false, true}) {
            ModelSpec spec = ModelSpec.of("dec", List.of(new DenseSpec(6, Activation.TANH), new DenseSpec(3, Activation.IDENTITY)),
                    List.of(new DenseSpec(6, Activation.TANH), new DenseSpec(8, Activation.SIGMOID)), ReconstructionLoss.BCE);
            if (vae) {
                spec = spec.with(new VariationalSpec(1.0, 0));
            }
            Autoencoder model = ModelBuilder.build(spec, Shape.vector(8));
            EncoderPath path = new EncoderPath(model, COMPUTE);
            int n = 5;
            int k = 3;
            float[] x = random(n * 8, 4, 1);
            float[] mu = random(k * 3, 5, 1);
            float[] z = path.forward(x, n).clone();
            double[] q = StudentTAssignment.soft(z, n, 3, mu, k, 1);
            double[] p = StudentTAssignment.target(StudentTAssignment.soft(random(n * 3, 6, 1), n, 3, mu, k, 1), n, k);
            for (Parameter par : path.parameters()) {
                Arrays.fill(par.grad(), 0f);
            }
            float[] gz = new float[n * 3];
            StudentTAssignment.gradients(z, n, 3, mu, k, 1, p, q, 1.0 / n, gz, new float[k * 3]);
            path.forward(x, n);
            path.backward(gz, n);
            double h = 1e-2;
            double worst = 0;
            for (Parameter par : path.parameters()) {
                float[] analytic = par.grad().clone();
                for (int i = 0; i < par.size(); i++) {
                    float saved = par.value()[i];
                    par.value()[i] = (float) (saved + h);
                    double plus = batchLoss(path, x, n, mu, k, p);
                    par.value()[i] = (float) (saved - h);
                    double minus = batchLoss(path, x, n, mu, k, p);
                    par.value()[i] = saved;
                    double numeric = (plus - minus) / (2 * h);
                    worst = Math.max(worst, Math.abs(numeric - analytic[i])
                            / Math.max(1e-2, Math.abs(numeric) + Math.abs(analytic[i])));
                }
            }
            assertTrue(worst < 2e-3, (vae ? "VAE" : "plain") + " encoder: worst relative error " + worst);
        }
    }

    @Test
    void fineTuningRepeatsForASeedAndKeepsSeparatedClustersApart() {
        // Three well separated groups in 10-D through an untrained encoder: DEC must not merge them.
        int n = 90;
        float[] x = new float[n * 10];
        SplittableRandom r = new SplittableRandom(8);
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 3;
            for (int j = 0; j < 10; j++) {
                x[i * 10 + j] = (float) ((j / 4 == labels[i] ? 0.8 : 0.1) + 0.05 * r.nextDouble());
            }
        }
        ModelSpec spec = ModelSpec.of("dec", List.of(new DenseSpec(8, Activation.RELU), new DenseSpec(2, Activation.IDENTITY)),
                List.of(new DenseSpec(8, Activation.RELU), new DenseSpec(10, Activation.SIGMOID)), ReconstructionLoss.BCE);
        DecSettings settings = new DecSettings(3, 5, 16, 0.01, 0.9, 0.0, 3, 4);
        DeepEmbeddedClustering.Result a = DeepEmbeddedClustering.fit(ModelBuilder.build(spec, Shape.vector(10)), COMPUTE, x, n,
                settings, () -> false, e -> { });
        DeepEmbeddedClustering.Result b = DeepEmbeddedClustering.fit(ModelBuilder.build(spec, Shape.vector(10)), COMPUTE, x, n,
                settings, () -> false, e -> { });
        assertArrayEquals(a.assignments(), b.assignments());
        assertArrayEquals(a.centres(), b.centres());
        assertEquals(6, a.history().size(), "the start and 5 epochs");
        assertEquals(1.0, ClusterAgreement.of(a.assignments(), labels).accuracy(), 0.0);
    }
}
