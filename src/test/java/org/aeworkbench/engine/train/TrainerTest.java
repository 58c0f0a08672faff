package org.aeworkbench.engine.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.aeworkbench.data.Dataset;
import org.aeworkbench.engine.TestModels;
import org.aeworkbench.engine.blas.Backend;
import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.layer.Parameter;
import org.aeworkbench.engine.model.Autoencoder;
import org.aeworkbench.engine.model.ModelBuilder;
import org.aeworkbench.engine.model.ModelSpec;
import org.aeworkbench.engine.model.Presets;
import org.aeworkbench.engine.optim.OptimizerSpec;
import org.junit.jupiter.api.Test;

class TrainerTest {

    private static final Dataset DATA = TestModels.mnist(600);

    private static ModelSpec small() {
        return Presets.get("reference", DATA.sampleShape()).withTraining(
                Presets.get("reference", DATA.sampleShape()).training().withEpochs(2).withBatchSize(50));
    }

    private static List<Double> run(ModelSpec spec, int threads) {
        try (Compute c = Compute.create(Backend.AUTO, threads)) {
            Autoencoder model = ModelBuilder.build(spec, DATA.sampleShape());
            TrainingResult r = new Trainer(model, c).fit(DATA.values(), 500, java.util.Arrays.copyOfRange(DATA.values(),
                    500 * 784, 600 * 784), 100, new TrainingControl(), TrainingListener.NONE);
            List<Double> losses = new ArrayList<>();
            for (EpochSnapshot s : r.history()) {
                losses.add(s.train().total());
                losses.add(s.validation().total());
            }
            return losses;
        }
    }

    @Test
    void sameSeedAndThreadsGiveBitIdenticalLosses() {
        ModelSpec spec = small();
        List<Double> first = run(spec, 2);
        List<Double> second = run(spec, 2);
        assertEquals(first, second);
        assertNotEquals(first, run(spec.withTraining(spec.training().withSeed(7)), 2));
        assertTrue(first.get(2) < first.get(0), "the loss falls: " + first);
    }

    /**
     * A profiled run gives the same losses as an unprofiled one, counts every step, and its phases
     * (products timed inside the GEMM) add up to no more than the epoch.
     */
    @Test
    void aProfiledRunCountsEveryPhaseAndTrainsTheSame() {
        ModelSpec spec = small();
        float[] val = java.util.Arrays.copyOfRange(DATA.values(), 500 * 784, 600 * 784);
        try (Compute c = Compute.create(Backend.AUTO, 2, true)) {
            Trainer trainer = new Trainer(ModelBuilder.build(spec, DATA.sampleShape()), c);
            EpochProfile profile = new EpochProfile();
            trainer.profileInto(profile);
            TrainingResult r = trainer.fit(DATA.values(), 500, val, 100, new TrainingControl(), TrainingListener.NONE);
            assertEquals(2 * 10, profile.steps(), "two epochs of ten batches of 50");
            long[] nanos = profile.nanos();
            long sum = 0;
            for (int i = 0; i < EpochProfile.PHASES.length; i++) {
                assertTrue(nanos[i] >= 0, EpochProfile.PHASES[i]);
                sum += nanos[i];
            }
            assertTrue(nanos[0] > 0 && nanos[1] > 0 && nanos[2] > 0 && nanos[4] > 0, java.util.Arrays.toString(nanos));
            assertTrue(sum >= profile.totalNanos() && nanos[5] <= profile.totalNanos(), "other is what is left");
            List<Double> losses = new ArrayList<>();
            for (EpochSnapshot s : r.history()) {
                losses.add(s.train().total());
                losses.add(s.validation().total());
            }
            assertEquals(run(spec, 2), losses);
        }
    }

    @Test
    void aDivergingRunStopsAndKeepsTheLastGoodWeights() {
        ModelSpec spec = small().withOptimizer(OptimizerSpec.sgd(1e4, 0));
        try (Compute c = Compute.create(Backend.AUTO, 2)) {
            Autoencoder model = ModelBuilder.build(spec, DATA.sampleShape());
            float[][] initial = model.parameters().stream().map(p -> p.value().clone()).toArray(float[][]::new);
            TrainingResult r = new Trainer(model, c).fit(DATA.values(), 500, null, 0, new TrainingControl(),
                    TrainingListener.NONE);
            assertEquals(TrainingResult.Status.DIVERGED, r.status(), r.message());
            assertTrue(r.message().contains("lower learning rate"), r.message());
            // It diverged within the first epoch, so the last good weights are the initial ones.
            List<Parameter> params = model.parameters();
            for (int i = 0; i < params.size(); i++) {
                assertArrayEquals(initial[i], params.get(i).value(), params.get(i).name());
            }
        }
    }

    @Test
    void cancelFromAnotherThreadStopsBetweenSteps() throws Exception {
        ModelSpec spec = small().withTraining(small().training().withEpochs(50));
        TrainingControl control = new TrainingControl();
        AtomicInteger batches = new AtomicInteger();
        try (Compute c = Compute.create(Backend.AUTO, 1)) {
            Autoencoder model = ModelBuilder.build(spec, DATA.sampleShape());
            control.pause();
            Thread t = new Thread(() -> {
                TrainingResult r = new Trainer(model, c).fit(DATA.values(), 500, null, 0, control, new TrainingListener() {
                    @Override
                    public void onBatch(BatchSnapshot s) {
                        if (batches.incrementAndGet() == 3) {
                            control.cancel();
                        }
                    }
                });
                assertEquals(TrainingResult.Status.CANCELLED, r.status());
            });
            t.start();
            Thread.sleep(200);
            assertEquals(0, batches.get(), "paused before the first step");
            control.resume();
            t.join(30_000);
            assertEquals(3, batches.get());
            for (Parameter p : model.parameters()) {
                for (float v : p.value()) {
                    assertTrue(Float.isFinite(v));
                }
            }
        }
    }
}
