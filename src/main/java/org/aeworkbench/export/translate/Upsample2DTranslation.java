package org.aeworkbench.export.translate;

import java.util.List;
import org.aeworkbench.engine.model.Upsample2DSpec;
import org.aeworkbench.export.design.LayerSite;
import org.aeworkbench.export.design.TorchParameter;

/**
 * Nearest-neighbour upsampling by a whole factor f, {@code y[i, j] = x[floor(i / f), floor(j / f)]}:
 * in PyTorch each row and column repeated f times, in ONNX a {@code Resize} whose coordinate rule
 * ("asymmetric", "floor") is exactly that.
 */
final class Upsample2DTranslation implements LayerTranslation {

    @Override
    public List<TorchParameter> torchParameters(LayerSite site) {
        return List.of();
    }

    @Override
    public String torchModule(LayerSite site) {
        return "Upsample2d(" + ((Upsample2DSpec) site.spec()).factor() + ")";
    }

    @Override
    public String torchBlock() {
        return "upsample2d";
    }

    @Override
    public OnnxValue onnx(LayerSite site, OnnxGraph g, OnnxValue input) {
        int f = ((Upsample2DSpec) site.spec()).factor();
        String stem = site.path();
        OnnxValue x = input.asImage(g, stem, site.input().height(), site.input().width(), site.input().channels());
        String scales = g.floats(g.fresh(stem + "/scales"), new long[] {4}, new float[] {1, 1, f, f});
        String out = g.op("Resize", stem + "/upsample", new String[] {x.name(), "", scales},
                OnnxGraph.attr("mode", "nearest"), OnnxGraph.attr("coordinate_transformation_mode", "asymmetric"),
                OnnxGraph.attr("nearest_mode", "floor"));
        return new OnnxValue(out, true);
    }
}
