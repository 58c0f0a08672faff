package org.aeworkbench.export.translate;

import java.util.List;
import org.aeworkbench.export.design.ExportedDesign;

/**
 * The VAE (Kingma and Welling 2014): the code layer emits the posterior's mean and log-variance
 * side by side, {@code [mu, log sigma^2]}. At inference the code is the mean; the encoder part
 * returns both.
 */
final class VariationalTranslation implements VariantTranslation {

    @Override
    public String torchSummary(ExportedDesign design) {
        var v = design.variational();
        return "Variational (Kingma and Welling 2014): the code layer gives mu and log sigma^2 of "
                + design.spec().codeSize() + " latent units; the loss (in training and evaluation, as the workbench"
                + " computes it) samples z = mu + sigma eps and adds "
                + PythonCode.number(v.beta()) + " * KL(q(z|x) || N(0, I))"
                + (v.warmupEpochs() > 0 ? ", its weight rising from 0 over " + v.warmupEpochs() + " epochs" : "") + ".";
    }

    @Override
    public List<String> torchBlocks() {
        return List.of("vae");
    }

    @Override
    public void torchAfterEncoderLayer(ExportedDesign design, int index, PythonCode code) {
        if (index != design.encoder().size() - 1) {
            return;
        }
        code.line("mu, log_variance = h.chunk(2, dim=1)")
                .line("if with_terms:").indent().line("terms[\"kl\"] = self.kl_weight() * kl_divergence(mu, log_variance)").dedent()
                .line("h = reparameterise(mu, log_variance) if sample else mu");
    }

    @Override
    public void torchMembers(ExportedDesign design, PythonCode code) {
        var v = design.variational();
        code.line("def kl_weight(self):").indent()
                .line("\"\"\"beta, or during a KL warm-up (Bowman et al. 2016) beta times the share of it done.\"\"\"");
        if (v.warmupEpochs() > 0) {
            code.line("if self.epoch is None:").indent().line("return " + PythonCode.number(v.beta())).dedent()
                    .line("return " + PythonCode.number(v.beta()) + " * min(1.0, self.epoch / " + v.warmupEpochs() + ")");
        } else {
            code.line("return " + PythonCode.number(v.beta()));
        }
        code.dedent().line("");
    }

    @Override
    public OnnxValue onnxAfterEncoderLayer(ExportedDesign design, int index, OnnxGraph g, OnnxValue h,
                                           OnnxOutputs outputs) {
        if (index != design.encoder().size() - 1) {
            return h;
        }
        int latent = design.spec().codeSize();
        String mu = g.fresh("code/mu");
        String logVariance = g.fresh("code/log_variance");
        g.node("Split", new String[] {h.name(), g.int64s("code/split", latent, latent)}, new String[] {mu, logVariance},
                OnnxGraph.attr("axis", 1L));
        outputs.put("mu", new OnnxValue(mu, false));
        outputs.put("log_variance", new OnnxValue(logVariance, false));
        return new OnnxValue(mu, false);
    }
}
