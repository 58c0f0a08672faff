package org.aeworkbench.engine.variant.adversarial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.aeworkbench.data.Dataset;
import org.aeworkbench.engine.TestModels;
import org.aeworkbench.engine.blas.Backend;
import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.core.SpecException;
import org.aeworkbench.engine.layer.Activation;
import org.aeworkbench.engine.loss.ReconstructionLoss;
import org.aeworkbench.engine.model.AdversarialSpec;
import org.aeworkbench.engine.model.DenseSpec;
import org.aeworkbench.engine.model.LayerSpec;
import org.aeworkbench.engine.model.ModelBuilder;
import org.aeworkbench.engine.model.ModelSpec;
import org.aeworkbench.engine.model.TrainingSpec;
import org.aeworkbench.engine.tensor.Shape;
import org.aeworkbench.engine.train.EpochSnapshot;
import org.aeworkbench.engine.train.SpecTraining;
import org.aeworkbench.engine.train.TrainingControl;
import org.aeworkbench.engine.train.TrainingListener;
import org.aeworkbench.engine.train.TrainingResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The adversarial autoencoder as the trainer runs it: labels, repeatability, the warnings. */
class AdversarialTrainingTest {

    private static final Compute COMPUTE = Compute.create(Backend.AUTO, 2);
    private static final Shape MNIST = new Shape(28, 28, 1);

    @AfterAll
    static void close() {
        COMPUTE.close();
    }

    /** 784-64-2 ReLU with a linear code, mirrored, BCE, a 32-32 discriminator. */
    static ModelSpec small(CodePrior prior, double discriminatorRate, double generatorRate) {
        List<LayerSpec> encoder = List.of(new DenseSpec(64, Activation.RELU), new DenseSpec(2, Activation.IDENTITY));
        return ModelSpec.of("aae", encoder, ModelSpec.mirrorDecoder(encoder, 784, Activation.SIGMOID), ReconstructionLoss.BCE)
                .with(new AdversarialSpec(prior, 10, HiddenWidths.of(32, 32), discriminatorRate, generatorRate))
                .withTraining(TrainingSpec.defaults().withEpochs(1).withBatchSize(32).withSeed(5));
    }

    @Test
    void theSupervisedPriorRefusesToTrainWithoutLabels() {
        float[] x = TestModels.mnist(64).values();
        SpecException e = assertThrows(SpecException.class, () -> SpecTraining.run(ModelBuilder.build(
                small(CodePrior.SUPERVISED_MIXTURE, 1e-3, 1e-3), MNIST), COMPUTE, x, 64, null, 0, new TrainingControl(),
                TrainingListener.NONE));
        assertEquals("adversarial", e.field());
        assertTrue(e.getMessage().contains("needs class labels"), e.getMessage());
    }

    @Test
    void theSameSeedRepeatsEveryLossAndFigureBitForBit() {
        Dataset data = TestModels.mnist(400);
        float[] train = Arrays.copyOfRange(data.values(), 0, 300 * 784);
        float[] val = Arrays.copyOfRange(data.values(), 300 * 784, 400 * 784);
        int[] labels = Arrays.copyOf(data.labels(), 300);
        for (CodePrior prior : List.of(CodePrior.GAUSSIAN, CodePrior.SUPERVISED_MIXTURE)) {
            List<List<Double>> runs = new ArrayList<>();
            for (int run = 0; run < 2; run++) {
                TrainingResult r = SpecTraining.run(ModelBuilder.build(small(prior, 1e-3, 1e-3).withTraining(
                        TrainingSpec.defaults().withEpochs(2).withBatchSize(32).withSeed(5)), MNIST), COMPUTE, train, 300,
                        labels, val, 100, new TrainingControl(), TrainingListener.NONE);
                List<Double> figures = new ArrayList<>();
                for (EpochSnapshot s : r.history()) {
                    figures.add(s.train().total());
                    figures.add(s.validation().total());
                    figures.addAll(s.train().metrics().values());
                }
                runs.add(figures);
            }
            assertEquals(2 * 6, runs.get(0).size());
            assertEquals(runs.get(0), runs.get(1), prior.id());
        }
    }

    /**
     * A discriminator that learns fast against an encoder that barely moves wins outright: after
     * {@value AdversarialHealth#WINNING_STEPS} such steps the listener hears it once, with what to change.
     */
    @Test
    void aDiscriminatorThatWinsOutrightIsReported() {
        Dataset data = TestModels.mnist(480);
        List<String> warnings = new ArrayList<>();
        ModelSpec spec = small(CodePrior.SUPERVISED_MIXTURE, 1e-2, 1e-9).withTraining(TrainingSpec.defaults().withEpochs(20)
                .withBatchSize(16).withSeed(5));
        TrainingResult r = SpecTraining.run(ModelBuilder.build(spec, MNIST), COMPUTE, data.values(), 480, data.labels(), null,
                0, new TrainingControl(),
                new TrainingListener() {
                    @Override
                    public void onWarning(int stage, String stageName, String message) {
                        warnings.add(message);
                    }
                });
        assertEquals(TrainingResult.Status.COMPLETED, r.status());
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith("The discriminator is winning outright") && warnings.get(0).contains(
                "Lower the discriminator's learning rate (now 0.0100)"), warnings.get(0));
    }
}
