package org.aeworkbench.export.translate;

import java.util.List;
import org.aeworkbench.export.design.LayerSite;
import org.aeworkbench.export.design.TorchParameter;

/** Flatten: an image read as one vector in the workbench's order, channels last. */
final class FlattenTranslation implements LayerTranslation {

    @Override
    public List<TorchParameter> torchParameters(LayerSite site) {
        return List.of();
    }

    @Override
    public String torchModule(LayerSite site) {
        return "Flatten()";
    }

    @Override
    public String torchBlock() {
        return "reshape";
    }

    @Override
    public OnnxValue onnx(LayerSite site, OnnxGraph g, OnnxValue input) {
        return input.asVector(g, site.path());
    }
}
