package org.aeworkbench.export.translate;

import org.aeworkbench.engine.model.AdversarialSpec;
import org.aeworkbench.export.design.ExportedDesign;

/**
 * The adversarial autoencoder (Makhzani et al. 2015) adds nothing to the network at inference: its
 * discriminator and the prior exist only while training. ONNX holds inference alone, so a trained
 * adversarial autoencoder's encoder and decoder export exactly. The PyTorch package is refused:
 * its train.py has no discriminator, prior or generator step, so it would train a plain autoencoder
 * under the adversarial design's name.
 */
final class AdversarialTranslation implements VariantTranslation {

    @Override
    public String torchSummary(ExportedDesign design) {
        return "Adversarial: the workbench fits the codes to the " + design.spec().variant(AdversarialSpec.class).prior().id()
                + " prior with a discriminator; only the encoder and decoder are exported.";
    }

    @Override
    public String torchRefusal(ExportedDesign design) {
        return "train.py has no discriminator, prior or generator step, so it would train a plain autoencoder;"
                + " export onnx writes the trained encoder and decoder, which need none of them";
    }
}
