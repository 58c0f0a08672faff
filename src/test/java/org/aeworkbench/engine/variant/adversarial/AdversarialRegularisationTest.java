package org.aeworkbench.engine.variant.adversarial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;
import org.aeworkbench.engine.blas.Backend;
import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.layer.Activation;
import org.aeworkbench.engine.layer.GradientCheck;
import org.aeworkbench.engine.layer.Parameter;
import org.aeworkbench.engine.layer.Pass;
import org.aeworkbench.engine.loss.ReconstructionLoss;
import org.aeworkbench.engine.model.AdversarialSpec;
import org.aeworkbench.engine.model.Autoencoder;
import org.aeworkbench.engine.model.DenseSpec;
import org.aeworkbench.engine.model.LayerSpec;
import org.aeworkbench.engine.model.ModelBuilder;
import org.aeworkbench.engine.model.ModelSpec;
import org.aeworkbench.engine.optim.OptimizerSpec;
import org.aeworkbench.engine.tensor.Shape;
import org.aeworkbench.engine.variant.FiniteDifference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The regularisation phase's two gradients against central finite differences of the losses
 * written out independently here (encoder, then discriminator, then softplus), for the plain and
 * the supervised prior; the losses' values at hand-computed points; and that a step changes the
 * discriminator and the encoder but never the decoder.
 */
class AdversarialRegularisationTest {

    private static final Compute COMPUTE = Compute.create(Backend.JAVA, 1);
    private static final int N = 5;
    private static final int COMPONENTS = 3;

    @AfterAll
    static void close() {
        COMPUTE.close();
    }

    @Test
    void lossesAtHandComputedLogits() {
        // a_p = (0, 2), a_q = (0, -1): L_D = [softplus(0) + softplus(0) + softplus(-2) + softplus(-1)] / 2
        //   = [2 ln 2 + ln(1 + e^-2) + ln(1 + e^-1)] / 2 = (1.3862944 + 0.1269280 + 0.3132617) / 2 = 0.9132420
        float[] logits = {0, 2, 0, -1};
        float[] grad = new float[4];
        assertEquals(0.9132420, AdversarialLosses.discriminator(logits, 2, grad), 1e-6);
        // dL/da_p = (sigmoid(a_p) - 1) / 2, dL/da_q = sigmoid(a_q) / 2
        assertEquals(-0.25, grad[0], 1e-7);
        assertEquals((1 / (1 + Math.exp(-2)) - 1) / 2, grad[1], 1e-7);
        assertEquals(0.25, grad[2], 1e-7);
        assertEquals(1 / (1 + Math.exp(1)) / 2, grad[3], 1e-7);
        // L_G on a_q = (0, -1): [softplus(0) + softplus(1)] / 2 = (0.6931472 + 1.3132617) / 2
        assertEquals(1.0032044, AdversarialLosses.generator(new float[] {0, -1}, 2, null), 1e-6);
        assertEquals(0.5, AdversarialLosses.accuracy(logits, 0, 2, true), 0, "a_p = 0 is not counted as prior");
        assertEquals(0.5, AdversarialLosses.accuracy(logits, 2, 2, false), 0);
        // Far in saturation the loss is the logit itself, not infinity.
        assertEquals(80.0, AdversarialLosses.generator(new float[] {-80}, 1, null), 1e-9);
    }

    @Test
    void discriminatorGradientMatchesFiniteDifferences() {
        for (CodePrior prior : List.of(CodePrior.GAUSSIAN, CodePrior.SUPERVISED_MIXTURE)) {
            Setup s = new Setup(prior);
            s.phase.encodeAndDraw(s.x, s.labels, N, s.pass());
            zero(s.phase.discriminator().parameters());
            s.phase.discriminatorGradient(N, s.pass());
            List<FiniteDifference.Probe> probes = new ArrayList<>();
            s.phase.discriminator().parameters().forEach(p -> probes.add(FiniteDifference.probe(p)));
            float[] rows = Arrays.copyOf(s.phase.discriminatorRows(), 2 * N * s.inputWidth());
            DoubleSupplier lossD = () -> AdversarialLosses.discriminator(
                    s.phase.discriminator().logits(rows, 2 * N, s.pass()), N, null);
            lossD.getAsDouble();
            assertTrue(s.phase.discriminator().smallestHiddenMargin(2 * N) > 0.2, "no ReLU kink within the stencil's reach");
            GradientCheck.Result r = FiniteDifference.check(probes, lossD, 3e-3, 40, new SplittableRandom(3));
            assertTrue(r.worst() < 1e-3, prior + ": " + r);
        }
    }

    @Test
    void generatorGradientReachesTheEncoderAsFiniteDifferencesSay() {
        for (CodePrior prior : List.of(CodePrior.GAUSSIAN, CodePrior.SUPERVISED_MIXTURE)) {
            Setup s = new Setup(prior);
            s.phase.encodeAndDraw(s.x, s.labels, N, s.pass());
            zero(s.model.parameters());
            s.phase.generatorGradient(N, s.pass());
            for (Parameter p : s.phase.discriminator().parameters()) {
                for (float g : p.grad()) {
                    assertEquals(0f, g, "the generator step leaves the discriminator's gradients at zero");
                }
            }
            for (Parameter p : s.model.decoderLayers().get(0).parameters()) {
                for (float g : p.grad()) {
                    assertEquals(0f, g, "the decoder takes no part in the generator step");
                }
            }
            List<FiniteDifference.Probe> probes = new ArrayList<>();
            s.model.encoderParameters().forEach(p -> probes.add(FiniteDifference.probe(p)));
            DoubleSupplier lossG = () -> {
                // L_G = mean softplus(-D(f(x), class)), written out: encoder, one-hot, discriminator.
                float[] codes = s.model.encode(COMPUTE, s.x, N);
                int in = s.inputWidth();
                float[] rows = new float[N * in];
                for (int i = 0; i < N; i++) {
                    rows[i * in] = codes[2 * i];
                    rows[i * in + 1] = codes[2 * i + 1];
                    if (prior.supervised()) {
                        rows[i * in + 2 + s.labels[i]] = 1;
                    }
                }
                float[] a = s.phase.discriminator().logits(rows, N, s.pass());
                double sum = 0;
                for (int i = 0; i < N; i++) {
                    sum += Math.log1p(Math.exp(-a[i]));
                }
                return sum / N;
            };
            lossG.getAsDouble();
            assertTrue(s.phase.discriminator().smallestHiddenMargin(N) > 0.2, "no ReLU kink within the stencil's reach");
            GradientCheck.Result r = FiniteDifference.check(probes, lossG, 3e-2, 40, new SplittableRandom(4));
            assertTrue(r.worst() < 1e-3, prior + ": " + r);
        }
    }

    @Test
    void moreDiscriminatorStepsTrainTheDiscriminatorFurtherButTheEncoderOnce() {
        List<Double> losses = new ArrayList<>();
        List<float[]> encoders = new ArrayList<>();
        for (int k : new int[] {1, 5}) {
            Setup s = new Setup(CodePrior.GAUSSIAN, k);
            s.phase.step(s.x, s.labels, N, s.pass(), 1, new HashMap<>());
            encoders.add(s.model.encoderParameters().get(0).value().clone());
            // The discriminator after the step, on the same codes against draws it has not seen.
            s.phase.encodeAndDraw(s.x, s.labels, N, new Pass(COMPUTE, true, new SplittableRandom(99)));
            losses.add(AdversarialLosses.discriminator(
                    s.phase.discriminator().logits(s.phase.discriminatorRows(), 2 * N, s.pass()), N, null));
        }
        assertTrue(losses.get(1) < losses.get(0) - 0.01, "five steps tell codes from draws better than one: " + losses);
        // Adam's first step moves each weight by the rate times the sign of its gradient, whatever
        // the gradient's size: one generator step moves each encoder weight by at most 1e-2.
        Setup fresh = new Setup(CodePrior.GAUSSIAN, 5);
        float[] before = fresh.model.encoderParameters().get(0).value();
        for (int i = 0; i < before.length; i++) {
            assertTrue(Math.abs(encoders.get(1)[i] - before[i]) <= 1.0001e-2, "one generator step, not five");
        }
    }

    @Test
    void aStepMovesDiscriminatorAndEncoderButNotTheDecoder() {
        Setup s = new Setup(CodePrior.SUPERVISED_MIXTURE);
        float[] decoderBefore = s.model.decoderLayers().get(0).parameters().get(0).value().clone();
        float[] encoderBefore = s.model.encoderParameters().get(0).value().clone();
        float[] discriminatorBefore = s.phase.discriminator().parameters().get(0).value().clone();
        Map<String, Double> metrics = new HashMap<>();
        s.phase.step(s.x, s.labels, N, s.pass(), 1, metrics);
        assertTrue(Arrays.equals(decoderBefore, s.model.decoderLayers().get(0).parameters().get(0).value()));
        assertNotEquals(Arrays.toString(encoderBefore), Arrays.toString(s.model.encoderParameters().get(0).value()));
        assertNotEquals(Arrays.toString(discriminatorBefore),
                Arrays.toString(s.phase.discriminator().parameters().get(0).value()));
        assertEquals(List.of(AdversarialRegularisation.ACCURACY_CODES, AdversarialRegularisation.ACCURACY_PRIOR,
                AdversarialRegularisation.DISCRIMINATOR, AdversarialRegularisation.GENERATOR),
                metrics.keySet().stream().sorted().toList());
        for (Parameter p : s.model.parameters()) {
            for (float g : p.grad()) {
                assertEquals(0f, g, "the optimisers leave every gradient at zero for the next step");
            }
        }
    }

    /** A 6-5-2 encoder (tanh, linear code) with its decoder, and a 2-4-3-1 discriminator (or 5-4-3-1 with classes). */
    private static final class Setup {
        final Autoencoder model;
        final AdversarialRegularisation phase;
        final float[] x;
        final int[] labels = {0, 2, 1, 1, 0};
        final CodePrior prior;

        Setup(CodePrior prior) {
            this(prior, 1);
        }

        Setup(CodePrior prior, int discriminatorSteps) {
            this.prior = prior;
            List<LayerSpec> encoder = List.of(new DenseSpec(5, Activation.TANH), new DenseSpec(2, Activation.IDENTITY));
            ModelSpec spec = ModelSpec.of("tiny", encoder, ModelSpec.mirrorDecoder(encoder, 6, Activation.SIGMOID),
                    ReconstructionLoss.MSE);
            model = ModelBuilder.build(spec, Shape.vector(6));
            x = FiniteDifference.uniform(new SplittableRandom(5), N * 6, 0, 1);
            Discriminator d = new Discriminator(AdversarialRegularisation.discriminatorInput(prior, 2, COMPONENTS),
                    List.of(4, 3), 9);
            awayFromKinks(d);
            phase = new AdversarialRegularisation(AdversarialSpec.encoderOf(model), prior, COMPONENTS, d,
                    OptimizerSpec.adam(1e-2).build(), 1e-2, OptimizerSpec.adam(1e-2).build(), 1e-2, discriminatorSteps);
        }

        /**
         * Finite differences are meaningless across a ReLU's kink, so the hidden units are put far
         * from theirs: small weights and biases of +2 or -2, which leaves some units active and
         * some dead (both sides of the derivative are checked); the checks assert the margin.
         */
        private static void awayFromKinks(Discriminator d) {
            List<Parameter> ps = d.parameters();
            for (int l = 0; l + 2 < ps.size(); l += 2) {
                float[] w = ps.get(l).value();
                for (int i = 0; i < w.length; i++) {
                    w[i] *= 0.1f;
                }
                float[] b = ps.get(l + 1).value();
                for (int j = 0; j < b.length; j++) {
                    b[j] = j % 2 == 0 ? 2f : -2f;
                }
            }
        }

        int inputWidth() {
            return AdversarialRegularisation.discriminatorInput(prior, 2, COMPONENTS);
        }

        Pass pass() {
            return new Pass(COMPUTE, true, new SplittableRandom(11));
        }
    }

    private static void zero(List<Parameter> parameters) {
        parameters.forEach(p -> Arrays.fill(p.grad(), 0f));
    }
}
