package org.aeworkbench.export.translate;

import java.util.List;
import org.aeworkbench.engine.model.SparsitySpec;
import org.aeworkbench.export.design.ExportedDesign;

/** Sparse autoencoders: an L1 or KL penalty on one encoder layer's activations. */
final class SparsityTranslation implements VariantTranslation {

    @Override
    public String torchSummary(ExportedDesign design) {
        SparsitySpec s = design.sparsity();
        String where = design.sparsityLayer() == design.encoder().size() - 1 ? "the code"
                : "encoder layer " + design.sparsityLayer();
        return s.kind() == SparsitySpec.Kind.KL
                ? "Sparse (Ng, CS294A): adds " + PythonCode.number(s.weight()) + " * sum_j KL(rho || rho_hat_j) on " + where
                        + ", rho = " + PythonCode.number(s.rho()) + "."
                : "Sparse (L1): adds " + PythonCode.number(s.weight()) + " * sum_j |h_j| on " + where + ".";
    }

    @Override
    public List<String> torchBlocks() {
        return List.of("sparsity");
    }

    @Override
    public void torchAfterEncoderLayer(ExportedDesign design, int index, PythonCode code) {
        if (index != design.sparsityLayer()) {
            return;
        }
        SparsitySpec s = design.sparsity();
        String call = s.kind() == SparsitySpec.Kind.KL
                ? "kl_sparsity(h, " + PythonCode.number(s.weight()) + ", " + PythonCode.number(s.rho()) + ")"
                : "l1_sparsity(h, " + PythonCode.number(s.weight()) + ")";
        code.line("if with_terms:").indent().line("terms[\"sparsity\"] = " + call).dedent();
    }
}
