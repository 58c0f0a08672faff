package org.aeworkbench.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.aeworkbench.data.Dataset;
import org.aeworkbench.engine.TestModels;
import org.aeworkbench.engine.blas.Backend;
import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.layer.Activation;
import org.aeworkbench.engine.layer.DenseLayer;
import org.aeworkbench.engine.loss.ReconstructionLoss;
import org.aeworkbench.engine.tensor.Shape;
import org.aeworkbench.engine.train.BatchSnapshot;
import org.aeworkbench.engine.train.EpochSnapshot;
import org.aeworkbench.engine.train.SpecTraining;
import org.aeworkbench.engine.train.TrainingControl;
import org.aeworkbench.engine.train.TrainingListener;
import org.aeworkbench.engine.train.TrainingResult;
import org.aeworkbench.engine.variant.rbm.RestrictedBoltzmannMachine;
import org.aeworkbench.engine.variant.rbm.RestrictedBoltzmannMachine.HiddenUnits;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** RBM pretraining as a phase of a run: its stages, its figures, the unrolled weights, its checks. */
class RbmPretrainingTest {

    private static final Compute COMPUTE = Compute.create(Backend.AUTO, 2);
    private static final Shape MNIST = new Shape(28, 28, 1);

    @AfterAll
    static void close() {
        COMPUTE.close();
    }

    /** 784-64-32-8 logistic with a linear code, 2 epochs per machine, 1 of fine-tuning. */
    private static ModelSpec small() {
        List<LayerSpec> encoder = List.of(new DenseSpec(64, Activation.SIGMOID), new DenseSpec(32, Activation.SIGMOID),
                new DenseSpec(8, Activation.IDENTITY));
        return ModelSpec.of("dbn", encoder, ModelSpec.mirrorDecoder(encoder, 784, Activation.SIGMOID), ReconstructionLoss.BCE)
                .with(new RbmPretrainingSpec(1, 0.1, 0.9, 2e-4, 2))
                .withTraining(TrainingSpec.defaults().withEpochs(1).withBatchSize(50).withSeed(3));
    }

    @Test
    void eachMachineIsAStageWithItsFiguresAndTheStackIsUnrolledBeforeFineTuning() {
        Dataset data = TestModels.mnist(700);
        float[] x = data.values();
        float[] train = java.util.Arrays.copyOfRange(x, 0, 600 * 784);
        float[] val = java.util.Arrays.copyOfRange(x, 600 * 784, 700 * 784);
        Autoencoder model = ModelBuilder.build(small(), MNIST);
        List<String> stages = new ArrayList<>();
        List<BatchSnapshot> batches = new ArrayList<>();
        List<float[]> atFineTune = new ArrayList<>();
        TrainingResult r = SpecTraining.run(model, COMPUTE, train, 600, val, 100, new TrainingControl(), new TrainingListener() {
            @Override
            public void onStage(int stage, String name) {
                stages.add(name);
                if (name.equals(SpecTraining.FINE_TUNE)) {
                    model.parameters().forEach(p -> atFineTune.add(p.value().clone()));
                }
            }

            @Override
            public void onBatch(BatchSnapshot s) {
                batches.add(s);
            }
        });
        assertEquals(TrainingResult.Status.COMPLETED, r.status(), r.message());
        assertEquals(List.of("rbm 1/3", "rbm 2/3", "rbm 3/3", "fine-tune"), stages);
        assertEquals(7, r.history().size());
        assertEquals(7, SpecTraining.totalEpochs(model.spec()));
        assertEquals(2, SpecTraining.epochsOfStage(model.spec(), "rbm 2/3"));
        assertTrue(batches.stream().anyMatch(b -> b.stageName().equals("rbm 1/3") && b.batch() == 12 && b.batchesPerEpoch() == 12),
                "each machine reports its minibatches");
        for (int i = 0; i < 6; i++) {
            EpochSnapshot s = r.history().get(i);
            assertTrue(s.train().metrics().containsKey(RbmPretraining.FREE_ENERGY_GAP), s.toString());
            assertTrue(s.validation().reconstruction() > 0, s.toString());
        }
        EpochSnapshot first = r.history().get(0);
        EpochSnapshot second = r.history().get(1);
        assertTrue(second.train().reconstruction() < first.train().reconstruction(), "the first machine learns");

        // Unrolled: encoder layer i holds W_i, its mirror holds W_i^T; reading the machines back gives them.
        List<RestrictedBoltzmannMachine> machines = new ArrayList<>();
        Autoencoder pretrained = ModelBuilder.build(small(), MNIST);
        for (int p = 0; p < atFineTune.size(); p++) {
            System.arraycopy(atFineTune.get(p), 0, pretrained.parameters().get(p).value(), 0, atFineTune.get(p).length);
        }
        machines.addAll(RbmPretraining.machines(pretrained, 3));
        assertEquals(HiddenUnits.BERNOULLI, machines.get(1).units());
        assertEquals(HiddenUnits.GAUSSIAN, machines.get(2).units(), "a linear code has Gaussian hidden units");
        for (int i = 0; i < 3; i++) {
            DenseLayer enc = (DenseLayer) pretrained.encoderLayers().get(i);
            DenseLayer dec = (DenseLayer) pretrained.decoderLayers().get(2 - i);
            int v = enc.weight().rows();
            int h = enc.weight().cols();
            for (int a = 0; a < v; a += 7) {
                for (int b = 0; b < h; b += 3) {
                    assertEquals(enc.weight().value()[a * h + b], dec.weight().value()[b * v + a], 0f, "W^T in the decoder");
                }
            }
            assertEquals(machines.get(i).visible(), v);
        }
        // The machine read back has the visible biases of the decoder layer and reconstructs as that layer does.
        float[] codes = new float[10 * 64];
        machines.get(0).hiddenMeans(COMPUTE, x, 10, codes);
        float[] viaMachine = new float[10 * 784];
        machines.get(0).visibleProbabilities(COMPUTE, codes, 10, viaMachine);
        float[] viaLayers = pretrained.layers().get(0).forward(x, 10, org.aeworkbench.engine.layer.Pass.inference(COMPUTE));
        for (int i = 0; i < 10 * 64; i++) {
            assertEquals(codes[i], viaLayers[i], 1e-6f);
        }
        float[] out = pretrained.decoderLayers().get(2).forward(codes, 10, org.aeworkbench.engine.layer.Pass.inference(COMPUTE));
        for (int i = 0; i < 10 * 784; i++) {
            assertEquals(viaMachine[i], out[i], 1e-6f);
        }
    }

    @Test
    void theDesignMustBeALogisticStackThatMirrorsItself() {
        ModelSpec spec = small();
        assertEquals(List.of(), SpecValidator.validate(spec, MNIST, true));
        ModelSpec relu = spec.withLayers(List.of(new DenseSpec(64, Activation.RELU), new DenseSpec(32, Activation.SIGMOID),
                new DenseSpec(8, Activation.IDENTITY)), spec.decoder());
        assertEquals("encoder[0].activation", SpecValidator.validate(relu, MNIST, true).get(0).field());
        ModelSpec both = spec.with(new StackedSpec(2));
        assertTrue(SpecValidator.validate(both, MNIST, true).stream().anyMatch(p -> p.field().equals("stacked")
                && p.message().contains("choose one pretraining")));
        ModelSpec shortDecoder = spec.withLayers(spec.encoder(), List.of(new DenseSpec(784, Activation.SIGMOID)));
        assertEquals("decoder", SpecValidator.validate(shortDecoder, MNIST, true).get(0).field());
        assertEquals(List.of(), SpecValidator.validate(Presets.get("hinton-2006-rbm", MNIST), MNIST, true));
    }

    /** The designer's choice turns the reference design (ReLU, linear code) into a valid logistic stack. */
    @Test
    void choosingItMakesTheStackLogistic() {
        ModelSpec chosen = RbmPretrainingSpec.TYPE.choices().get(0).apply().apply(Presets.get("reference", MNIST));
        assertEquals(List.of(new DenseSpec(512, Activation.SIGMOID), new DenseSpec(128, Activation.SIGMOID),
                new DenseSpec(2, Activation.IDENTITY)), chosen.encoder());
        assertEquals(new DenseSpec(784, Activation.SIGMOID), chosen.decoder().get(2));
        assertEquals(RbmPretrainingSpec.PAPER, chosen.variant(RbmPretrainingSpec.class));
        assertEquals(List.of(), SpecValidator.validate(chosen, MNIST, true));
    }

    @Test
    void theSameSeedRepeatsTheRunBitForBit() {
        float[] x = TestModels.mnist(300).values();
        double[][] losses = new double[2][];
        for (int run = 0; run < 2; run++) {
            TrainingResult r = SpecTraining.run(ModelBuilder.build(small(), MNIST), COMPUTE, x, 250,
                    java.util.Arrays.copyOfRange(x, 250 * 784, 300 * 784), 50, new TrainingControl(), TrainingListener.NONE);
            losses[run] = r.history().stream().flatMapToDouble(s -> java.util.stream.DoubleStream.of(s.train().total(),
                    s.validation().total(), s.train().metrics().getOrDefault(RbmPretraining.FREE_ENERGY_GAP, 0.0))).toArray();
        }
        assertTrue(java.util.Arrays.equals(losses[0], losses[1]));
    }
}
