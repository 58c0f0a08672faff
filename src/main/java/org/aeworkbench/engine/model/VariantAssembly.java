package org.aeworkbench.engine.model;

import java.util.List;
import org.aeworkbench.engine.layer.Layer;
import org.aeworkbench.engine.tensor.Shape;

/**
 * Where each variant adds its stages to the plain stack: corruption before the encoder, the
 * VAE's mean/log-variance code and sampler, sparsity penalties and k-sparse selection after
 * encoder layers, tied decoder layers. Each variant's own behaviour lives in
 * {@code org.aeworkbench.engine.variant}.
 */
final class VariantAssembly {

    private final ModelSpec spec;

    VariantAssembly(ModelSpec spec, Shape input) {
        this.spec = spec;
        List<String> pending = new java.util.ArrayList<>();
        if (spec.tiedWeights()) pending.add("tied weights");
        if (spec.sparsity() != null) pending.add("sparsity");
        if (spec.kSparse() != null) pending.add("k-sparse");
        if (spec.noise() != null) pending.add("denoising");
        if (spec.contractive() != null) pending.add("contractive");
        if (spec.variational() != null) pending.add("variational");
        if (!pending.isEmpty()) {
            throw new SpecException("variant", "this build does not implement " + String.join(", ", pending) + " yet");
        }
    }

    /** Stages applied to the input before the first encoder layer (training-time corruption). */
    List<Layer> inputStages() {
        return List.of();
    }

    /** The code layer itself. */
    Layer codeLayer(String name, Shape input) {
        return spec.codeLayer().build(name, input);
    }

    /** Stages inserted after encoder layer {@code index}. */
    List<Layer> afterEncoderLayer(int index, Layer built) {
        return List.of();
    }

    /** Decoder layer {@code index}; {@code built} holds every layer so far (for tied weights). */
    Layer decoderLayer(int index, String name, Shape input, List<Layer> built) {
        return spec.decoder().get(index).build(name, input);
    }
}
