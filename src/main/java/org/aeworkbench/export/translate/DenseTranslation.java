package org.aeworkbench.export.translate;

import java.util.List;
import org.aeworkbench.engine.model.DenseSpec;
import org.aeworkbench.export.design.LayerSite;
import org.aeworkbench.export.design.TensorLayout;
import org.aeworkbench.export.design.TorchParameter;

/**
 * A dense layer, {@code a = f(x W + b)} with the workbench's W stored in x out: PyTorch keeps it
 * transposed, {@code (out, in)} as {@code nn.Linear} does, and ONNX computes it with
 * {@code Gemm(transB=1)} on that tensor. An image input is first read as a channels-last vector,
 * the workbench's order. A tied decoder layer has only its bias and multiplies by the encoder
 * layer's weight untransposed ({@code h W_enc}, the transpose of that layer's map).
 */
final class DenseTranslation implements LayerTranslation {

    @Override
    public List<TorchParameter> torchParameters(LayerSite site) {
        if (site.tied()) {
            return List.of(bias(site));
        }
        return List.of(new TorchParameter(site.path() + ".weight", site.weight(),
                TensorLayout.permuted(new long[] {site.weight().rows(), site.weight().cols()}, 1, 0)), bias(site));
    }

    private static TorchParameter bias(LayerSite site) {
        return new TorchParameter(site.path() + ".bias", site.bias(), TensorLayout.asIs(site.bias().cols()));
    }

    @Override
    public String torchModule(LayerSite site) {
        DenseSpec d = (DenseSpec) site.spec();
        String f = ActivationOps.python(d.activation());
        if (site.tied()) {
            return "TiedDense(" + site.output().size() + ", " + f + ")";
        }
        return "Dense(" + site.input().size() + ", " + site.output().size() + ", " + f + ")";
    }

    @Override
    public String torchBlock() {
        return "dense";
    }

    @Override
    public String torchCall(LayerSite site, String h) {
        return site.tied() ? "self." + site.part() + "[" + site.index() + "](" + h + ", self.encoder[" + site.tiedTo()
                + "].weight)" : LayerTranslation.super.torchCall(site, h);
    }

    @Override
    public String torchPreActivationCall(LayerSite site, String h) {
        return "self." + site.part() + "[" + site.index() + "].pre_activation(" + h
                + (site.tied() ? ", self.encoder[" + site.tiedTo() + "].weight)" : ")");
    }

    @Override
    public OnnxValue onnx(LayerSite site, OnnxGraph g, OnnxValue input) {
        DenseSpec d = (DenseSpec) site.spec();
        String stem = site.path();
        OnnxValue x = input.asVector(g, stem);
        String w;
        long transB;
        if (site.tied()) {
            // The encoder layer's PyTorch weight is (its out, its in) = (this in, this out): h W_enc.
            w = "encoder." + site.tiedTo() + ".weight";
            g.ensureFloats(w, new long[] {site.tiedWeight().cols(), site.tiedWeight().rows()},
                    () -> TensorLayout.permuted(new long[] {site.tiedWeight().rows(), site.tiedWeight().cols()}, 1, 0)
                            .toTorch(site.tiedWeight().value()));
            transB = 0;
        } else {
            TorchParameter p = torchParameters(site).get(0);
            w = g.ensureFloats(p.name(), p.layout().torchShape(), () -> p.toTensor().values());
            transB = 1;
        }
        TorchParameter b = bias(site);
        g.ensureFloats(b.name(), b.layout().torchShape(), () -> b.toTensor().values());
        String z = g.op("Gemm", stem + "/gemm", new String[] {x.name(), w, b.name()}, OnnxGraph.attr("transB", transB));
        return ActivationOps.onnx(d.activation(), g, stem, new OnnxValue(z, false));
    }
}
