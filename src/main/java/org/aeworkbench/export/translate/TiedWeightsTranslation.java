package org.aeworkbench.export.translate;

import org.aeworkbench.export.design.ExportedDesign;

/** Tied weights: the dense decoder layers' translation ({@link DenseTranslation}) does the tying. */
final class TiedWeightsTranslation implements VariantTranslation {

    @Override
    public String torchSummary(ExportedDesign design) {
        return "Tied weights (Vincent et al. 2010): each dense decoder layer multiplies by the weight of the encoder layer"
                + " it mirrors and keeps only its own bias.";
    }
}
