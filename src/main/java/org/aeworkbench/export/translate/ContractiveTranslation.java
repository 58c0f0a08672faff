package org.aeworkbench.export.translate;

import java.util.List;
import java.util.stream.Collectors;
import org.aeworkbench.export.design.ExportedDesign;
import org.aeworkbench.export.design.LayerSite;

/** The contractive penalty (Rifai et al. 2011) on the dense encoder's Jacobian. */
final class ContractiveTranslation implements VariantTranslation {

    @Override
    public String torchSummary(ExportedDesign design) {
        return "Contractive (Rifai et al. 2011): adds " + PythonCode.number(design.contractive().weight())
                + " * ||J_f(x)||_F^2 of the encoder" + (design.encoder().size() == 1 ? " (exact)"
                : " (Hutchinson's estimator, one Rademacher probe per sample)") + ".";
    }

    @Override
    public List<String> torchBlocks() {
        return List.of("contractive");
    }

    @Override
    public void torchBeforeEncoder(ExportedDesign design, PythonCode code) {
        code.line("encoder_input = h");
    }

    @Override
    public void torchAfterEncoderLayer(ExportedDesign design, int index, PythonCode code) {
        if (index != design.encoder().size() - 1) {
            return;
        }
        String layers = design.encoder().stream().map(s -> "self.encoder[" + s.index() + "]")
                .collect(Collectors.joining(", "));
        code.line("if with_terms:").indent()
                .line("terms[\"contractive\"] = contractive_penalty([" + layers + "], encoder_input, "
                        + PythonCode.number(design.contractive().weight()) + ")")
                .dedent();
    }

    /** Only dense encoders: the penalty differentiates their closed form. */
    static boolean denseEncoder(ExportedDesign design) {
        return design.encoder().stream().map(LayerSite::spec).allMatch(s -> s instanceof org.aeworkbench.engine.model.DenseSpec);
    }
}
