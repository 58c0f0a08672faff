package org.aeworkbench.engine.variant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.aeworkbench.engine.blas.Backend;
import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.layer.Activation;
import org.aeworkbench.engine.loss.ReconstructionLoss;
import org.aeworkbench.engine.model.Autoencoder;
import org.aeworkbench.engine.model.DenseSpec;
import org.aeworkbench.engine.model.LayerSpec;
import org.aeworkbench.engine.model.ModelBuilder;
import org.aeworkbench.engine.model.ModelSpec;
import org.aeworkbench.engine.model.NoiseSpec;
import org.aeworkbench.engine.model.SparsitySpec;
import org.aeworkbench.engine.model.StackedPretraining;
import org.aeworkbench.engine.model.StackedSpec;
import org.aeworkbench.engine.model.TrainingSpec;
import org.aeworkbench.engine.optim.OptimizerSpec;
import org.aeworkbench.engine.tensor.Shape;
import org.aeworkbench.engine.train.BatchSnapshot;
import org.aeworkbench.engine.train.EpochSnapshot;
import org.aeworkbench.engine.train.SpecTraining;
import org.aeworkbench.engine.train.TrainingControl;
import org.aeworkbench.engine.train.TrainingListener;
import org.aeworkbench.engine.train.TrainingResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class StackedPretrainingTest {

    private static final Compute COMPUTE = Compute.create(Backend.AUTO, 2);

    @AfterAll
    static void close() {
        COMPUTE.close();
    }

    private static ModelSpec design(int pretrainEpochs, int epochs) {
        List<LayerSpec> encoder = List.of(new DenseSpec(128, Activation.RELU), new DenseSpec(32, Activation.RELU),
                new DenseSpec(8, Activation.IDENTITY));
        return ModelSpec.of("stacked", encoder, ModelSpec.mirrorDecoder(encoder, 784, Activation.SIGMOID),
                        ReconstructionLoss.BCE).with(new StackedSpec(pretrainEpochs))
                .withOptimizer(OptimizerSpec.adam(2e-3))
                .withTraining(TrainingSpec.defaults().withEpochs(epochs).withBatchSize(32).withSeed(7));
    }

    @Test
    void eachShallowAutoencoderRebuildsTheCodesBelowThroughTheMirroredLayer() {
        ModelSpec full = design(2, 1).with(new SparsitySpec(SparsitySpec.Kind.L1, 0.1, 0, 1))
                .with(new NoiseSpec(NoiseSpec.Kind.MASKING, 0.2, true));
        Shape in = Shape.vector(784);
        ModelSpec first = StackedPretraining.shallowSpec(full, in, 0);
        assertEquals(List.of(new DenseSpec(128, Activation.RELU)), first.encoder());
        assertEquals(List.of(new DenseSpec(784, Activation.SIGMOID)), first.decoder());
        assertEquals(ReconstructionLoss.BCE, first.loss());
        assertEquals(full.variant(NoiseSpec.class), first.variant(NoiseSpec.class));
        assertEquals(null, first.variant(SparsitySpec.class));
        assertEquals(2, first.training().epochs());

        ModelSpec second = StackedPretraining.shallowSpec(full, in, 1);
        assertEquals(List.of(new DenseSpec(32, Activation.RELU)), second.encoder());
        assertEquals(List.of(new DenseSpec(128, Activation.RELU)), second.decoder());
        assertEquals(ReconstructionLoss.MSE, second.loss());
        assertEquals(new SparsitySpec(SparsitySpec.Kind.L1, 0.1, 0, -1), second.variant(SparsitySpec.class));
        assertEquals(new NoiseSpec(NoiseSpec.Kind.MASKING, 0.2, false), second.variant(NoiseSpec.class), "codes are not clipped");

        ModelSpec third = StackedPretraining.shallowSpec(full, in, 2);
        assertEquals(List.of(new DenseSpec(8, Activation.IDENTITY)), third.encoder());
        assertEquals(List.of(new DenseSpec(32, Activation.RELU)), third.decoder());
    }

    /**
     * 784-128-32-8 (ReLU, linear code) on 500 digits: each layer pretrained 3 epochs, then 6 epochs of fine-tuning.
     * The listener sees the four stages by name in order; the pretrained stack is already far better than the
     * untrained model; fine-tuning lowers the validation loss below the pretrained stack's.
     */
    @Test
    void fineTuningLowersTheLossBelowThePretrainedStacks() {
        float[] train = SmallData.mnist(0, 500);
        float[] val = SmallData.mnist(9500, 100);
        Autoencoder model = ModelBuilder.build(design(3, 6), Shape.vector(784));
        double untrained = model.evaluate(COMPUTE, val, 100).loss().total();
        List<String> stages = new ArrayList<>();
        List<Integer> indices = new ArrayList<>();
        List<String> batchStages = new ArrayList<>();
        TrainingListener listener = new TrainingListener() {
            @Override
            public void onStage(int stage, String name) {
                stages.add(name);
                indices.add(stage);
            }

            @Override
            public void onBatch(BatchSnapshot s) {
                if (!batchStages.contains(s.stageName())) {
                    batchStages.add(s.stageName());
                }
            }

            @Override
            public void onEpoch(EpochSnapshot s) {
                assertEquals(stages.get(stages.size() - 1), s.stageName());
            }
        };
        double[] pretrained = {Double.NaN};
        TrainingListener measuring = new TrainingListener() {
            @Override
            public void onStage(int stage, String name) {
                listener.onStage(stage, name);
                if (name.equals(SpecTraining.FINE_TUNE)) {
                    // Called before the first fine-tuning step: the model holds the pretrained stack.
                    pretrained[0] = model.evaluate(COMPUTE, val, 100).loss().total();
                }
            }

            @Override
            public void onBatch(BatchSnapshot s) {
                listener.onBatch(s);
            }

            @Override
            public void onEpoch(EpochSnapshot s) {
                listener.onEpoch(s);
            }
        };
        TrainingResult result = SpecTraining.run(model, COMPUTE, train, 500, val, 100, new TrainingControl(), measuring);
        assertEquals(TrainingResult.Status.COMPLETED, result.status(), result.message());
        List<String> expected = List.of("pretrain layer 1/3", "pretrain layer 2/3", "pretrain layer 3/3", "fine-tune");
        assertEquals(expected, stages);
        assertEquals(expected, batchStages);
        assertEquals(List.of(0, 1, 2, 3), indices);
        assertEquals(3 * 3 + 6, result.history().size(), "every stage's epochs, in order");
        assertEquals(3 * 3 + 6, SpecTraining.totalEpochs(model));
        assertEquals(3, SpecTraining.epochsOfStage(model.spec(), "pretrain layer 2/3"));
        assertEquals(6, SpecTraining.epochsOfStage(model.spec(), SpecTraining.FINE_TUNE));
        double fineTuned = result.last().validation().total();
        System.out.printf("stacked: validation loss untrained %.1f, pretrained stack %.1f, fine-tuned %.1f%n",
                untrained, pretrained[0], fineTuned);
        assertTrue(pretrained[0] < untrained, "pretraining helps: " + pretrained[0] + " vs " + untrained);
        assertTrue(fineTuned < pretrained[0], "fine-tuning lowers the loss: " + fineTuned + " vs " + pretrained[0]);
    }

    @Test
    void aCancelledPretrainingStopsBeforeFineTuning() {
        TrainingControl control = new TrainingControl();
        control.cancel();
        Autoencoder model = ModelBuilder.build(design(1, 1), Shape.vector(784));
        List<String> stages = new ArrayList<>();
        TrainingResult result = SpecTraining.run(model, COMPUTE, SmallData.mnist(0, 50), 50, null, 0, control,
                new TrainingListener() {
                    @Override
                    public void onStage(int stage, String name) {
                        stages.add(name);
                    }
                });
        assertEquals(TrainingResult.Status.CANCELLED, result.status());
        assertEquals(List.of("pretrain layer 1/3"), stages, "no fine-tuning after a cancelled stage");
    }
}
