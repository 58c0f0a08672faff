package org.aeworkbench.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.aeworkbench.engine.TestModels;
import org.aeworkbench.engine.blas.Backend;
import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.layer.Activation;
import org.aeworkbench.engine.layer.Pass;
import org.aeworkbench.engine.loss.ReconstructionLoss;
import org.aeworkbench.engine.model.Autoencoder;
import org.aeworkbench.engine.model.DenseSpec;
import org.aeworkbench.engine.model.LossTerms;
import org.aeworkbench.engine.model.MinibatchStep;
import org.aeworkbench.engine.model.ModelBuilder;
import org.aeworkbench.engine.model.ModelSpec;
import org.aeworkbench.engine.model.PhaseContext;
import org.aeworkbench.engine.model.TrainingPhase;
import org.aeworkbench.engine.model.TrainingSpec;
import org.aeworkbench.engine.model.VariantSpec;
import org.aeworkbench.engine.model.VariantType;
import org.aeworkbench.engine.tensor.Shape;
import org.junit.jupiter.api.Test;

/**
 * The two training extension points a variant has, exercised by variants defined here (and not
 * registered): a {@link MinibatchStep} whose figures reach the snapshots as metrics, and a
 * {@link TrainingPhase} that trains a stage of its own before fine-tuning.
 */
class ExtensionPointsTest {

    /** Counts the minibatches it sees and reports the mean of each batch as a metric; changes no weight. */
    record BatchMean() implements VariantSpec {
        static final VariantType<BatchMean> TYPE = new VariantType<>("batchMean", BatchMean.class, "Batch mean",
                Map.of(), List.of(), 0);

        @Override
        public VariantType<?> type() {
            return TYPE;
        }

        @Override
        public MinibatchStep minibatchStep(Autoencoder model) {
            return new MinibatchStep() {
                @Override
                public void step(float[] x, int[] labels, int samples, Pass pass, int epoch, int epochs, Map<String, Double> metrics) {
                    double sum = 0;
                    for (int i = 0; i < samples * model.inputShape().size(); i++) {
                        sum += x[i];
                    }
                    metrics.put("batch mean", sum / (samples * model.inputShape().size()));
                    metrics.put("one", 1.0);
                }

                @Override
                public void reset() {
                }
            };
        }
    }

    /** A phase of one stage, reported epoch by epoch, that sets every weight to zero. */
    record ZeroPhase() implements VariantSpec {
        static final VariantType<ZeroPhase> TYPE = new VariantType<>("zeroPhase", ZeroPhase.class, "Zero", Map.of(),
                List.of(), 0);

        @Override
        public VariantType<?> type() {
            return TYPE;
        }

        @Override
        public TrainingPhase trainingPhase(ModelSpec spec) {
            return new TrainingPhase() {
                @Override
                public int epochs() {
                    return 2;
                }

                @Override
                public int epochsOfStage(String stageName) {
                    return stageName.equals("zeroing") ? 2 : -1;
                }

                @Override
                public boolean run(PhaseContext context) {
                    PhaseContext.StageRun stage = context.beginStage("zeroing", 2);
                    for (int epoch = 0; epoch < 2; epoch++) {
                        if (!stage.proceed()) {
                            stage.end(false, "cancelled");
                            return false;
                        }
                        context.model().parameters().forEach(p -> java.util.Arrays.fill(p.value(), 0f));
                        stage.epochDone(epoch, LossTerms.of(epoch, Map.of()), null);
                    }
                    stage.end(true, "zeroed");
                    return true;
                }
            };
        }
    }

    private static ModelSpec design() {
        return ModelSpec.of("small", List.of(new DenseSpec(8, Activation.RELU)), List.of(new DenseSpec(784, Activation.SIGMOID)),
                ReconstructionLoss.BCE).withTraining(TrainingSpec.defaults().withEpochs(2).withBatchSize(50));
    }

    @Test
    void aMinibatchStepReportsMetricsAndLeavesTheLossesAsTheyWere() {
        float[] x = TestModels.mnist(200).values();
        List<BatchSnapshot> batches = new ArrayList<>();
        TrainingResult with;
        TrainingResult without;
        try (Compute compute = Compute.create(Backend.JAVA, 1)) {
            with = SpecTraining.run(ModelBuilder.build(design().with(new BatchMean()), Shape.vector(784)), compute, x, 200,
                    null, 0, new TrainingControl(), new TrainingListener() {
                        @Override
                        public void onBatch(BatchSnapshot s) {
                            batches.add(s);
                        }
                    });
            without = SpecTraining.run(ModelBuilder.build(design(), Shape.vector(784)), compute, x, 200, null, 0,
                    new TrainingControl(), TrainingListener.NONE);
        }
        for (int e = 0; e < 2; e++) {
            assertEquals(without.history().get(e).train().total(), with.history().get(e).train().total(), 0.0,
                    "a step that changes no weight leaves the run as it was");
            assertEquals(1.0, with.history().get(e).train().metrics().get("one"), 1e-12);
            assertEquals(Map.of(), without.history().get(e).train().metrics());
        }
        double mean = 0;
        for (float v : x) {
            mean += v;
        }
        mean /= x.length;
        // Every sample is in one batch per epoch, batches are equal: the epoch's metric is the data's mean.
        assertEquals(mean, with.history().get(0).train().metrics().get("batch mean"), 1e-9);
        assertTrue(batches.stream().allMatch(b -> b.loss().metrics().get("one") == 1.0));
        assertEquals(with.history().get(0).train().total(), with.history().get(0).train().reconstruction(), 0.0,
                "metrics are not added to the loss");
    }

    @Test
    void aPhaseTrainsItsOwnStageBeforeFineTuning() {
        float[] x = TestModels.mnist(100).values();
        List<String> stages = new ArrayList<>();
        Autoencoder model = ModelBuilder.build(design().with(new ZeroPhase()), Shape.vector(784));
        TrainingResult r;
        try (Compute compute = Compute.create(Backend.JAVA, 1)) {
            r = SpecTraining.run(model, compute, x, 100, null, 0, new TrainingControl(), new TrainingListener() {
                @Override
                public void onStage(int stage, String name) {
                    stages.add(stage + " " + name);
                }
            });
        }
        assertEquals(TrainingResult.Status.COMPLETED, r.status(), r.message());
        assertEquals(List.of("0 zeroing", "1 fine-tune"), stages);
        assertEquals(4, r.history().size());
        assertEquals("zeroing", r.history().get(1).stageName());
        assertEquals(1.0, r.history().get(1).train().total());
        assertEquals(4, SpecTraining.totalEpochs(model.spec()));
        assertEquals(2, SpecTraining.epochsOfStage(model.spec(), "zeroing"));

        TrainingControl cancelled = new TrainingControl();
        cancelled.cancel();
        TrainingResult stopped;
        try (Compute compute = Compute.create(Backend.JAVA, 1)) {
            stopped = SpecTraining.run(ModelBuilder.build(design().with(new ZeroPhase()), Shape.vector(784)), compute, x,
                    100, null, 0, cancelled, TrainingListener.NONE);
        }
        assertEquals(TrainingResult.Status.CANCELLED, stopped.status());
        assertEquals(0, stopped.history().size(), "no fine-tuning after a cancelled phase");
    }
}
