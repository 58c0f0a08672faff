package org.aeworkbench.export.translate;

import java.util.List;
import org.aeworkbench.engine.conv.WindowGeometry;
import org.aeworkbench.engine.model.Conv2DSpec;
import org.aeworkbench.export.design.LayerSite;
import org.aeworkbench.export.design.TensorLayout;
import org.aeworkbench.export.design.TorchParameter;

/**
 * A convolution. The workbench stores its kernel HWIO, {@code (k, k, C, F)} read row-major;
 * PyTorch and ONNX want OIHW, {@code (F, C, k, k)}. Padding follows the workbench's
 * {@link WindowGeometry} (TensorFlow's rule for "same": the odd pixel goes after), which ONNX's
 * four-sided {@code pads} express directly and PyTorch as an explicit {@code F.pad}.
 */
final class Conv2DTranslation implements LayerTranslation {

    @Override
    public List<TorchParameter> torchParameters(LayerSite site) {
        Conv2DSpec c = (Conv2DSpec) site.spec();
        long k = c.kernel();
        return List.of(new TorchParameter(site.path() + ".weight", site.weight(),
                        TensorLayout.permuted(new long[] {k, k, site.input().channels(), c.filters()}, 3, 2, 0, 1)),
                new TorchParameter(site.path() + ".bias", site.bias(), TensorLayout.asIs(c.filters())));
    }

    @Override
    public String torchModule(LayerSite site) {
        Conv2DSpec c = (Conv2DSpec) site.spec();
        Pads p = Pads.of(WindowGeometry.of("Conv2D", site.input(), c.kernel(), c.stride(), c.padding()));
        return "Conv2d(" + site.input().channels() + ", " + c.filters() + ", " + c.kernel() + ", " + c.stride() + ", "
                + p.python() + ", " + ActivationOps.python(c.activation()) + ")";
    }

    @Override
    public String torchBlock() {
        return "conv2d";
    }

    @Override
    public String torchPreActivationCall(LayerSite site, String h) {
        return "self." + site.part() + "[" + site.index() + "].pre_activation(" + h + ")";
    }

    @Override
    public OnnxValue onnx(LayerSite site, OnnxGraph g, OnnxValue input) {
        Conv2DSpec c = (Conv2DSpec) site.spec();
        String stem = site.path();
        OnnxValue x = input.asImage(g, stem, site.input().height(), site.input().width(), site.input().channels());
        Pads p = Pads.of(WindowGeometry.of("Conv2D", site.input(), c.kernel(), c.stride(), c.padding()));
        List<TorchParameter> ps = torchParameters(site);
        for (TorchParameter t : ps) {
            g.ensureFloats(t.name(), t.layout().torchShape(), () -> t.toTensor().values());
        }
        String z = g.op("Conv", stem + "/conv", new String[] {x.name(), ps.get(0).name(), ps.get(1).name()},
                OnnxGraph.ints("kernel_shape", c.kernel(), c.kernel()), OnnxGraph.ints("strides", c.stride(), c.stride()),
                p.onnx());
        return ActivationOps.onnx(c.activation(), g, stem, new OnnxValue(z, true));
    }
}
