package org.aeworkbench.engine.variant;

import java.util.ArrayList;
import java.util.List;
import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.layer.DenseLayer;
import org.aeworkbench.engine.layer.Layer;
import org.aeworkbench.engine.layer.Parameter;
import org.aeworkbench.engine.loss.ReconstructionLoss;
import org.aeworkbench.engine.model.Autoencoder;
import org.aeworkbench.engine.model.DenseSpec;
import org.aeworkbench.engine.model.LayerSpec;
import org.aeworkbench.engine.model.ModelBuilder;
import org.aeworkbench.engine.model.ModelSpec;
import org.aeworkbench.engine.model.NoiseSpec;
import org.aeworkbench.engine.model.SparsitySpec;
import org.aeworkbench.engine.tensor.Shape;
import org.aeworkbench.engine.train.Trainer;
import org.aeworkbench.engine.train.TrainingControl;
import org.aeworkbench.engine.train.TrainingListener;
import org.aeworkbench.engine.train.TrainingResult;

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
 * shallow autoencoder keeps the design's variant where it applies to that layer: the sparsity penalty on
 * its layer, k-sparse on the code layer, the contractive penalty and tied weights on all. Corruption applies
 * to every layer's input, as in stacked denoising autoencoders, except that deeper codes are not clipped to
 * [0, 1] and patch corruption (which needs an image) applies to layer 0 only.
 *
 * <p>Each stage is a separate {@link Trainer#fit} labelled "pretrain layer i/n"; the fine-tuning stage that
 * follows is "fine-tune", index n.
 */
public final class StackedPretraining {

    /** Name of the stage after pretraining. */
    public static final String FINE_TUNE = "fine-tune";

    private StackedPretraining() {
    }

    /**
     * How a stacked run ended.
     *
     * @param pretraining one result per pretrained layer (fewer if a stage stopped the run)
     * @param fineTuning  the fine-tuning result, or null when pretraining was cancelled or diverged
     */
    public record Result(List<TrainingResult> pretraining, TrainingResult fineTuning) {
        public Result {
            pretraining = List.copyOf(pretraining);
        }
    }

    /** "pretrain layer 1/3" for layer 0 of 3. */
    public static String stageName(int layer, int layers) {
        return "pretrain layer " + (layer + 1) + "/" + layers;
    }

    /** Stage index of the fine-tuning after pretraining: the number of encoder layers. */
    public static int fineTuneStage(ModelSpec spec) {
        return spec.encoder().size();
    }

    /** Pretrains every encoder layer, then fine-tunes the whole model for the spec's epochs. */
    public static Result fit(Autoencoder model, Compute compute, float[] train, int nTrain, float[] val, int nVal,
                             TrainingControl control, TrainingListener listener) {
        List<TrainingResult> stages = pretrain(model, compute, train, nTrain, val, nVal, control, listener);
        if (stages.size() < model.spec().encoder().size() || !usable(stages.get(stages.size() - 1))) {
            return new Result(stages, null);
        }
        Trainer trainer = new Trainer(model, compute);
        trainer.setStage(fineTuneStage(model.spec()), FINE_TUNE);
        return new Result(stages, trainer.fit(train, nTrain, val, nVal, control, listener));
    }

    /**
     * Trains each encoder layer as a shallow autoencoder and copies its weights into {@code model}. Stops early
     * (without copying that stage) if a stage is cancelled or diverges; the last result says which.
     */
    public static List<TrainingResult> pretrain(Autoencoder model, Compute compute, float[] train, int nTrain,
                                                float[] val, int nVal, TrainingControl control,
                                                TrainingListener listener) {
        ModelSpec spec = model.spec();
        if (spec.stacked() == null) {
            throw new IllegalArgumentException("the design '" + spec.name() + "' has no stacked part: set"
                    + " stacked.pretrainEpochs to pretrain it");
        }
        List<DenseLayer> encoder = denseEncoder(model);
        int layers = spec.encoder().size();
        List<TrainingResult> results = new ArrayList<>();
        Shape shape = model.inputShape();
        float[] codes = train;
        float[] valCodes = nVal > 0 ? val : null;
        for (int i = 0; i < layers; i++) {
            Autoencoder shallow = ModelBuilder.build(shallowSpec(spec, model.inputShape(), i), shape);
            Trainer trainer = new Trainer(shallow, compute);
            trainer.setStage(i, stageName(i, layers));
            TrainingResult result = trainer.fit(codes, nTrain, valCodes, valCodes == null ? 0 : nVal,
                    spec.stacked().pretrainEpochs(), control, listener);
            results.add(result);
            if (!usable(result)) {
                break;
            }
            copyInto(model, encoder, shallow, i, layers);
            if (i + 1 < layers) {
                codes = shallow.encode(compute, codes, nTrain);
                valCodes = valCodes == null ? null : shallow.encode(compute, valCodes, nVal);
                shape = Shape.vector(shallow.codeSize());
            }
        }
        return results;
    }

    private static boolean usable(TrainingResult r) {
        return r.status() == TrainingResult.Status.COMPLETED || r.status() == TrainingResult.Status.EARLY_STOPPED;
    }

    /**
     * The shallow autoencoder that pretrains encoder layer {@code layer} of {@code full} (for data of shape
     * {@code input}): that layer, then the mirrored decoder layer.
     */
    static ModelSpec shallowSpec(ModelSpec full, Shape input, int layer) {
        int layers = full.encoder().size();
        LayerSpec encoderLayer = full.encoder().get(layer);
        int width = layer == 0 ? input.size() : full.encoder().get(layer - 1).units();
        LayerSpec decoderLayer = mirroredDecoderLayer(full, layer, width);
        ModelSpec s = ModelSpec.of(full.name() + " " + stageName(layer, layers), List.of(encoderLayer),
                        List.of(decoderLayer), layer == 0 ? full.loss() : ReconstructionLoss.MSE)
                .withTiedWeights(full.tiedWeights())
                .withContractive(full.contractive())
                .withOptimizer(full.optimizer())
                .withTraining(full.training().withEpochs(full.stacked().pretrainEpochs())
                        .withSeed(full.training().seed() + 1 + layer));
        SparsitySpec sparsity = full.sparsity();
        if (sparsity != null && (sparsity.layer() < 0 ? layers - 1 : sparsity.layer()) == layer) {
            s = s.withSparsity(new SparsitySpec(sparsity.kind(), sparsity.weight(), sparsity.rho(), -1));
        }
        if (layer == layers - 1) {
            s = s.withKSparse(full.kSparse());
        }
        NoiseSpec noise = full.noise();
        if (noise != null && layer == 0) {
            s = s.withNoise(noise);
        } else if (noise != null && noise.kind() != NoiseSpec.Kind.PATCH) {
            s = s.withNoise(new NoiseSpec(noise.kind(), noise.level(), false));
        }
        return s;
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
    private static void copyInto(Autoencoder full, List<DenseLayer> encoder, Autoencoder shallow, int i, int layers) {
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
