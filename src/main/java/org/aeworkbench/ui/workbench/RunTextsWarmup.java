package org.aeworkbench.ui.workbench;

import java.util.List;
import java.util.Map;
import org.aeworkbench.engine.model.LossTerms;
import org.aeworkbench.engine.model.ModelSpec;
import org.aeworkbench.engine.train.BatchSnapshot;
import org.aeworkbench.engine.train.EpochSnapshot;
import org.aeworkbench.engine.train.TrainingResult;
import org.aeworkbench.ui.run.StatusText;

/**
 * Says each of a run's status texts once, off the FX thread, before a window's first run. Java links
 * a string concatenation's call site, and spins the method handles behind it, the first time the
 * site runs. In a JVM's first run that was on the FX thread: at the Train press (ten method-handle
 * classes within 5 ms in a class-load log) and at the first live update; the epoch's summary and
 * the end's texts first ran later in that run. Linked here, they are linked for the FX thread too:
 * in 12 alternated first runs the Train press's action took it 2.3-5.2 ms (median 3.6) against
 * 4.1-7.0 ms (median 5.2) without, less in 11 of the 12 pairs (docs/performance.md, round
 * twenty-three). The texts are thrown away.
 */
final class RunTextsWarmup {

    private RunTextsWarmup() {
    }

    /** Any thread. Returns the texts it said (tests). */
    static List<String> run() {
        ModelSpec spec = WorkbenchModel.defaultDesign();
        LossTerms loss = new LossTerms(0.05, 0.05, Map.of(), Map.of());
        BatchSnapshot batch = new BatchSnapshot(0, "train", 0, 5, 71, 1280, loss, 20_000, null);
        EpochSnapshot epoch = new EpochSnapshot(0, "train", 0, 2, loss, loss, 0.04, 2.5, 20_000, null);
        return List.of(
                StatusText.started(spec, true, 0),
                StatusText.started(spec, false, 2),
                StatusText.progress(batch, spec, 0),
                StatusText.progress(batch, spec, 2),
                StatusText.eta(batch, 256, 1.5),
                StatusText.epochSummary(1, epoch),
                StatusText.epochSummary(3, epoch),
                StatusText.finished(new TrainingResult(TrainingResult.Status.COMPLETED, "Finished 2 epochs", List.of(), 5, 20_000), 2),
                StatusText.finished(new TrainingResult(TrainingResult.Status.CANCELLED, "", List.of(), 5, 20_000), 1),
                StatusText.paused(),
                StatusText.resumed(spec));
    }
}
