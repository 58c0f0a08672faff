package org.aeworkbench.export.translate;

import org.aeworkbench.export.design.ExportedDesign;

/**
 * Greedy layer-wise pretraining is a way of training, not a part of the network: the exported code
 * fine-tunes the whole stack, which is what follows pretraining in the workbench. A trained model
 * exports its pretrained and fine-tuned weights, so nothing is lost there; a spec exported untrained
 * starts train.py from the initialisation without pretraining, which its docstring says.
 */
final class StackedTranslation implements VariantTranslation {

    @Override
    public String torchSummary(ExportedDesign design) {
        return "Stacked: the workbench pretrains each encoder layer for " + design.stacked().pretrainEpochs()
                + " epochs before fine-tuning; train.py fine-tunes only (export a model trained in the workbench to"
                + " keep its pretraining).";
    }
}
