package org.aeworkbench.engine.model;

import java.util.ArrayList;
import java.util.List;
import org.aeworkbench.engine.layer.DenseLayer;
import org.aeworkbench.engine.layer.Layer;
import org.aeworkbench.engine.layer.Parameter;
import org.aeworkbench.engine.loss.ReconstructionLoss;
import org.aeworkbench.engine.tensor.Shape;

/**
 * Greedy layer-wise pretraining (Bengio, Lamblin, Popovici and Larochelle, "Greedy Layer-Wise Training of
 * Deep Networks", NIPS 2007; Hinton and Salakhutdinov 2006 used RBMs; Vincent et al. 2010 stacked denoising
 * autoencoders). Encoder layer i is trained as a shallow autoencoder, {@code h_{i-1} -> h_i -> h_{i-1}}, on the
 * codes of the layers below it, for {@code stacked.pretrainEpochs} epochs; its encoder weights, and its
 * decoder weights where the full model's mirrored decoder layer has the same shape, are then copied into the
 * full model, which the trainer fine-tunes end to end.
 *
 * <p>Layer 0 reconstructs the data with the model's own loss and output layer; deeper layers reconstruct
 * the codes below them with MSE through the mirrored decoder layer (the decoder of
 * {@link ModelSpec#mirrorDecoder}, whose activation is that of the layer whose code it rebuilds). Each
 * shallow autoencoder keeps the parts of the design that apply to its layer, as each part says in
 * {@link VariantSpec#forLayerwisePretraining}: the sparsity penalty on its layer, k-sparse on the code layer,
 * the contractive penalty and tied weights on all, corruption of every layer's input.
 *
 * <p>Each layer is a stage of its own, "pretrain layer i/n"; the fine-tuning stage that follows is the
 * trainer's "fine-tune".
 */
public final class StackedPretraining implements TrainingPhase {

    private static final String PREFIX = "pretrain layer ";

    private final ModelSpec spec;
    private final int epochsPerLayer;

    StackedPretraining(ModelSpec spec, int epochsPerLayer) {
        this.spec = spec;
        this.epochsPerLayer = epochsPerLayer;
    }

    /** "pretrain layer 1/3" for layer 0 of 3. */
    public static String stageName(int layer, int layers) {
        return PREFIX + (layer + 1) + "/" + layers;
    }

    @Override
    public int epochs() {
        return spec.encoder().size() * epochsPerLayer;
    }

    @Override
    public int epochsOfStage(String stageName) {
        return stageName.startsWith(PREFIX) ? epochsPerLayer : -1;
    }

    /**
     * Trains each encoder layer as a shallow autoencoder and copies its weights into the model. Stops
     * (without copying that stage) when a stage is cancelled or diverges.
     */
    @Override
    public boolean run(PhaseContext context) {
        Autoencoder model = context.model();
        List<DenseLayer> encoder = denseEncoder(model);
        int layers = spec.encoder().size();
        Shape shape = model.inputShape();
        int n = context.trainSamples();
        int nVal = context.validationSamples();
        float[] codes = context.train();
        float[] valCodes = nVal > 0 ? context.validation() : null;
        for (int i = 0; i < layers; i++) {
            Autoencoder shallow = ModelBuilder.build(shallowSpec(spec, model.inputShape(), i), shape);
            if (!context.trainStage(stageName(i, layers), shallow, codes, valCodes, epochsPerLayer)) {
                return false;
            }
            copyInto(model, encoder, shallow, i);
            if (i + 1 < layers) {
                codes = shallow.encode(context.compute(), codes, n);
                valCodes = valCodes == null ? null : shallow.encode(context.compute(), valCodes, nVal);
                shape = Shape.vector(shallow.codeSize());
            }
        }
        return true;
    }

    /**
     * The shallow autoencoder that pretrains encoder layer {@code layer} of {@code full} (for data of shape
     * {@code input}): that layer, then the mirrored decoder layer.
     */
    public static ModelSpec shallowSpec(ModelSpec full, Shape input, int layer) {
        int layers = full.encoder().size();
        LayerSpec encoderLayer = full.encoder().get(layer);
        int width = layer == 0 ? input.size() : full.encoder().get(layer - 1).units();
        LayerSpec decoderLayer = mirroredDecoderLayer(full, layer, width);
        List<VariantSpec> parts = new ArrayList<>();
        for (VariantSpec part : full.variants()) {
            VariantSpec kept = part.forLayerwisePretraining(layer, layers);
            if (kept != null) {
                parts.add(kept);
            }
        }
        int epochs = full.variant(StackedSpec.class) == null ? full.training().epochs()
                : full.variant(StackedSpec.class).pretrainEpochs();
        return ModelSpec.of(full.name() + " " + stageName(layer, layers), List.of(encoderLayer),
                        List.of(decoderLayer), layer == 0 ? full.loss() : ReconstructionLoss.MSE)
                .withVariants(parts)
                .withOptimizer(full.optimizer())
                .withTraining(full.training().withEpochs(epochs).withSeed(full.training().seed() + 1 + layer));
    }

    /** Decoder layer n-1-i of the full design when it rebuilds {@code width} values, else a dense one like it. */
    private static LayerSpec mirroredDecoderLayer(ModelSpec full, int layer, int width) {
        int index = full.decoder().size() - 1 - layer;
        if (index >= 0 && full.decoder().get(index) instanceof DenseSpec d && d.units() == width) {
            return d;
        }
        var activation = layer == 0
                ? ((DenseSpec) full.decoder().get(full.decoder().size() - 1)).activation()
                : ((DenseSpec) full.encoder().get(layer - 1)).activation();
        return new DenseSpec(width, activation);
    }

    private static List<DenseLayer> denseEncoder(Autoencoder model) {
        List<DenseLayer> dense = new ArrayList<>();
        for (Layer l : model.encoderLayers()) {
            if (l instanceof DenseLayer d) {
                dense.add(d);
            }
        }
        if (dense.size() != model.spec().encoder().size()) {
            throw new IllegalArgumentException("greedy pretraining handles dense encoder layers only; the design '"
                    + model.spec().name() + "' has others: turn stacked pretraining off");
        }
        return dense;
    }

    /** Shallow encoder -> full encoder[i]; shallow decoder -> full decoder[n-1-i] where the shapes agree. */
    private static void copyInto(Autoencoder full, List<DenseLayer> encoder, Autoencoder shallow, int i) {
        List<Parameter> from = shallow.parameters();
        DenseLayer target = encoder.get(i);
        copy(from.get(0), target.weight());
        copy(from.get(1), target.bias());
        int d = full.decoderLayers().size() - 1 - i;
        if (d < 0) {
            return;
        }
        List<Parameter> to = full.decoderLayers().get(d).parameters();
        List<Parameter> rest = from.subList(2, from.size());
        if (to.size() == rest.size()) {
            for (int k = 0; k < to.size(); k++) {
                if (to.get(k).size() != rest.get(k).size()) {
                    return;
                }
            }
            for (int k = 0; k < to.size(); k++) {
                copy(rest.get(k), to.get(k));
            }
        }
    }

    private static void copy(Parameter from, Parameter to) {
        System.arraycopy(from.value(), 0, to.value(), 0, to.size());
    }
}
