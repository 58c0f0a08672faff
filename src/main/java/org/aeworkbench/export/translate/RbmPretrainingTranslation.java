package org.aeworkbench.export.translate;

import org.aeworkbench.engine.model.RbmPretrainingSpec;
import org.aeworkbench.export.design.ExportedDesign;

/**
 * RBM pretraining (Hinton and Salakhutdinov 2006) is a way of starting the weights, not a part of
 * the network: the unrolled stack is an ordinary autoencoder, which the exported code fine-tunes by
 * backpropagation as the workbench does after pretraining. A trained model exports its pretrained
 * and fine-tuned weights, so nothing is lost there; a spec exported untrained starts train.py from
 * the initialisation without the restricted Boltzmann machines, which its docstring says.
 */
final class RbmPretrainingTranslation implements VariantTranslation {

    @Override
    public String torchSummary(ExportedDesign design) {
        RbmPretrainingSpec rbm = design.spec().variant(RbmPretrainingSpec.class);
        return "RBM pretraining: the workbench first trains each layer pair as a restricted Boltzmann machine (CD-"
                + rbm.cdSteps() + ", " + rbm.epochsPerLayer() + " epochs each) and unrolls the stack; train.py"
                + " fine-tunes only (export a model trained in the workbench to keep its pretraining).";
    }
}
