package org.aeworkbench.export.translate;

import java.util.List;
import org.aeworkbench.engine.conv.WindowGeometry;
import org.aeworkbench.engine.model.MaxPool2DSpec;
import org.aeworkbench.engine.model.PoolingSpec;
import org.aeworkbench.export.design.LayerSite;
import org.aeworkbench.export.design.TorchParameter;

/**
 * Max and average pooling. The workbench leaves padded positions out of every window (TensorFlow's
 * rule): ONNX says so with {@code pads} and {@code count_include_pad=0}; PyTorch pads with -inf
 * before a max, and divides an average by the count of image pixels in each window.
 */
final class PoolTranslation implements LayerTranslation {

    @Override
    public List<TorchParameter> torchParameters(LayerSite site) {
        return List.of();
    }

    private static boolean max(LayerSite site) {
        return site.spec() instanceof MaxPool2DSpec;
    }

    private static WindowGeometry geometry(LayerSite site) {
        PoolingSpec p = (PoolingSpec) site.spec();
        return WindowGeometry.of(p.kind(), site.input(), p.size(), p.stride(), p.padding());
    }

    @Override
    public String torchModule(LayerSite site) {
        PoolingSpec p = (PoolingSpec) site.spec();
        return (max(site) ? "MaxPool2d(" : "AvgPool2d(") + p.size() + ", " + p.stride() + ", "
                + Pads.of(geometry(site)).python() + ")";
    }

    @Override
    public String torchBlock() {
        return "pool2d";
    }

    @Override
    public OnnxValue onnx(LayerSite site, OnnxGraph g, OnnxValue input) {
        PoolingSpec p = (PoolingSpec) site.spec();
        String stem = site.path();
        OnnxValue x = input.asImage(g, stem, site.input().height(), site.input().width(), site.input().channels());
        Pads pads = Pads.of(geometry(site));
        String[] in = {x.name()};
        String out = max(site)
                ? g.op("MaxPool", stem + "/max_pool", in, OnnxGraph.ints("kernel_shape", p.size(), p.size()),
                        OnnxGraph.ints("strides", p.stride(), p.stride()), pads.onnx())
                : g.op("AveragePool", stem + "/avg_pool", in, OnnxGraph.ints("kernel_shape", p.size(), p.size()),
                        OnnxGraph.ints("strides", p.stride(), p.stride()), pads.onnx(),
                        OnnxGraph.attr("count_include_pad", 0L));
        return new OnnxValue(out, true);
    }
}
