package org.aeworkbench.engine.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;
import org.aeworkbench.engine.layer.Activation;
import org.aeworkbench.engine.loss.ReconstructionLoss;
import org.aeworkbench.engine.optim.OptimizerSpec;
import org.aeworkbench.engine.tensor.Shape;

/**
 * A complete autoencoder design, as saved in a {@code .json} model spec: the layer stack, the
 * variant's parts (each null when unused, so variants combine), the loss, the optimiser and
 * the training settings. Immutable; every edit makes a new spec, which keeps undo trivial.
 *
 * @param name        short name ("reference", "my-sparse-ae")
 * @param description one line shown in menus
 * @param encoder     encoder layers; the last one is the code layer
 * @param decoder     decoder layers; the last one must reproduce the input's size
 * @param loss        reconstruction loss
 * @param tiedWeights decoder dense layers use the transposed encoder weights
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelSpec(String name, String description, List<LayerSpec> encoder, List<LayerSpec> decoder,
                        ReconstructionLoss loss, boolean tiedWeights, SparsitySpec sparsity, KSparseSpec kSparse,
                        NoiseSpec noise, ContractiveSpec contractive, VariationalSpec variational,
                        StackedSpec stacked, OptimizerSpec optimizer, TrainingSpec training) {

    public ModelSpec {
        name = name == null ? "untitled" : name;
        description = description == null ? "" : description;
        encoder = encoder == null ? List.of() : List.copyOf(encoder);
        decoder = decoder == null ? List.of() : List.copyOf(decoder);
        loss = loss == null ? ReconstructionLoss.MSE : loss;
        optimizer = optimizer == null ? OptimizerSpec.adam(1e-3) : optimizer;
        training = training == null ? TrainingSpec.defaults() : training;
    }

    /** A plain design with default optimiser and training settings. */
    public static ModelSpec of(String name, List<LayerSpec> encoder, List<LayerSpec> decoder, ReconstructionLoss loss) {
        return new ModelSpec(name, "", encoder, decoder, loss, false, null, null, null, null, null, null, null, null);
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

    /** The whole stack, encoder then decoder. */
    @JsonIgnore
    public List<LayerSpec> layers() {
        List<LayerSpec> all = new ArrayList<>(encoder);
        all.addAll(decoder);
        return all;
    }

    public ModelSpec withName(String n) {
        return new ModelSpec(n, description, encoder, decoder, loss, tiedWeights, sparsity, kSparse, noise,
                contractive, variational, stacked, optimizer, training);
    }

    public ModelSpec withLayers(List<LayerSpec> enc, List<LayerSpec> dec) {
        return new ModelSpec(name, description, enc, dec, loss, tiedWeights, sparsity, kSparse, noise,
                contractive, variational, stacked, optimizer, training);
    }

    public ModelSpec withLoss(ReconstructionLoss l) {
        return new ModelSpec(name, description, encoder, decoder, l, tiedWeights, sparsity, kSparse, noise,
                contractive, variational, stacked, optimizer, training);
    }

    public ModelSpec withTiedWeights(boolean tied) {
        return new ModelSpec(name, description, encoder, decoder, loss, tied, sparsity, kSparse, noise,
                contractive, variational, stacked, optimizer, training);
    }

    public ModelSpec withSparsity(SparsitySpec s) {
        return new ModelSpec(name, description, encoder, decoder, loss, tiedWeights, s, kSparse, noise,
                contractive, variational, stacked, optimizer, training);
    }

    public ModelSpec withKSparse(KSparseSpec k) {
        return new ModelSpec(name, description, encoder, decoder, loss, tiedWeights, sparsity, k, noise,
                contractive, variational, stacked, optimizer, training);
    }

    public ModelSpec withNoise(NoiseSpec n) {
        return new ModelSpec(name, description, encoder, decoder, loss, tiedWeights, sparsity, kSparse, n,
                contractive, variational, stacked, optimizer, training);
    }

    public ModelSpec withContractive(ContractiveSpec c) {
        return new ModelSpec(name, description, encoder, decoder, loss, tiedWeights, sparsity, kSparse, noise,
                c, variational, stacked, optimizer, training);
    }

    public ModelSpec withVariational(VariationalSpec v) {
        return new ModelSpec(name, description, encoder, decoder, loss, tiedWeights, sparsity, kSparse, noise,
                contractive, v, stacked, optimizer, training);
    }

    public ModelSpec withStacked(StackedSpec s) {
        return new ModelSpec(name, description, encoder, decoder, loss, tiedWeights, sparsity, kSparse, noise,
                contractive, variational, s, optimizer, training);
    }

    public ModelSpec withOptimizer(OptimizerSpec o) {
        return new ModelSpec(name, description, encoder, decoder, loss, tiedWeights, sparsity, kSparse, noise,
                contractive, variational, stacked, o, training);
    }

    public ModelSpec withTraining(TrainingSpec t) {
        return new ModelSpec(name, description, encoder, decoder, loss, tiedWeights, sparsity, kSparse, noise,
                contractive, variational, stacked, optimizer, t);
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
