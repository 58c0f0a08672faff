package org.aeworkbench.report.runs;

import java.util.List;
import org.aeworkbench.engine.model.ModelSpec;

/**
 * A training run as the Runs tab lists it, a project saves it and the runs CSV writes it: the
 * design with its settings and seed, the data and its preparation, the curves epoch by epoch,
 * how it ended, how long it took and on which BLAS.
 *
 * @param id        numbers the runs of a project, from 1, never reused
 * @param name      what the Runs tab calls it (the user may rename it)
 * @param spec      the design as trained, with its optimiser, training settings and seed
 * @param data      what it trained on
 * @param epochs    its completed epochs in order (at least one)
 * @param outcome   how it ended: "completed", "stopped", "diverged", "early stopped", "failed"
 * @param seconds   wall time from Train to the end
 * @param blas      the compute backend, e.g. "native BLAS (OpenBLAS via netlib JNI), 2 threads"
 * @param started   when it started, ISO local date and time to the second
 */
public record RunRecord(int id, String name, ModelSpec spec, RunData data, List<RunEpoch> epochs, String outcome,
                        double seconds, String blas, String started) {

    public RunRecord {
        epochs = List.copyOf(epochs);
        if (epochs.isEmpty()) {
            throw new IllegalArgumentException("run " + id + " has no completed epoch; a run is recorded once it has one");
        }
    }

    public long seed() {
        return spec.training().seed();
    }

    public RunEpoch last() {
        return epochs.get(epochs.size() - 1);
    }

    /** Whether the run went on from weights an earlier run trained (its first epoch is not epoch 1). */
    public boolean continued() {
        return epochs.get(0).x() > 1.5;
    }

    public RunRecord withName(String n) {
        return new RunRecord(id, n, spec, data, epochs, outcome, seconds, blas, started);
    }

    /** "Adam lr 0.001, batch 128, 10 epochs, seed 42". */
    public String settings() {
        var t = spec.training();
        var o = spec.optimizer();
        return String.format(java.util.Locale.ROOT, "%s lr %s, batch %d, %d epochs, seed %d",
                o.kind().name().charAt(0) + o.kind().name().substring(1).toLowerCase(java.util.Locale.ROOT),
                trim(o.learningRate()), t.batchSize(), t.epochs(), t.seed());
    }

    private static String trim(double v) {
        String s = String.valueOf(v);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }
}
