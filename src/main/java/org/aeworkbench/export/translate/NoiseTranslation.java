package org.aeworkbench.export.translate;

import java.util.List;
import org.aeworkbench.export.design.ExportedDesign;

/** Denoising (Vincent et al. 2008): training inputs are corrupted, the target stays clean. */
final class NoiseTranslation implements VariantTranslation {

    @Override
    public String torchSummary(ExportedDesign design) {
        var n = design.noise();
        return "Denoising (Vincent et al. 2008): training inputs get " + n.kind().id() + " noise at level "
                + PythonCode.number(n.level()) + (n.clip() ? ", clipped to [0, 1]" : "") + "; the target stays clean.";
    }

    @Override
    public List<String> torchBlocks() {
        return List.of("noise");
    }

    @Override
    public void torchBeforeEncoder(ExportedDesign design, PythonCode code) {
        var n = design.noise();
        code.line("if stochastic:").indent()
                .line("h = corrupt(h, " + PythonCode.string(n.kind().id()) + ", " + PythonCode.number(n.level()) + ", "
                        + (n.clip() ? "True" : "False") + ", INPUT_SHAPE)")
                .dedent();
    }
}
