package org.aeworkbench.export.translate;

import java.util.List;
import org.aeworkbench.export.design.ExportedDesign;

/**
 * The k-sparse code (Makhzani and Frey 2013): per sample the k largest code values are kept and
 * the rest set to zero. ONNX's {@code TopK} breaks ties by the lower index, as the workbench does,
 * and its indices scatter the kept values into zeros.
 */
final class KSparseTranslation implements VariantTranslation {

    @Override
    public String torchSummary(ExportedDesign design) {
        var k = design.kSparse();
        return "k-sparse (Makhzani and Frey 2013): only the " + k.k() + " largest code values are kept"
                + (k.scheduleEpochs() > 0 ? "; in training k falls from the code width to " + k.k() + " over "
                + k.scheduleEpochs() + " epochs" : "") + ".";
    }

    @Override
    public List<String> torchBlocks() {
        return List.of("k_sparse");
    }

    @Override
    public void torchAfterEncoderLayer(ExportedDesign design, int index, PythonCode code) {
        if (index == design.encoder().size() - 1) {
            code.line("h = keep_k_largest(h, self.k(stochastic))");
        }
    }

    @Override
    public void torchMembers(ExportedDesign design, PythonCode code) {
        var k = design.kSparse();
        code.line("def k(self, stochastic):").indent()
                .line("\"\"\"Code values kept: the scheduled k in training, " + k.k() + " at inference.\"\"\"")
                .line("if not stochastic:").indent().line("return " + k.k()).dedent()
                .line("return scheduled_k(" + k.k() + ", " + design.codeShape().size() + ", " + k.scheduleEpochs()
                        + ", self.epoch)")
                .dedent().line("");
    }

    @Override
    public OnnxValue onnxAfterEncoderLayer(ExportedDesign design, int index, OnnxGraph g, OnnxValue h,
                                           OnnxOutputs outputs) {
        if (index != design.encoder().size() - 1) {
            return h;
        }
        OnnxValue code = h.asVector(g, "k_sparse");
        String values = g.fresh("k_sparse/values");
        String indices = g.fresh("k_sparse/indices");
        g.node("TopK", new String[] {code.name(), g.int64s("k_sparse/k", design.kSparse().k())},
                new String[] {values, indices}, OnnxGraph.attr("axis", 1L));
        String shape = g.op("Shape", "k_sparse/shape", new String[] {code.name()});
        String zeros = g.op("ConstantOfShape", "k_sparse/zeros", new String[] {shape}, OnnxGraph.scalarTensor("value", 0f));
        String kept = g.op("ScatterElements", "k_sparse/kept", new String[] {zeros, indices, values},
                OnnxGraph.attr("axis", 1L));
        return new OnnxValue(kept, false);
    }
}
