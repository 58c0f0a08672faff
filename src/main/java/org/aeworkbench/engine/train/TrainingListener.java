package org.aeworkbench.engine.train;

/** Receives progress on the training thread; implementations must return quickly. */
public interface TrainingListener {

    TrainingListener NONE = new TrainingListener() {
    };

    default void onStage(int stage, String name) {
    }

    default void onBatch(BatchSnapshot snapshot) {
    }

    default void onEpoch(EpochSnapshot snapshot) {
    }

    /**
     * Training goes on but is going wrong in a way the user should hear about (see
     * {@link org.aeworkbench.engine.model.MinibatchStep#warning()}): the sentence says what and
     * what to change. Sent once per new sentence.
     */
    default void onWarning(int stage, String stageName, String message) {
    }
}
