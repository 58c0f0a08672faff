package org.aeworkbench.ui.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.aeworkbench.engine.model.LossTerms;
import org.aeworkbench.engine.model.ModelSpec;
import org.aeworkbench.engine.model.Presets;
import org.aeworkbench.engine.model.StackedSpec;
import org.aeworkbench.engine.tensor.Shape;
import org.aeworkbench.engine.train.BatchSnapshot;
import org.aeworkbench.engine.train.EpochSnapshot;
import org.junit.jupiter.api.Test;

/** Epochs are numbered as the loss charts' axis numbers them, with the run's own count beside. */
class StatusTextTest {

    private static final ModelSpec SPEC = Presets.get("reference", Shape.image(28, 28, 1));

    private static BatchSnapshot batch(String stage, int epoch) {
        return new BatchSnapshot(0, stage, epoch, 5, 71, 320, LossTerms.of(0.5, Map.of()), 1000, null);
    }

    private static EpochSnapshot epoch(int epoch, int epochs) {
        return new EpochSnapshot(0, "train", epoch, epochs, LossTerms.of(0.5, Map.of()), LossTerms.of(0.6, Map.of()),
                12.5, 3, 1000, null);
    }

    @Test
    void aFirstRunCountsItsOwnEpochs() {
        assertEquals("epoch 7/10 \u00b7 batch 5/71", StatusText.progress(batch("train", 6), SPEC.withTraining(
                SPEC.training().withEpochs(10)), 0));
        assertTrue(StatusText.epochSummary(7, epoch(6, 10)).startsWith("Epoch 7/10   train loss 0.5000"));
    }

    @Test
    void aContinuedRunSaysTheEpochTheChartShowsAndItsOwnCount() {
        ModelSpec ten = SPEC.withTraining(SPEC.training().withEpochs(10));
        assertEquals("epoch 17 (7/10 of this run) \u00b7 batch 5/71", StatusText.progress(batch("train", 6), ten, 10));
        assertTrue(StatusText.epochSummary(17, epoch(6, 10)).startsWith("Epoch 17 (7/10 of this run)   train loss"),
                StatusText.epochSummary(17, epoch(6, 10)));
    }

    @Test
    void stackedStagesCountTheirOwnEpochs() {
        ModelSpec stacked = SPEC.with(new StackedSpec(2)).withTraining(SPEC.training().withEpochs(10));
        assertEquals("pretrain layer 1/3 \u00b7 epoch 2/2 \u00b7 batch 5/71",
                StatusText.progress(batch("pretrain layer 1/3", 1), stacked, 0));
        assertEquals("fine-tune \u00b7 epoch 3/10 \u00b7 batch 5/71", StatusText.progress(batch("fine-tune", 2), stacked, 6));
    }

    @Test
    void aResetSaysTheNextRunStartsAtEpochOne() {
        assertEquals("Reset: the next run starts at epoch 1 from new weights (seed " + SPEC.training().seed() + ")",
                StatusText.reset(SPEC));
        assertEquals("Training reference, continuing after epoch 4", StatusText.started(SPEC, false, 4));
    }

    @Test
    void aStopIsSaidShortlyAndNumberedAsTheCharts() {
        var stopped = new org.aeworkbench.engine.train.TrainingResult(org.aeworkbench.engine.train.TrainingResult.Status.CANCELLED,
                "Stopped by the user at epoch 8; the model keeps its weights from the last completed step.", java.util.List.of(), 1, 1);
        assertEquals("Stopped in epoch 18; the weights of the last completed step are kept", StatusText.finished(stopped, 17));
        var done = new org.aeworkbench.engine.train.TrainingResult(org.aeworkbench.engine.train.TrainingResult.Status.COMPLETED,
                "Trained 10 epochs.", java.util.List.of(), 1, 1);
        assertEquals("Trained 10 epochs.", StatusText.finished(done, 17));
    }
}
