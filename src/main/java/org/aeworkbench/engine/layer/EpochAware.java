package org.aeworkbench.engine.layer;

/**
 * A stage whose training behaviour depends on the epoch: the k-sparse schedule, the VAE's KL
 * warm-up. The model tells each one which epoch starts.
 */
public interface EpochAware {

    void onEpochStart(int epoch);
}
