package org.aeworkbench.export.translate;

import java.util.List;
import org.aeworkbench.engine.model.ReshapeSpec;
import org.aeworkbench.export.design.LayerSite;
import org.aeworkbench.export.design.TorchParameter;

/** Reshape: the same values, read channels-last, seen as an image of another shape. */
final class ReshapeTranslation implements LayerTranslation {

    @Override
    public List<TorchParameter> torchParameters(LayerSite site) {
        return List.of();
    }

    @Override
    public String torchModule(LayerSite site) {
        ReshapeSpec r = (ReshapeSpec) site.spec();
        return "Reshape(" + r.height() + ", " + r.width() + ", " + r.channels() + ")";
    }

    @Override
    public String torchBlock() {
        return "reshape";
    }

    @Override
    public OnnxValue onnx(LayerSite site, OnnxGraph g, OnnxValue input) {
        ReshapeSpec r = (ReshapeSpec) site.spec();
        return input.asVector(g, site.path()).asImage(g, site.path(), r.height(), r.width(), r.channels());
    }
}
