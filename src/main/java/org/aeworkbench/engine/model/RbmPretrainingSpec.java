package org.aeworkbench.engine.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import org.aeworkbench.engine.layer.Activation;
import org.aeworkbench.engine.variant.rbm.ContrastiveDivergence;

/**
 * Pretraining as a deep belief network (Hinton and Salakhutdinov, "Reducing the Dimensionality of
 * Data with Neural Networks", Science 313, 2006): each encoder layer pair is first trained as a
 * restricted Boltzmann machine by contrastive divergence (Hinton 2002) on the hidden activities of
 * the machine below; the stack is then unrolled into encoder and decoder, the decoder starting
 * from the transposed weights, and the whole autoencoder fine-tuned by backpropagation. The phase
 * is {@link RbmPretraining}.
 *
 * <p>Hidden layers have logistic (Bernoulli) units; the code layer has Bernoulli units when it is
 * a sigmoid layer and Gaussian units of unit variance when it is linear, as in the paper. The
 * defaults are the paper's code's: CD-1, learning rate 0.1 (0.001 for the Gaussian machine, a
 * hundredth, as the code has it), momentum 0.9 (0.5 for the first five epochs), weight cost 0.0002.
 * The paper ran 50 epochs per layer on 60,000 images; the default here is 10.
 *
 * @param cdSteps        k of CD-k
 * @param learningRate   the Bernoulli machines' learning rate; the Gaussian one uses a hundredth of it
 * @param momentum       momentum after the first five epochs of each machine (0.5 before)
 * @param weightDecay    L2 weight cost
 * @param epochsPerLayer epochs of contrastive divergence per machine
 */
public record RbmPretrainingSpec(int cdSteps, double learningRate, double momentum, double weightDecay,
                                 int epochsPerLayer) implements VariantSpec {

    public static final RbmPretrainingSpec PAPER = new RbmPretrainingSpec(1, 0.1, 0.9, 2e-4, 10);

    /** How much smaller the Gaussian machine's learning rate is (rbmhidlinear.m: 0.001 against rbm.m's 0.1). */
    public static final double GAUSSIAN_RATE_FACTOR = 0.01;

    /** Epochs at the start of each machine with momentum 0.5, as in the paper's code. */
    public static final int SLOW_START_EPOCHS = 5;

    public static final VariantType<RbmPretrainingSpec> TYPE = new VariantType<>("rbmPretraining",
            RbmPretrainingSpec.class, "RBM pretraining",
            Map.of("cdSteps", "k of CD-k: Gibbs steps per update (1 in the paper)",
                    "learningRate", "Learning rate of the logistic RBMs; the linear code RBM uses a hundredth",
                    "momentum", "Momentum after each RBM's first 5 epochs (0.5 before them)",
                    "weightDecay", "L2 weight cost of contrastive divergence",
                    "epochsPerLayer", "Epochs of contrastive divergence per RBM before fine-tuning"),
            List.of(new VariantType.Choice("Deep belief net (RBM pretraining)", "Each layer pair is first trained as a"
                    + " restricted Boltzmann machine by contrastive divergence, then the stack is unrolled and"
                    + " fine-tuned (Hinton and Salakhutdinov 2006).",
                    "layer l: CD-k on p(h\u2097\u208b\u2081, h\u2097) \u221d e^(\u2212E),   then fine-tune L = \u2113(x, x\u0302)",
                    RbmPretrainingSpec::choose)),
            5);

    /** Settings a spec file leaves out take the paper's values. */
    @JsonCreator
    static RbmPretrainingSpec fromJson(@JsonProperty("cdSteps") Integer cdSteps,
                                       @JsonProperty("learningRate") Double learningRate,
                                       @JsonProperty("momentum") Double momentum,
                                       @JsonProperty("weightDecay") Double weightDecay,
                                       @JsonProperty("epochsPerLayer") Integer epochsPerLayer) {
        return new RbmPretrainingSpec(cdSteps == null ? PAPER.cdSteps : cdSteps,
                learningRate == null ? PAPER.learningRate : learningRate,
                momentum == null ? PAPER.momentum : momentum,
                weightDecay == null ? PAPER.weightDecay : weightDecay,
                epochsPerLayer == null ? PAPER.epochsPerLayer : epochsPerLayer);
    }

    /**
     * The designer's choice: the paper's settings on a logistic stack. A dense encoder's hidden
     * layers become sigmoid and its code linear (Gaussian units) unless it is sigmoid already, and
     * the decoder becomes its logistic mirror, which the RBMs unroll into; the other pretraining
     * and a VAE's sampled code are removed.
     */
    private static ModelSpec choose(ModelSpec s) {
        ModelSpec spec = s.without(StackedSpec.class).without(VariationalSpec.class).with(PAPER);
        List<LayerSpec> enc = spec.encoder();
        if (enc.isEmpty() || spec.decoder().isEmpty() || enc.stream().anyMatch(l -> !(l instanceof DenseSpec))) {
            return spec;
        }
        List<LayerSpec> logistic = new java.util.ArrayList<>();
        for (int i = 0; i < enc.size(); i++) {
            DenseSpec d = (DenseSpec) enc.get(i);
            boolean code = i == enc.size() - 1;
            logistic.add(new DenseSpec(d.units(), code && d.activation() != Activation.SIGMOID ? Activation.IDENTITY
                    : Activation.SIGMOID));
        }
        int inputs = spec.decoder().get(spec.decoder().size() - 1).units();
        return spec.withLayers(logistic, ModelSpec.mirrorDecoder(logistic, inputs, Activation.SIGMOID));
    }

    @Override
    public VariantType<?> type() {
        return TYPE;
    }

    /** The update of a Gaussian or a Bernoulli machine at its 0-based epoch. */
    public ContrastiveDivergence update(boolean gaussian, int epoch) {
        return new ContrastiveDivergence(cdSteps, gaussian ? learningRate * GAUSSIAN_RATE_FACTOR : learningRate,
                epoch < SLOW_START_EPOCHS ? Math.min(0.5, momentum) : momentum, weightDecay);
    }

    @Override
    public void validate(SpecCheck check) {
        ModelSpec spec = check.spec();
        if (cdSteps < 1) {
            check.problem("rbmPretraining.cdSteps", "contrastive divergence needs at least 1 Gibbs step");
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            check.problem("rbmPretraining.learningRate", "the learning rate must be a positive number");
        }
        if (!(momentum >= 0 && momentum < 1)) {
            check.problem("rbmPretraining.momentum", "momentum must lie in [0, 1)");
        }
        if (!(weightDecay >= 0)) {
            check.problem("rbmPretraining.weightDecay", "the weight cost must be >= 0");
        }
        if (epochsPerLayer < 1) {
            check.problem("rbmPretraining.epochsPerLayer", "each RBM needs at least 1 epoch");
        }
        if (spec.has(StackedSpec.class)) {
            check.problem("stacked", "choose one pretraining: RBMs or shallow autoencoders (stacked), not both");
        }
        if (spec.has(VariationalSpec.class)) {
            check.problem("variational", "RBM pretraining is for deterministic encoders: turn it off for a VAE");
        }
        List<LayerSpec> enc = spec.encoder();
        List<LayerSpec> dec = spec.decoder();
        for (int i = 0; i < enc.size(); i++) {
            if (!(enc.get(i) instanceof DenseSpec d)) {
                check.problem("encoder[" + i + "]", "RBM pretraining needs dense layers: make this layer dense");
            } else if (d.activation() != Activation.SIGMOID && !(i == enc.size() - 1 && d.activation() == Activation.IDENTITY)) {
                check.problem("encoder[" + i + "].activation", i == enc.size() - 1
                        ? "an RBM's hidden units are logistic (sigmoid) or, for the code, Gaussian (identity)"
                        : "an RBM's hidden units are logistic: make this layer sigmoid");
            }
        }
        if (dec.size() != enc.size()) {
            check.problem("decoder", "the RBMs unroll into a decoder that mirrors the encoder (" + enc.size()
                    + " layers each side): use Mirror encoder");
            return;
        }
        for (int i = 0; i < dec.size(); i++) {
            int expected = i == dec.size() - 1 ? check.input().size() : enc.get(enc.size() - 2 - i).units();
            if (!(dec.get(i) instanceof DenseSpec d)) {
                check.problem("decoder[" + i + "]", "RBM pretraining unrolls into dense layers: make this layer dense");
            } else if (d.units() != expected) {
                check.problem("decoder[" + i + "].units", "the unrolled decoder mirrors the encoder: this layer"
                        + " needs " + expected + " units");
            } else if (d.activation() != Activation.SIGMOID) {
                check.problem("decoder[" + i + "].activation", "an RBM's visible units are logistic: make this layer sigmoid");
            }
        }
    }

    @Override
    public TrainingPhase trainingPhase(ModelSpec spec) {
        return new RbmPretraining(spec, this);
    }
}
