package org.aeworkbench.export.translate;

import java.util.List;
import org.aeworkbench.engine.conv.WindowGeometry;
import org.aeworkbench.engine.model.ConvTranspose2DSpec;
import org.aeworkbench.export.design.LayerSite;
import org.aeworkbench.export.design.TensorLayout;
import org.aeworkbench.export.design.TorchParameter;

/**
 * A transposed convolution: the adjoint of the convolution that takes this layer's output shape
 * (H, W, F) back to its input (h, w, C). The workbench stores its kernel {@code (k, k, F, C)};
 * PyTorch's {@code conv_transpose2d} and ONNX's {@code ConvTranspose} take {@code (C, F, k, k)}.
 * Both compute the full transposed output, {@code (h - 1) s + k} rows, which the adjoint then
 * crops: it starts {@code padTop} rows in (that convolution's top padding) and keeps H rows. Where
 * the full output is shorter than that (a kernel smaller than its stride), {@code output_padding}
 * adds the missing rows at the end, which no input reaches: they hold the bias alone, as in the
 * workbench.
 */
final class ConvTranspose2DTranslation implements LayerTranslation {

    /** Where the output window lies in the full transposed output, per axis. */
    private record Crop(int top, int left, int height, int width, int extraRows, int extraCols) {
    }

    private static Crop crop(LayerSite site) {
        ConvTranspose2DSpec c = (ConvTranspose2DSpec) site.spec();
        WindowGeometry g = WindowGeometry.of("ConvTranspose2D", site.output(), c.kernel(), c.stride(), c.padding());
        int fullH = (site.input().height() - 1) * c.stride() + c.kernel();
        int fullW = (site.input().width() - 1) * c.stride() + c.kernel();
        int h = site.output().height();
        int w = site.output().width();
        return new Crop(g.padTop(), g.padLeft(), h, w, Math.max(0, g.padTop() + h - fullH),
                Math.max(0, g.padLeft() + w - fullW));
    }

    @Override
    public String inexpressible(LayerSite site) {
        ConvTranspose2DSpec c = (ConvTranspose2DSpec) site.spec();
        Crop k = crop(site);
        if (k.extraRows() >= c.stride() || k.extraCols() >= c.stride()) {
            return "its output needs " + Math.max(k.extraRows(), k.extraCols()) + " rows beyond the transposed"
                    + " convolution's, which output_padding (below the stride " + c.stride() + ") cannot add";
        }
        return null;
    }

    @Override
    public List<TorchParameter> torchParameters(LayerSite site) {
        ConvTranspose2DSpec c = (ConvTranspose2DSpec) site.spec();
        long k = c.kernel();
        return List.of(new TorchParameter(site.path() + ".weight", site.weight(),
                        TensorLayout.permuted(new long[] {k, k, c.filters(), site.input().channels()}, 3, 2, 0, 1)),
                new TorchParameter(site.path() + ".bias", site.bias(), TensorLayout.asIs(c.filters())));
    }

    @Override
    public String torchModule(LayerSite site) {
        ConvTranspose2DSpec c = (ConvTranspose2DSpec) site.spec();
        Crop k = crop(site);
        return "ConvTranspose2d(" + site.input().channels() + ", " + c.filters() + ", " + c.kernel() + ", " + c.stride()
                + ", crop=(" + k.top() + ", " + k.left() + ", " + k.height() + ", " + k.width() + "), output_padding=("
                + k.extraRows() + ", " + k.extraCols() + "), activation=" + ActivationOps.python(c.activation()) + ")";
    }

    @Override
    public String torchBlock() {
        return "conv_transpose2d";
    }

    @Override
    public String torchPreActivationCall(LayerSite site, String h) {
        return "self." + site.part() + "[" + site.index() + "].pre_activation(" + h + ")";
    }

    @Override
    public OnnxValue onnx(LayerSite site, OnnxGraph g, OnnxValue input) {
        ConvTranspose2DSpec c = (ConvTranspose2DSpec) site.spec();
        String stem = site.path();
        OnnxValue x = input.asImage(g, stem, site.input().height(), site.input().width(), site.input().channels());
        Crop k = crop(site);
        List<TorchParameter> ps = torchParameters(site);
        for (TorchParameter t : ps) {
            g.ensureFloats(t.name(), t.layout().torchShape(), () -> t.toTensor().values());
        }
        String full = g.op("ConvTranspose", stem + "/conv_transpose", new String[] {x.name(), ps.get(0).name(),
                ps.get(1).name()}, OnnxGraph.ints("kernel_shape", c.kernel(), c.kernel()),
                OnnxGraph.ints("strides", c.stride(), c.stride()), OnnxGraph.ints("output_padding", k.extraRows(),
                        k.extraCols()));
        String z = g.op("Slice", stem + "/crop", new String[] {full, g.int64s(stem + "/starts", k.top(), k.left()),
                g.int64s(stem + "/ends", k.top() + k.height(), k.left() + k.width()), g.int64s(stem + "/axes", 2, 3)});
        return ActivationOps.onnx(c.activation(), g, stem, new OnnxValue(z, true));
    }
}
