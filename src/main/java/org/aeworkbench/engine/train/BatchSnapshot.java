package org.aeworkbench.engine.train;

import org.aeworkbench.engine.model.LossTerms;

/**
 * Progress within an epoch, handed to listeners on the training thread. Immutable: the UI may
 * keep it and draw from it later without locking the trainer.
 *
 * @param stage            0-based stage (stacked pretraining has several; plain training one)
 * @param stageName        e.g. "train", "pretrain layer 1/3", "fine-tune"
 * @param epoch            0-based epoch within the stage
 * @param batch            batches done in this epoch
 * @param batchesPerEpoch  batches in a full epoch
 * @param samplesSeen      training samples processed in this stage so far
 * @param loss             mean loss terms over the batches since the previous snapshot
 * @param samplesPerSecond training throughput in this stage so far
 * @param probeCodes       codes of the probe samples (n x code size), or null when none was due
 */
public record BatchSnapshot(int stage, String stageName, int epoch, int batch, int batchesPerEpoch,
                            long samplesSeen, LossTerms loss, double samplesPerSecond, float[] probeCodes) {
}
