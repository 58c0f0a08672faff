package org.aeworkbench.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.aeworkbench.engine.blas.Backend;
import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.model.ModelBuilder;
import org.aeworkbench.engine.model.ModelSpec;
import org.aeworkbench.engine.model.Presets;
import org.aeworkbench.engine.tensor.Shape;
import org.junit.jupiter.api.Test;

class JitWarmupTest {

    @Test
    void itTrainsItsStandInsUntilClosedAndThenStops() throws Exception {
        JitWarmup warmup = JitWarmup.start();
        long until = System.nanoTime() + 30_000_000_000L;
        while (warmup.steps() == 0 && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        warmup.close();
        long steps = warmup.steps();
        assertTrue(steps > 0, "the stand-ins took no step in 30 s");
        Thread.sleep(200);
        assertEquals(steps, warmup.steps(), "steps after close");
        assertTrue(Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().equals("jit-warmup") && t.isAlive()),
                "its thread has ended");
    }

    @Test
    void aRunTrainsTheSameWithOrWithoutAWarmUpBeforeIt() {
        double[] before = losses();
        try (JitWarmup warmup = JitWarmup.start()) {
            long until = System.nanoTime() + 30_000_000_000L;
            while (warmup.steps() < 50 && System.nanoTime() < until) {
                Thread.onSpinWait();
            }
        }
        assertEquals(java.util.Arrays.toString(before), java.util.Arrays.toString(losses()));
    }

    private static double[] losses() {
        Shape shape = Shape.vector(32);
        ModelSpec spec = Presets.get("reference", shape);
        spec = spec.withTraining(spec.training().withEpochs(2).withBatchSize(16));
        float[] x = new float[200 * 32];
        SplittableRandom r = new SplittableRandom(5);
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextDouble();
        }
        try (Compute c = Compute.create(Backend.AUTO, 1)) {
            TrainingResult result = new Trainer(ModelBuilder.build(spec, shape), c).fit(x, 160,
                    java.util.Arrays.copyOfRange(x, 160 * 32, x.length), 40, new TrainingControl(), TrainingListener.NONE);
            return result.history().stream().mapToDouble(e -> e.train().reconstruction()).toArray();
        }
    }
}
