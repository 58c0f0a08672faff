package org.aeworkbench.export.design;

import org.aeworkbench.engine.layer.Parameter;
import org.aeworkbench.engine.model.LayerSpec;
import org.aeworkbench.engine.tensor.Shape;

/**
 * One layer of a design where an exporter meets it: its spec, its place, the shapes around it as
 * the built model has them, and its own parameters.
 *
 * @param part   "encoder" or "decoder"
 * @param index  position within the part, as in the spec
 * @param input  the shape it reads (channels-last, the workbench's)
 * @param output the shape it writes; for a VAE's code layer the mean and log-variance, 2L values
 * @param weight its weight, or null (parameter-free layers, tied decoder layers)
 * @param bias   its bias, or null
 * @param tiedTo for a tied decoder layer, the encoder layer whose weight it uses transposed; else -1
 * @param tiedWeight that encoder layer's weight, or null
 */
public record LayerSite(String part, int index, LayerSpec spec, Shape input, Shape output, Parameter weight,
                        Parameter bias, int tiedTo, Parameter tiedWeight) {

    /** "encoder.0", as PyTorch names a module of a ModuleList. */
    public String path() {
        return part + "." + index;
    }

    /** "encoder[0]", as the workbench names it. */
    public String workbenchName() {
        return part + "[" + index + "]";
    }

    public boolean tied() {
        return tiedTo >= 0;
    }
}
