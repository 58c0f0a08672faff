package org.aeworkbench.ui.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.aeworkbench.engine.model.LossTerms;
import org.aeworkbench.engine.train.EpochSnapshot;
import org.aeworkbench.engine.train.SpecTraining;
import org.aeworkbench.report.runs.RunEpoch;
import org.aeworkbench.ui.run.TrainingUpdate.EpochPoint;
import org.junit.jupiter.api.Test;

/** Which epochs a run record keeps, and where on the Runs tab's axis it puts them. */
class RunRecordsTest {

    /** Epoch points of one stage, continuing the time axis from {@code x0}; losses 100 + the point's x. */
    private static List<EpochPoint> stage(int stage, String name, int epochs, double x0) {
        List<EpochPoint> points = new ArrayList<>();
        for (int e = 0; e < epochs; e++) {
            double x = x0 + e + 1;
            points.add(new EpochPoint(x, new EpochSnapshot(stage, name, e, epochs, LossTerms.of(100 + x, Map.of()),
                    LossTerms.of(200 + x, Map.of()), Double.NaN, 1, 1, null)));
        }
        return points;
    }

    @Test
    void aRunWithoutPretrainingKeepsEveryEpochWhereItWas() {
        List<RunEpoch> kept = RunRecords.epochs(stage(0, "train", 3, 0));
        assertEquals(List.of(1.0, 2.0, 3.0), kept.stream().map(RunEpoch::x).toList());
        assertEquals(101.0, kept.get(0).train(), 0.0);
    }

    /** RBM or stacked pretraining: only fine-tuning is kept, its first epoch at 1 beside a run from random weights. */
    @Test
    void aPretrainedRunKeepsItsFineTuningFromEpochOne() {
        List<EpochPoint> points = new ArrayList<>();
        points.addAll(stage(0, "rbm 1/2", 2, 0));
        points.addAll(stage(1, "rbm 2/2", 2, 2));
        points.addAll(stage(2, SpecTraining.FINE_TUNE, 3, 4));
        List<RunEpoch> kept = RunRecords.epochs(points);
        assertEquals(List.of(1.0, 2.0, 3.0), kept.stream().map(RunEpoch::x).toList());
        assertEquals(105.0, kept.get(0).train(), 0.0, "the first fine-tuning epoch's loss");
        assertEquals(205.0, kept.get(0).validation(), 0.0);
    }

    /** The whole history of several runs (the report reads it so): every pretraining epoch before a point is taken off. */
    @Test
    void pretrainingAnywhereBeforeIsTakenOffTheAxis() {
        List<EpochPoint> points = new ArrayList<>();
        points.addAll(stage(0, "pretrain layer 1/1", 2, 0));
        points.addAll(stage(1, SpecTraining.FINE_TUNE, 2, 2));
        points.addAll(stage(0, SpecTraining.FINE_TUNE, 2, 4));
        assertEquals(List.of(1.0, 2.0, 3.0, 4.0), RunRecords.epochs(points).stream().map(RunEpoch::x).toList());
    }
}
