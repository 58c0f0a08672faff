package org.aeworkbench.engine.variant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.aeworkbench.engine.blas.Backend;
import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.layer.Activation;
import org.aeworkbench.engine.layer.GradientCheck;
import org.aeworkbench.engine.layer.Pass;
import org.aeworkbench.engine.loss.ReconstructionLoss;
import org.aeworkbench.engine.model.Autoencoder;
import org.aeworkbench.engine.model.BinaryCodeSpec;
import org.aeworkbench.engine.model.DenseSpec;
import org.aeworkbench.engine.model.LayerSpec;
import org.aeworkbench.engine.model.ModelBuilder;
import org.aeworkbench.engine.model.ModelSpec;
import org.aeworkbench.engine.model.ModelSpecJson;
import org.aeworkbench.engine.model.SpecValidator;
import org.aeworkbench.engine.model.TrainingSpec;
import org.aeworkbench.engine.model.VariationalSpec;
import org.aeworkbench.engine.tensor.Shape;
import org.aeworkbench.engine.train.Trainer;
import org.aeworkbench.engine.train.TrainingControl;
import org.aeworkbench.engine.train.TrainingListener;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class NoisySigmoidCodeTest {

    private static final Compute COMPUTE = Compute.create(Backend.AUTO, 2);

    @AfterAll
    static void close() {
        COMPUTE.close();
    }

    @Test
    void inferenceIsThePlainSigmoidAndTrainingAddsTheStreamsNoise() {
        NoisySigmoidCode stage = new NoisySigmoidCode(Shape.vector(3), 4.0);
        float[] z = {-1, 0, 2};
        float[] plain = stage.forward(z, 1, Pass.inference(COMPUTE)).clone();
        for (int j = 0; j < 3; j++) {
            assertEquals(Activation.SIGMOID.apply(z[j]), plain[j], 0f);
        }
        float[] noisy = stage.forward(z, 1, new Pass(COMPUTE, true, new SplittableRandom(5))).clone();
        SplittableRandom same = new SplittableRandom(5);
        for (int j = 0; j < 3; j++) {
            assertEquals(Activation.SIGMOID.apply((float) (z[j] + 4.0 * same.nextGaussian())), noisy[j], 0f);
        }
    }

    @Test
    void backwardMatchesFiniteDifferencesWithTheNoiseHeldFixed() {
        float[] x = FiniteDifference.uniform(new SplittableRandom(2), 4 * 5, -2, 2);
        var result = new GradientCheck(COMPUTE, 1e-2, true, 7).check(new NoisySigmoidCode(Shape.vector(5), 1.5), x, 4,
                new SplittableRandom(3), 100);
        assertTrue(result.worst() < 1e-3, result.toString());
    }

    private static ModelSpec design(double noise) {
        List<LayerSpec> encoder = List.of(new DenseSpec(64, Activation.RELU), new DenseSpec(16, Activation.SIGMOID));
        return ModelSpec.of("hash", encoder, ModelSpec.mirrorDecoder(encoder, 784, Activation.SIGMOID), ReconstructionLoss.BCE)
                .with(new BinaryCodeSpec(noise));
    }

    @Test
    void wholeModelPassesAGradientCheck() {
        List<LayerSpec> encoder = List.of(new DenseSpec(5, Activation.TANH), new DenseSpec(3, Activation.SIGMOID));
        ModelSpec spec = ModelSpec.of("hash", encoder, ModelSpec.mirrorDecoder(encoder, 7, Activation.SIGMOID),
                ReconstructionLoss.BCE).with(new BinaryCodeSpec(2.0));
        Autoencoder model = ModelBuilder.build(spec, Shape.vector(7));
        float[] x = FiniteDifference.uniform(new SplittableRandom(8), 3 * 7, 0, 1);
        var result = FiniteDifference.checkModel(model, COMPUTE, x, 3, 2, 1e-2, 1000);
        assertTrue(result.worst() < 1e-3, result.toString());
    }

    /**
     * 16 sigmoid code units trained 12 epochs on 1,000 digits, without noise and with the paper's
     * standard deviation of 4: the noise pushes the code layer's pre-activations away from zero,
     * where the sigmoid saturates (measured: the 10th percentile of |z| over 500 held-out codes was
     * 3.99 without noise and 7.69 with it; 4.83, 5.95 and 10.54 for noise 1, 2 and 8).
     */
    @Test
    void theNoiseDrivesCodesToSaturate() {
        float[] x = SmallData.mnist(0, 1000);
        float[] held = SmallData.mnist(1000, 500);
        double[] tenthPercentile = new double[2];
        for (int run = 0; run < 2; run++) {
            ModelSpec spec = design(run == 0 ? 0 : BinaryCodeSpec.DEFAULT_NOISE)
                    .withTraining(TrainingSpec.defaults().withEpochs(12).withSeed(1));
            Autoencoder model = ModelBuilder.build(spec, Shape.vector(784));
            new Trainer(model, COMPUTE).fit(x, 1000, null, 0, new TrainingControl(), new TrainingListener() {
            });
            float[] codes = model.encode(COMPUTE, held, 500);
            double[] z = new double[codes.length];
            for (int i = 0; i < codes.length; i++) {
                double c = Math.min(Math.max(codes[i], 1e-7), 1 - 1e-7);
                z[i] = Math.abs(Math.log(c / (1 - c)));
            }
            java.util.Arrays.sort(z);
            tenthPercentile[run] = z[z.length / 10];
        }
        assertTrue(tenthPercentile[1] > 1.5 * tenthPercentile[0], "10th percentile of |pre-activation|: without noise "
                + tenthPercentile[0] + ", with noise " + tenthPercentile[1]);
    }

    @Test
    void specRoundTripsAndRefusesAVae() throws Exception {
        ModelSpec spec = design(3.0);
        String json = ModelSpecJson.mapper().writeValueAsString(spec);
        assertTrue(json.replaceAll("\\s", "").contains("\"binaryCode\":{\"noise\":3.0}"), json);
        assertEquals(spec, ModelSpecJson.mapper().readValue(json, ModelSpec.class));
        var problems = SpecValidator.validate(spec.with(new VariationalSpec(1.0)), Shape.vector(784), true);
        assertFalse(problems.isEmpty());
        assertTrue(problems.toString().contains("binary"), problems.toString());
        assertTrue(SpecValidator.validate(spec, Shape.vector(784), true).isEmpty());
    }
}
