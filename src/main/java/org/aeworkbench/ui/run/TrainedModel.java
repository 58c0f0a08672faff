package org.aeworkbench.ui.run;

import org.aeworkbench.ui.dataset.PreparedData;

/**
 * A trained model as the views show it: its newest weights together with the data they were
 * trained on and the samples followed live, handed out as one value so that no view ever pairs
 * the weights of one model with the data of another.
 *
 * @param weights the newest weights (at an epoch's end or the run's end)
 * @param data    the data they were trained on
 * @param probe   the samples whose codes the scatters follow
 * @param epochs  epochs trained since the weights were drawn
 * @param lineage changes whenever the weights are drawn anew or replaced (a fresh run, Reset, new
 *                data, an opened project) and stays while runs continue them, so views keep what the
 *                user picked (a sample, a pair) across continued runs and forget it otherwise
 */
public record TrainedModel(ModelSnapshot weights, PreparedData data, ProbeSet probe, int epochs, int lineage) {
}
