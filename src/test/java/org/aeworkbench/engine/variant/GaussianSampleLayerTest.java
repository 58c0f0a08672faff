package org.aeworkbench.engine.variant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.aeworkbench.engine.blas.Backend;
import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.layer.Activation;
import org.aeworkbench.engine.layer.DenseLayer;
import org.aeworkbench.engine.layer.GradientCheck;
import org.aeworkbench.engine.layer.Pass;
import org.aeworkbench.engine.loss.ReconstructionLoss;
import org.aeworkbench.engine.model.Autoencoder;
import org.aeworkbench.engine.model.DenseSpec;
import org.aeworkbench.engine.model.LayerSpec;
import org.aeworkbench.engine.model.ModelBuilder;
import org.aeworkbench.engine.model.ModelSpec;
import org.aeworkbench.engine.model.TrainingSpec;
import org.aeworkbench.engine.model.VariationalSpec;
import org.aeworkbench.engine.optim.OptimizerSpec;
import org.aeworkbench.engine.tensor.Shape;
import org.aeworkbench.engine.train.EpochSnapshot;
import org.aeworkbench.engine.train.Trainer;
import org.aeworkbench.engine.train.TrainingControl;
import org.aeworkbench.engine.train.TrainingListener;
import org.aeworkbench.engine.train.TrainingResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class GaussianSampleLayerTest {

    private static final Compute COMPUTE = Compute.create(Backend.AUTO, 2);

    @AfterAll
    static void close() {
        COMPUTE.close();
    }

    @Test
    void klIsTheClosedFormAndInferenceReturnsTheMean() {
        GaussianSampleLayer layer = new GaussianSampleLayer(2, 1.0, 0);
        float ln2 = (float) Math.log(2);
        float[] out = layer.forward(new float[] {1, 0, 0, ln2}, 1, Pass.inference(COMPUTE));
        assertArrayEquals(new float[] {1, 0}, Arrays.copyOf(out, 2));
        // -1/2 [(1 + 0 - 1 - 1) + (1 + ln 2 - 0 - 2)] = 1 - ln(2) / 2
        assertEquals(0.6534264097200273, layer.lastPenalty(), 1e-6);
    }

    @Test
    void trainingSamplesByReparameterisationFromThePassStream() {
        GaussianSampleLayer layer = new GaussianSampleLayer(3, 1.0, 0);
        float[] x = {0.5f, -1, 2, 0, 1, -2, /* second sample */ 0, 0, 0, 0.4f, -0.4f, 0};
        float[] z = layer.forward(x, 2, new Pass(COMPUTE, true, new SplittableRandom(77)));
        SplittableRandom same = new SplittableRandom(77);
        for (int b = 0; b < 2; b++) {
            for (int j = 0; j < 3; j++) {
                double eps = same.nextGaussian();
                double expected = x[b * 6 + j] + Math.exp(x[b * 6 + 3 + j] / 2.0) * eps;
                assertEquals(expected, z[b * 3 + j], 1e-5);
            }
        }
    }

    @Test
    void gradientMatchesFiniteDifferencesWithFixedNoiseAndInInference() {
        SplittableRandom random = new SplittableRandom(41);
        float[] x = FiniteDifference.uniform(random, 4 * 10, -1, 1);
        for (boolean training : new boolean[] {true, false}) {
            var result = new GradientCheck(COMPUTE, 1e-2, training, 5).check(new GaussianSampleLayer(5, 0.7, 0),
                    x, 4, random, 1000);
            System.out.println("Gaussian sample (" + (training ? "training, fixed eps" : "inference") + "): " + result);
            assertTrue(result.worst() < 1e-3, result.toString());
        }
    }

    @Test
    void warmUpRaisesTheKlWeightLinearlyToBeta() {
        GaussianSampleLayer layer = new GaussianSampleLayer(1, 2.0, 4);
        float[] x = {1, 0}; // KL = 1/2
        double[] weighted = new double[6];
        for (int e = 0; e < 6; e++) {
            layer.onEpochStart(e);
            layer.forward(x, 1, Pass.inference(COMPUTE));
            weighted[e] = layer.lastPenalty();
            assertEquals(0.5, layer.lastKl(), 1e-9);
        }
        assertArrayEquals(new double[] {0, 0.25, 0.5, 0.75, 1, 1}, weighted, 1e-9);
    }

    @Test
    void aDesignsKlWarmUpReachesTheSamplerAndSurvivesItsJson() {
        List<LayerSpec> encoder = List.of(new DenseSpec(8, Activation.RELU), new DenseSpec(2, Activation.IDENTITY));
        ModelSpec spec = ModelSpec.of("vae", encoder, ModelSpec.mirrorDecoder(encoder, 6, Activation.SIGMOID),
                ReconstructionLoss.BCE).with(new VariationalSpec(2.0, 4));
        ModelSpec back = org.aeworkbench.engine.model.ModelSpecJson.parse(org.aeworkbench.engine.model.ModelSpecJson.toJson(spec), "test");
        assertEquals(4, back.variant(VariationalSpec.class).warmupEpochs());
        String withoutWarmUp = org.aeworkbench.engine.model.ModelSpecJson.toJson(spec).replaceAll(",\\s*\"warmupEpochs\"\\s*:\\s*4", "");
        assertTrue(!withoutWarmUp.contains("warmupEpochs"), withoutWarmUp);
        assertEquals(0, org.aeworkbench.engine.model.ModelSpecJson.parse(withoutWarmUp, "test").variant(VariationalSpec.class).warmupEpochs(),
                "designs saved before the warm-up existed load with none");

        Autoencoder model = ModelBuilder.build(spec, Shape.vector(6));
        GaussianSampleLayer sampler = (GaussianSampleLayer) model.layers().stream()
                .filter(l -> l instanceof GaussianSampleLayer).findFirst().orElseThrow();
        float[] x = FiniteDifference.uniform(new SplittableRandom(2), 3 * 6, 0, 1);
        double[] ratio = new double[3];
        for (int e = 0; e < 3; e++) {
            model.onEpochStart(e);
            model.forward(x, 3, Pass.inference(COMPUTE));
            ratio[e] = sampler.lastPenalty() / sampler.lastKl();
        }
        assertArrayEquals(new double[] {0, 0.5, 1.0}, ratio, 1e-9);
    }

    @Test
    void priorSamplesAreStandardNormalAndRepeatable() {
        float[] z = Prior.sample(5000, 2, 8);
        assertArrayEquals(z, Prior.sample(5000, 2, 8));
        double sum = 0;
        double sq = 0;
        for (float v : z) {
            sum += v;
            sq += v * v;
        }
        assertEquals(0, sum / z.length, 4 / Math.sqrt(z.length));
        assertEquals(1, sq / z.length, 0.05);
    }

    @Test
    void vaePassesAWholeModelGradientCheck() {
        List<LayerSpec> encoder = List.of(new DenseSpec(5, Activation.TANH), new DenseSpec(2, Activation.IDENTITY));
        ModelSpec spec = ModelSpec.of("vae", encoder, ModelSpec.mirrorDecoder(encoder, 6, Activation.SIGMOID),
                ReconstructionLoss.BCE).with(new VariationalSpec(1.5));
        Autoencoder model = ModelBuilder.build(spec, Shape.vector(6));
        assertEquals(2, model.codeSize());
        float[] x = FiniteDifference.uniform(new SplittableRandom(13), 4 * 6, 0, 1);
        var result = FiniteDifference.checkModel(model, COMPUTE, x, 4, 6, 3e-2, 1000);
        System.out.println("VAE model: " + result);
        assertTrue(result.worst() < 1e-3, result.toString());
    }

    /**
     * The PyTorch-example VAE shrunk to 784-128-8 and trained 8 epochs on 600 digits: the KL term is positive
     * in training and validation, the negative ELBO fell, encoding returns the posterior mean, and decoded
     * prior samples lie inside [0, 1] and are not all the same image.
     */
    @Test
    void trainedVaeHasPositiveKlAndDecodesPriorSamplesInsideTheUnitInterval() {
        List<LayerSpec> encoder = List.of(new DenseSpec(128, Activation.RELU), new DenseSpec(8, Activation.IDENTITY));
        ModelSpec spec = ModelSpec.of("vae", encoder, ModelSpec.mirrorDecoder(encoder, 784, Activation.SIGMOID),
                ReconstructionLoss.BCE).with(new VariationalSpec(1.0)).withOptimizer(OptimizerSpec.adam(1e-3))
                .withTraining(TrainingSpec.defaults().withEpochs(8).withBatchSize(32).withSeed(5));
        Autoencoder model = ModelBuilder.build(spec, Shape.vector(784));
        float[] held = SmallData.mnist(8000, 100);
        TrainingResult result = new Trainer(model, COMPUTE).fit(SmallData.mnist(0, 600), 600, held, 100,
                new TrainingControl(), TrainingListener.NONE);
        EpochSnapshot first = result.history().get(0);
        EpochSnapshot last = result.last();
        assertTrue(last.train().penalties().get("kl") > 0, last.train().toString());
        assertTrue(last.validation().penalties().get("kl") > 0, last.validation().toString());
        assertTrue(last.validation().total() < first.validation().total());

        // encode() gives mu: the first half of the code layer's output
        float[] codes = model.encode(COMPUTE, held, 3);
        DenseLayer codeLayer = (DenseLayer) model.layers().get(1);
        float[] h = model.layers().get(0).forward(Arrays.copyOf(held, 3 * 784), 3, Pass.inference(COMPUTE));
        float[] muLv = codeLayer.forward(h, 3, Pass.inference(COMPUTE));
        for (int b = 0; b < 3; b++) {
            assertArrayEquals(Arrays.copyOfRange(muLv, b * 16, b * 16 + 8), Arrays.copyOfRange(codes, b * 8, b * 8 + 8));
        }

        int n = 50;
        float[] images = model.decode(COMPUTE, Prior.sample(n, 8, 1), n);
        double spread = 0;
        for (int i = 0; i < images.length; i++) {
            assertTrue(images[i] >= 0f && images[i] <= 1f, "pixel " + i + " = " + images[i]);
            spread += Math.abs(images[i] - images[i % 784]);
        }
        assertTrue(spread / images.length > 0.01, "prior samples decode to different images");
        System.out.printf("VAE: negative ELBO (val) %.1f -> %.1f nats, KL term %.2f; %d prior samples in [0, 1]%n",
                first.validation().total(), last.validation().total(), last.validation().penalties().get("kl"), n);
    }
}
