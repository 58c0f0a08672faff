package org.aeworkbench.engine.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.aeworkbench.engine.blas.Backend;
import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.layer.Activation;
import org.aeworkbench.engine.layer.Parameter;
import org.aeworkbench.engine.loss.ReconstructionLoss;
import org.aeworkbench.engine.tensor.Shape;
import org.junit.jupiter.api.Test;

/**
 * A VAE's loss is evaluated as it is trained, z drawn from q(z|x): a one-sample estimate of the
 * negative ELBO, seeded. Pinned against the closed form of a linear-Gaussian case.
 */
class VaeEvaluationTest {

    /**
     * A 3-1-3 linear VAE whose encoder ignores x (weights 0) and emits mu = 0.4, log-variance
     * log(0.25) (sigma 0.5), decoding x' = w z with w = (1, -2, 0.5) and MSE. For z ~ N(mu, s^2):
     * E ||x - w z||^2 = ||x - w mu||^2 + ||w||^2 s^2 (the cross term has mean 0). With
     * x = (1, 0, 2): ||x - w mu||^2 = 0.6^2 + 0.8^2 + 1.8^2 = 4.24 and ||w||^2 s^2 = 5.25 * 0.25
     * = 1.3125, so 5.5525; at z = mu it is 4.24. KL(N(0.4, 0.25) || N(0, 1)) =
     * -0.5 (1 + log 0.25 - 0.16 - 0.25) = 0.3981471805599453 nats.
     */
    @Test
    void theEvaluatedLossOfAVaeIsTheExpectedLossUnderItsPosterior() {
        ModelSpec spec = ModelSpec.of("linear-vae", List.of(new DenseSpec(1, Activation.IDENTITY)),
                List.of(new DenseSpec(3, Activation.IDENTITY)), ReconstructionLoss.MSE).with(new VariationalSpec(1.0));
        Autoencoder model = ModelBuilder.build(spec, Shape.vector(3));
        List<Parameter> p = model.parameters();
        java.util.Arrays.fill(p.get(0).value(), 0f);                       // encoder weights: ignore x
        System.arraycopy(new float[] {0.4f, (float) Math.log(0.25)}, 0, p.get(1).value(), 0, 2);
        System.arraycopy(new float[] {1f, -2f, 0.5f}, 0, p.get(2).value(), 0, 3);
        java.util.Arrays.fill(p.get(3).value(), 0f);
        int n = 40_000;
        float[] x = new float[3 * n];
        for (int i = 0; i < n; i++) {
            x[3 * i] = 1;
            x[3 * i + 2] = 2;
        }
        try (Compute c = Compute.create(Backend.AUTO, 2)) {
            Autoencoder.Evaluation ev = model.evaluate(c, x, n, 0, 7);
            // Each sample's term is 4.24 - 2 s e (r.w) + s^2 e^2 ||w||^2 with r = x - w mu = (0.6, 0.8, 1.8),
            // r.w = -0.1: variance 4 s^2 (r.w)^2 + 2 s^4 ||w||^4 = 0.01 + 3.4453, so the mean of
            // 40,000 has a standard error of 0.0093; 5 of them is the tolerance.
            assertEquals(5.5525, ev.loss().reconstruction(), 5 * 0.0093);
            assertEquals(0.3981471805599453, ev.loss().penalties().get("kl"), 1e-6);
            assertEquals(4.24, ev.reconError(), 1e-4, "the reconstruction error is that of decoding the mean");
            Autoencoder.Evaluation again = model.evaluate(c, x, n, 0, 7);
            assertEquals(ev.loss(), again.loss(), "the same seed draws the same codes");
            assertNotEquals(ev.loss().reconstruction(), model.evaluate(c, x, n, 0, 8).loss().reconstruction());
        }
    }

    @Test
    void theValidationCodesOfAVaeAreItsPosteriorMeans() {
        ModelSpec spec = Presets.get("vae-2d", Shape.vector(6));
        Autoencoder model = ModelBuilder.build(spec, Shape.vector(6));
        float[] x = org.aeworkbench.engine.TestModels.uniform(6 * 300, 3);
        try (Compute c = Compute.create(Backend.AUTO, 2)) {
            assertArrayEquals(model.encode(c, x, 300), model.evaluate(c, x, 300, 300).codes());
            float[] sampled = model.sampleCodes(c, x, 300, 5);
            assertNotEquals(model.encode(c, x, 300)[0], sampled[0], "sampleCodes draws z around the mean");
            assertArrayEquals(sampled, model.sampleCodes(c, x, 300, 5));
        }
    }
}
