package org.aeworkbench.export.translate;

import java.util.List;
import org.aeworkbench.export.design.LayerSite;
import org.aeworkbench.export.design.TorchParameter;

/**
 * Everything the exporters need of one layer kind, side by side so that a reader checks the
 * PyTorch module against the ONNX nodes and both against the workbench's layer: the weights'
 * PyTorch layout, the module in {@code model.py}, and the ONNX nodes. Register a new kind in
 * {@link LayerTranslations}.
 */
public interface LayerTranslation {

    /** Why this layer cannot be exported as it stands, or null when it can. */
    default String inexpressible(LayerSite site) {
        return null;
    }

    /** The PyTorch parameters this layer owns, named as its module's state dict names them. */
    List<TorchParameter> torchParameters(LayerSite site);

    /** The expression that builds its module in {@code model.py}, e.g. {@code Dense(784, 512, "relu")}. */
    String torchModule(LayerSite site);

    /** The {@code model.py} building block that defines the module's class (a resource under pytorch/blocks/). */
    String torchBlock();

    /** The call that runs the layer's module on {@code h} in {@code model.py}. */
    default String torchCall(LayerSite site, String h) {
        return "self." + site.part() + "[" + site.index() + "](" + h + ")";
    }

    /**
     * The call that gives the layer's pre-activation, for a loss computed from logits, or null for
     * a layer without an activation.
     */
    default String torchPreActivationCall(LayerSite site, String h) {
        return null;
    }

    /**
     * Appends the layer's nodes to {@code g}; the weights are initializers named as in PyTorch.
     * Returns its output value.
     */
    OnnxValue onnx(LayerSite site, OnnxGraph g, OnnxValue input);
}
