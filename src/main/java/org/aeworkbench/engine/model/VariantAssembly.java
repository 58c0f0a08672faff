package org.aeworkbench.engine.model;

import java.util.ArrayList;
import java.util.List;
import org.aeworkbench.engine.layer.Activation;
import org.aeworkbench.engine.layer.DenseLayer;
import org.aeworkbench.engine.layer.Layer;
import org.aeworkbench.engine.tensor.Shape;
import org.aeworkbench.engine.variant.ContractivePenalty;
import org.aeworkbench.engine.variant.CorruptionLayer;
import org.aeworkbench.engine.variant.EncoderInputTap;
import org.aeworkbench.engine.variant.GaussianSampleLayer;
import org.aeworkbench.engine.variant.KSparseLayer;
import org.aeworkbench.engine.variant.KlSparsityPenalty;
import org.aeworkbench.engine.variant.L1SparsityPenalty;
import org.aeworkbench.engine.variant.TiedDenseLayer;

/**
 * Where each variant adds its stages to the plain stack: corruption before the encoder, the
 * VAE's mean/log-variance code and sampler, sparsity penalties and k-sparse selection after
 * encoder layers, tied decoder layers. Each variant's own behaviour lives in
 * {@code org.aeworkbench.engine.variant}.
 *
 * <p>Stages follow the code layer in this order: contractive penalty (it differentiates the dense
 * encoder itself), VAE sampler, k-sparse selection, then a sparsity penalty on the resulting code.
 * The builder calls the methods in stack order: {@link #inputStages}, then for each encoder layer
 * ({@link #codeLayer} for the last) {@link #afterEncoderLayer}, then {@link #decoderLayer}.
 */
final class VariantAssembly {

    private final ModelSpec spec;
    private final Shape input;
    private final int codeIndex;
    private final List<Layer> encoder = new ArrayList<>();
    private EncoderInputTap tap;

    VariantAssembly(ModelSpec spec, Shape input) {
        this.spec = spec;
        this.input = input;
        this.codeIndex = spec.encoder().size() - 1;
        if (spec.variational() != null && spec.tiedWeights()) {
            throw new SpecException("tiedWeights", "a VAE's code layer emits a mean and a log-variance, so the decoder"
                    + " cannot use its transpose: turn tied weights off for a VAE");
        }
        if (spec.variational() != null && spec.contractive() != null) {
            throw new SpecException("contractive", "the contractive penalty is for deterministic encoders:"
                    + " remove it or the variational part");
        }
    }

    /** Stages applied to the input before the first encoder layer (training-time corruption). */
    List<Layer> inputStages() {
        List<Layer> stages = new ArrayList<>();
        if (spec.noise() != null) {
            stages.add(new CorruptionLayer(input, spec.noise()));
        }
        if (spec.contractive() != null) {
            tap = new EncoderInputTap(input);
            stages.add(tap);
        }
        return stages;
    }

    /** The code layer itself: for a VAE, a linear layer with a mean and a log-variance per latent unit. */
    Layer codeLayer(String name, Shape in) {
        if (spec.variational() != null) {
            return new DenseLayer(name, in, 2 * spec.codeSize(), Activation.IDENTITY);
        }
        return spec.codeLayer().build(name, in);
    }

    /** Stages inserted after encoder layer {@code index}. */
    List<Layer> afterEncoderLayer(int index, Layer built) {
        encoder.add(built);
        List<Layer> stages = new ArrayList<>();
        Shape shape = built.outputShape();
        if (index == codeIndex) {
            if (spec.contractive() != null) {
                stages.add(ContractivePenalty.forEncoder(tap, denseEncoder(), spec.contractive().weight()));
            }
            if (spec.variational() != null) {
                GaussianSampleLayer sampler = new GaussianSampleLayer(spec.codeSize(), spec.variational().beta(),
                        spec.variational().warmupEpochs());
                stages.add(sampler);
                shape = sampler.outputShape();
            }
            if (spec.kSparse() != null) {
                stages.add(new KSparseLayer(shape, spec.kSparse()));
            }
        }
        SparsitySpec sparsity = spec.sparsity();
        if (sparsity != null && index == (sparsity.layer() < 0 ? codeIndex : sparsity.layer())) {
            stages.add(sparsity.kind() == SparsitySpec.Kind.KL
                    ? new KlSparsityPenalty(shape, sparsity.weight(), sparsity.rho())
                    : new L1SparsityPenalty(shape, sparsity.weight()));
        }
        return stages;
    }

    /** Decoder layer {@code index}; {@code built} holds every layer so far (for tied weights). */
    Layer decoderLayer(int index, String name, Shape in, List<Layer> built) {
        LayerSpec layer = spec.decoder().get(index);
        if (spec.tiedWeights() && layer instanceof DenseSpec dense) {
            // The validator has checked that decoder[i] mirrors encoder[n - 1 - i].
            Layer mirrored = encoder.get(encoder.size() - 1 - index);
            if (mirrored instanceof DenseLayer d) {
                return new TiedDenseLayer(name, d, dense.activation());
            }
        }
        return layer.build(name, in);
    }

    private List<DenseLayer> denseEncoder() {
        List<DenseLayer> dense = new ArrayList<>();
        for (int i = 0; i < encoder.size(); i++) {
            if (!(encoder.get(i) instanceof DenseLayer d)) {
                throw new SpecException("encoder[" + i + "]", "the contractive penalty differentiates dense encoders"
                        + " only: make this layer dense or remove the contractive penalty");
            }
            dense.add(d);
        }
        return dense;
    }
}
