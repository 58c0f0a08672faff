package org.aeworkbench.engine.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.aeworkbench.engine.core.SpecException;
import org.aeworkbench.engine.layer.Activation;
import org.aeworkbench.engine.loss.ReconstructionLoss;
import org.aeworkbench.engine.optim.OptimizerSpec;
import org.aeworkbench.engine.tensor.Shape;

/**
 * A complete autoencoder design, as saved in a {@code .json} model spec: the layer stack, the
 * variants' parts (at most one of each registered {@link VariantType}, so variants combine), the
 * loss, the optimiser and the training settings. Immutable; every edit makes a new spec, which
 * keeps undo trivial. In a spec file each part is a key of its own, named by its variant's id
 * ({@code "kSparse": {"k": 25, ...}}); see {@link ModelSpecCodec}.
 *
 * @param name        short name ("reference", "my-sparse-ae")
 * @param description one line shown in menus
 * @param encoder     encoder layers; the last one is the code layer
 * @param decoder     decoder layers; the last one must reproduce the input's size
 * @param loss        reconstruction loss
 * @param variants    the variants' parts, in the order of {@link Variants}
 */
@JsonSerialize(using = ModelSpecCodec.Writer.class)
@JsonDeserialize(using = ModelSpecCodec.Reader.class)
public record ModelSpec(String name, String description, List<LayerSpec> encoder, List<LayerSpec> decoder,
                        ReconstructionLoss loss, List<VariantSpec> variants, OptimizerSpec optimizer,
                        TrainingSpec training) {

    public ModelSpec {
        name = name == null ? "untitled" : name;
        description = description == null ? "" : description;
        encoder = encoder == null ? List.of() : List.copyOf(encoder);
        decoder = decoder == null ? List.of() : List.copyOf(decoder);
        loss = loss == null ? ReconstructionLoss.MSE : loss;
        variants = ordered(variants);
        optimizer = optimizer == null ? OptimizerSpec.adam(1e-3) : optimizer;
        training = training == null ? TrainingSpec.defaults() : training;
    }

    /** One part per variant type, the later of two replacing the earlier, in registry order. */
    private static List<VariantSpec> ordered(List<VariantSpec> parts) {
        if (parts == null || parts.isEmpty()) {
            return List.of();
        }
        Map<VariantType<?>, VariantSpec> byType = new LinkedHashMap<>();
        for (VariantSpec p : parts) {
            byType.put(Objects.requireNonNull(p, "a variant part is null").type(), p);
        }
        List<VariantSpec> sorted = new ArrayList<>(byType.values());
        sorted.sort(Comparator.comparingInt(p -> Variants.order(p.type())));
        return List.copyOf(sorted);
    }

    /** A plain design with default optimiser and training settings. */
    public static ModelSpec of(String name, List<LayerSpec> encoder, List<LayerSpec> decoder, ReconstructionLoss loss) {
        return new ModelSpec(name, "", encoder, decoder, loss, List.of(), null, null);
    }

    /**
     * The decoder that mirrors a dense encoder on a vector input: the encoder's hidden widths in
     * reverse with their activations, then an output layer of {@code inputSize} units with
     * {@code outputActivation}.
     */
    public static List<LayerSpec> mirrorDecoder(List<LayerSpec> encoder, int inputSize, Activation outputActivation) {
        return mirrorDecoder(encoder, Shape.vector(inputSize), outputActivation);
    }

    /**
     * The decoder that mirrors an encoder layer by layer, from the code back to the input: each
     * encoder layer contributes its {@link LayerSpec#mirror} (dense for dense, a transposed
     * convolution for a strided one, upsampling for pooling, a reshape for a flatten), ending in
     * the activation of the encoder layer before it, and the last in {@code outputActivation}.
     * Where the encoder rounds a size (a pooling of 7 pixels to 4) the mirror cannot undo it, and
     * the validator says so at the output; an encoder whose shapes do not work is mirrored as if
     * its input were a vector, which the validator flags as well.
     */
    public static List<LayerSpec> mirrorDecoder(List<LayerSpec> encoder, Shape input, Activation outputActivation) {
        List<Shape> inputs = new ArrayList<>();
        Shape s = input;
        try {
            for (LayerSpec l : encoder) {
                inputs.add(s);
                s = l.outputShape(s);
            }
        } catch (SpecException e) {
            inputs.clear();
            inputs.add(Shape.vector(input.size()));
            for (int i = 1; i < encoder.size(); i++) {
                inputs.add(Shape.vector(Math.max(1, encoder.get(i - 1).units())));
            }
        }
        List<LayerSpec> decoder = new ArrayList<>();
        for (int i = encoder.size() - 1; i >= 0; i--) {
            Activation a = outputActivation;
            for (int j = i - 1; j >= 0; j--) {
                if (encoder.get(j) instanceof ActivatedSpec activated) {
                    a = activated.activation();
                    break;
                }
            }
            decoder.add(encoder.get(i).mirror(inputs.get(i), a));
        }
        return decoder;
    }

    @JsonIgnore
    public LayerSpec codeLayer() {
        return encoder.isEmpty() ? null : encoder.get(encoder.size() - 1);
    }

    /** Width of the code (the latent dimension for a VAE). */
    @JsonIgnore
    public int codeSize() {
        LayerSpec code = codeLayer();
        return code == null ? 0 : code.units();
    }

    /**
     * Whether the design fits its codes to a prior one can sample from (the VAE's KL term, Kingma
     * and Welling 2014; an adversarial autoencoder's discriminator, Makhzani et al. 2015); a plain
     * code space has none, only the codes it was trained to produce, with gaps between them.
     */
    @JsonIgnore
    public boolean hasPrior() {
        return codeDistribution() != null;
    }

    /** The prior of the first part that has one ({@link VariantSpec#codeDistribution}), or null. */
    @JsonIgnore
    public CodeDistribution codeDistribution() {
        for (VariantSpec part : variants) {
            CodeDistribution d = part.codeDistribution();
            if (d != null) {
                return d;
            }
        }
        return null;
    }

    /** The whole stack, encoder then decoder. */
    @JsonIgnore
    public List<LayerSpec> layers() {
        List<LayerSpec> all = new ArrayList<>(encoder);
        all.addAll(decoder);
        return all;
    }

    /** The part of variant {@code type}, or null when the design does not use it. */
    public <S extends VariantSpec> S variant(Class<S> type) {
        for (VariantSpec p : variants) {
            if (type.isInstance(p)) {
                return type.cast(p);
            }
        }
        return null;
    }

    /** Whether the design uses variant {@code type}. */
    public boolean has(Class<? extends VariantSpec> type) {
        return variant(type) != null;
    }

    /** The same design with {@code part} added, replacing any part of its type. */
    public ModelSpec with(VariantSpec part) {
        List<VariantSpec> parts = new ArrayList<>(variants);
        parts.add(part);
        return new ModelSpec(name, description, encoder, decoder, loss, parts, optimizer, training);
    }

    /** The same design without the part of variant {@code type} (unchanged when it has none). */
    public ModelSpec without(Class<? extends VariantSpec> type) {
        List<VariantSpec> parts = new ArrayList<>(variants);
        parts.removeIf(type::isInstance);
        return new ModelSpec(name, description, encoder, decoder, loss, parts, optimizer, training);
    }

    /** The same design with exactly these variant parts. */
    public ModelSpec withVariants(List<VariantSpec> parts) {
        return new ModelSpec(name, description, encoder, decoder, loss, parts, optimizer, training);
    }

    public ModelSpec withName(String n) {
        return new ModelSpec(n, description, encoder, decoder, loss, variants, optimizer, training);
    }

    public ModelSpec withDescription(String d) {
        return new ModelSpec(name, d, encoder, decoder, loss, variants, optimizer, training);
    }

    public ModelSpec withLayers(List<LayerSpec> enc, List<LayerSpec> dec) {
        return new ModelSpec(name, description, enc, dec, loss, variants, optimizer, training);
    }

    public ModelSpec withLoss(ReconstructionLoss l) {
        return new ModelSpec(name, description, encoder, decoder, l, variants, optimizer, training);
    }

    public ModelSpec withOptimizer(OptimizerSpec o) {
        return new ModelSpec(name, description, encoder, decoder, loss, variants, o, training);
    }

    public ModelSpec withTraining(TrainingSpec t) {
        return new ModelSpec(name, description, encoder, decoder, loss, variants, optimizer, t);
    }

    /** The same design with the code layer's width replaced (the {@code --code-size} override). */
    public ModelSpec withCodeSize(int k) {
        if (encoder.isEmpty()) {
            throw new SpecException("encoder", "the design has no code layer to resize");
        }
        List<LayerSpec> enc = new ArrayList<>(encoder);
        enc.set(enc.size() - 1, codeLayer().withUnits(k));
        return withLayers(enc, decoder);
    }
}
