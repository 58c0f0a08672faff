package org.aeworkbench.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.aeworkbench.engine.TestModels;
import org.aeworkbench.engine.blas.Backend;
import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.layer.Activation;
import org.aeworkbench.engine.loss.ReconstructionLoss;
import org.aeworkbench.engine.tensor.Shape;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class SampleLossesTest {

    private static final Compute COMPUTE = Compute.create(Backend.AUTO, 2);

    @AfterAll
    static void close() {
        COMPUTE.close();
    }

    private static ModelSpec vae(double beta) {
        List<LayerSpec> encoder = List.of(new DenseSpec(7, Activation.TANH), new DenseSpec(3, Activation.IDENTITY));
        return ModelSpec.of("vae", encoder, ModelSpec.mirrorDecoder(encoder, 10, Activation.SIGMOID), ReconstructionLoss.BCE)
                .with(new VariationalSpec(beta));
    }

    /**
     * 300 samples span two inference chunks of 256, so the chunk offsets are exercised too. The
     * reconstruction term is taken at the posterior mean: the BCE of the model's own reconstruction
     * (from probabilities here, from logits in sampleLosses: equal to rounding). The evaluation
     * draws z, as training does, so only its KL term (which does not depend on z) is the same.
     */
    @Test
    void perSampleTermsAreThoseOfThePosteriorMeanAndTheirKlAveragesToTheEvaluations() {
        int n = 300;
        int d = 10;
        Autoencoder model = ModelBuilder.build(vae(2.5), Shape.vector(d));
        float[] x = TestModels.uniform(n * d, 8);
        Autoencoder.SampleLosses s = model.sampleLosses(COMPUTE, x, n);
        Autoencoder.Evaluation e = model.evaluate(COMPUTE, x, n);
        // The evaluation's KL term carries beta; the per-sample KL is the ELBO's own, without it.
        assertEquals(e.loss().penalties().get("kl") / 2.5, mean(s.kl()), 1e-9);
        float[] r = model.reconstruct(COMPUTE, x, n);
        double[] rows = new double[n];
        ReconstructionLoss.BCE.evaluate(COMPUTE, r, null, x, n, d, null, 0f, rows);
        for (int i : new int[] {0, 17, 255, 256, 299}) {
            Autoencoder.Evaluation one = model.evaluate(COMPUTE, Arrays.copyOfRange(x, i * d, (i + 1) * d), 1);
            assertEquals(rows[i], s.reconstruction()[i], 1e-5 * rows[i]);
            assertEquals(one.loss().penalties().get("kl") / 2.5, s.kl()[i], 1e-9);
            assertEquals(s.reconstruction()[i] + s.kl()[i], s.negativeElbo()[i], 0.0);
            assertTrue(s.kl()[i] >= 0, "KL is never negative: " + s.kl()[i]);
        }
    }

    @Test
    void aPlainDesignHasNoKlAndItsSquaredErrorIsTheReconstructionsOwn() {
        int n = 5;
        int d = 10;
        List<LayerSpec> encoder = List.of(new DenseSpec(4, Activation.TANH));
        ModelSpec spec = ModelSpec.of("plain", encoder, ModelSpec.mirrorDecoder(encoder, d, Activation.SIGMOID), ReconstructionLoss.MSE);
        Autoencoder model = ModelBuilder.build(spec, Shape.vector(d));
        float[] x = TestModels.uniform(n * d, 3);
        Autoencoder.SampleLosses s = model.sampleLosses(COMPUTE, x, n);
        assertNull(s.kl());
        assertNull(s.negativeElbo());
        float[] r = model.reconstruct(COMPUTE, x, n);
        for (int i = 0; i < n; i++) {
            double sq = 0;
            for (int j = 0; j < d; j++) {
                double diff = r[i * d + j] - x[i * d + j];
                sq += diff * diff;
            }
            assertEquals(sq, s.reconstruction()[i], 1e-5);
        }
    }

    private static double mean(double[] v) {
        double sum = 0;
        for (double x : v) {
            sum += x;
        }
        return sum / v.length;
    }
}
