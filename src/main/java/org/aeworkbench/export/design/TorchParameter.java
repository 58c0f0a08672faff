package org.aeworkbench.export.design;

import org.aeworkbench.engine.io.safetensors.Tensor;
import org.aeworkbench.engine.layer.Parameter;

/**
 * A workbench parameter under its PyTorch state-dict name ("encoder.0.weight") and layout.
 */
public record TorchParameter(String name, Parameter source, TensorLayout layout) {

    /** Its current values as PyTorch holds them. */
    public Tensor toTensor() {
        return new Tensor(name, layout.torchShape(), layout.toTorch(source.value()));
    }

    /** Sets the parameter from values in PyTorch's layout. */
    public void load(float[] torchValues) {
        float[] w = layout.toWorkbench(torchValues);
        System.arraycopy(w, 0, source.value(), 0, w.length);
    }
}
