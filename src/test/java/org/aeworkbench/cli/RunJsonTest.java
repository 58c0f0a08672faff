package org.aeworkbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.aeworkbench.engine.blas.Backend;
import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.model.LossTerms;
import org.aeworkbench.engine.train.EpochSnapshot;
import org.aeworkbench.engine.train.TrainingResult;
import org.junit.jupiter.api.Test;

/** A variant's metrics (from its minibatch step) reach the epoch line and the run's JSON; without them nothing changes. */
class RunJsonTest {

    private static EpochSnapshot epoch(LossTerms train) {
        return new EpochSnapshot(0, "train", 0, 1, train, null, Double.NaN, 1.0, 100, null);
    }

    @Test
    void metricsArePrintedBesideTheLossButNotInIt() {
        LossTerms t = LossTerms.of(2.0, Map.of()).withMetrics(Map.of("discriminator", 0.6931, "discriminator accuracy", 0.5));
        String line = RunJson.epochLine(epoch(t));
        assertTrue(line.startsWith("epoch 1/1  train 2.0000  discriminator 0.6931  discriminator accuracy 0.5000"), line);
        try (Compute c = Compute.create(Backend.JAVA, 1)) {
            var json = RunJson.summary(new TrainingResult(TrainingResult.Status.COMPLETED, "", List.of(epoch(t)), 1, 1), c);
            assertEquals(0.5, json.path("train_metrics").path("discriminator accuracy").get(0).asDouble());
            var plain = RunJson.summary(new TrainingResult(TrainingResult.Status.COMPLETED, "",
                    List.of(epoch(LossTerms.of(2.0, Map.of()))), 1, 1), c);
            assertFalse(plain.has("train_metrics"));
        }
        assertFalse(RunJson.epochLine(epoch(LossTerms.of(2.0, Map.of()))).contains("discriminator"));
    }
}
