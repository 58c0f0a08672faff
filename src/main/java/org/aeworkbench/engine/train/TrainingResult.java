package org.aeworkbench.engine.train;

import java.util.List;

/**
 * How a training run ended.
 *
 * @param status           why it stopped
 * @param message          a sentence for the user (what happened, what to try)
 * @param history          one snapshot per completed epoch
 * @param seconds          wall time
 * @param samplesPerSecond training samples per second of step time
 */
public record TrainingResult(Status status, String message, List<EpochSnapshot> history, double seconds,
                             double samplesPerSecond) {

    public enum Status {
        COMPLETED, CANCELLED, DIVERGED, EARLY_STOPPED
    }

    public TrainingResult {
        history = List.copyOf(history);
    }

    public EpochSnapshot last() {
        return history.isEmpty() ? null : history.get(history.size() - 1);
    }
}
