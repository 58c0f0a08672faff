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
}
