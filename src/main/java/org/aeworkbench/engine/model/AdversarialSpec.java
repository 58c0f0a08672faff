package org.aeworkbench.engine.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.aeworkbench.engine.layer.Activation;
import org.aeworkbench.engine.layer.Parameter;
import org.aeworkbench.engine.layer.Pass;
import org.aeworkbench.engine.optim.Adam;
import org.aeworkbench.engine.optim.LearningRateSchedule;
import org.aeworkbench.engine.variant.adversarial.AdversarialRegularisation;
import org.aeworkbench.engine.variant.adversarial.CodeGenerator;
import org.aeworkbench.engine.variant.adversarial.CodePrior;
import org.aeworkbench.engine.variant.adversarial.Discriminator;
import org.aeworkbench.engine.variant.adversarial.HiddenWidths;

/**
 * Adversarial autoencoder (Makhzani, Shlens, Jaitly, Goodfellow and Frey, "Adversarial
 * Autoencoders", 2015): a discriminator learns to tell codes from draws of a chosen prior, and the
 * encoder learns to fool it, so the codes come to fill the prior's shape; decoding prior draws
 * then generates data. Each minibatch has three steps, each with its own optimiser and learning
 * rate: the design's reconstruction step, then the regularisation phase's discriminator and
 * generator steps ({@link AdversarialRegularisation}). The two adversarial learning rates follow
 * the design's learning-rate schedule, so a schedule that calms the reconstruction calms the game.
 *
 * <p>The discriminator defaults to the paper's two hidden layers of 1000 ReLU units. It lives in
 * the training run, not in the model: a model file keeps the autoencoder, and a run that continues
 * a trained model starts a fresh discriminator, which catches up within an epoch.
 *
 * @param prior             the distribution imposed on the codes
 * @param components        the mixtures' number of components (at least the number of classes for the supervised one)
 * @param discriminator     widths of the discriminator's hidden ReLU layers
 * @param discriminatorRate learning rate of the discriminator's Adam
 * @param generatorRate     learning rate of the encoder's own Adam in the generator step
 * @param discriminatorSteps k, discriminator steps per minibatch, each on fresh prior draws, before the
 *                          one generator step (Goodfellow et al. 2014, algorithm 1); the paper's 1 by
 *                          default, 3 in the presets ({@link AdversarialRegularisation})
 */
public record AdversarialSpec(CodePrior prior, int components, HiddenWidths discriminator, double discriminatorRate,
                              double generatorRate, int discriminatorSteps) implements VariantSpec {

    public static final int DEFAULT_COMPONENTS = 10;
    public static final HiddenWidths PAPER_DISCRIMINATOR = HiddenWidths.of(1000, 1000);
    /**
     * The rates of the presets' discriminator and (Gaussian prior) generator, both on the design's
     * cosine schedule. On aae-gaussian a generator rate 5 times smaller ended the swings of the game
     * but left the codes 0.46 off N(0, I)'s mean (Presets#adversarial, docs/variants.md).
     */
    public static final double DEFAULT_DISCRIMINATOR_RATE = 1e-3;
    public static final double DEFAULT_GENERATOR_RATE = 1e-3;

    /**
     * Adam's first-moment decay for the discriminator and generator steps: 0.5, as Radford, Metz
     * and Chintala found steadier for adversarial training ("Unsupervised Representation Learning
     * with Deep Convolutional Generative Adversarial Networks", 2015, section 4) than the usual 0.9.
     */
    static final float ADVERSARIAL_BETA1 = 0.5f;

    public static final VariantType<AdversarialSpec> TYPE = new VariantType<>("adversarial", AdversarialSpec.class,
            "Adversarial",
            Map.of("prior", "gaussian: N(0, I); mixture: 10 Gaussians on a circle (2-D); swiss-roll (2-D);"
                            + " supervised-mixture: class c to component c (needs labels)",
                    "components", "Components of the mixture priors",
                    "discriminator", "Widths of the discriminator's hidden ReLU layers, e.g. 1000, 1000",
                    "discriminatorRate", "Learning rate of the discriminator step (Adam)",
                    "generatorRate", "Learning rate of the generator step on the encoder (Adam)",
                    "discriminatorSteps", "Discriminator steps per minibatch, each on fresh prior draws, before the"
                            + " generator step (keeps the discriminator abreast of the encoder)"),
            List.of(new VariantType.Choice("Adversarial (AAE)", "A discriminator learns to tell codes from draws of a"
                    + " prior and the encoder learns to fool it, so the codes fill the prior's shape (Makhzani et al."
                    + " 2015).",
                    "min \u2113(x, g(f(x))),   min_D \u2212log D(z\u209a) \u2212 log(1 \u2212 D(f(x))),"
                            + "   min_f \u2212log D(f(x)),   z\u209a ~ p(z)",
                    AdversarialSpec::choose)),
            6);

    public AdversarialSpec {
        prior = prior == null ? CodePrior.GAUSSIAN : prior;
        discriminator = discriminator == null ? PAPER_DISCRIMINATOR : discriminator;
    }

    /** With one discriminator step per minibatch, as the paper. */
    public AdversarialSpec(CodePrior prior, int components, HiddenWidths discriminator, double discriminatorRate,
                           double generatorRate) {
        this(prior, components, discriminator, discriminatorRate, generatorRate, 1);
    }

    /** The paper's discriminator, this file's learning rates and one discriminator step, with {@code prior}. */
    public static AdversarialSpec of(CodePrior prior) {
        return new AdversarialSpec(prior, DEFAULT_COMPONENTS, PAPER_DISCRIMINATOR, DEFAULT_DISCRIMINATOR_RATE,
                DEFAULT_GENERATOR_RATE);
    }

    /** This spec with {@code k} discriminator steps per minibatch. */
    public AdversarialSpec withDiscriminatorSteps(int k) {
        return new AdversarialSpec(prior, components, discriminator, discriminatorRate, generatorRate, k);
    }

    /** Settings a spec file leaves out take their defaults. */
    @JsonCreator
    static AdversarialSpec fromJson(@JsonProperty("prior") CodePrior prior, @JsonProperty("components") Integer components,
                                    @JsonProperty("discriminator") HiddenWidths discriminator,
                                    @JsonProperty("discriminatorRate") Double discriminatorRate,
                                    @JsonProperty("generatorRate") Double generatorRate,
                                    @JsonProperty("discriminatorSteps") Integer discriminatorSteps) {
        return new AdversarialSpec(prior, components == null ? DEFAULT_COMPONENTS : components, discriminator,
                discriminatorRate == null ? DEFAULT_DISCRIMINATOR_RATE : discriminatorRate,
                generatorRate == null ? DEFAULT_GENERATOR_RATE : generatorRate, discriminatorSteps == null ? 1 : discriminatorSteps);
    }

    /**
     * The designer's choice: a Gaussian prior, a linear code (the prior spans negative and positive
     * values), and none of the other code regularisers, which the prior replaces.
     */
    private static ModelSpec choose(ModelSpec s) {
        ModelSpec spec = s.without(VariationalSpec.class).without(KSparseSpec.class).without(SparsitySpec.class)
                .without(ContractiveSpec.class);
        if (spec.codeLayer() instanceof DenseSpec code && code.activation() != Activation.IDENTITY) {
            List<LayerSpec> encoder = new ArrayList<>(spec.encoder());
            encoder.set(encoder.size() - 1, new DenseSpec(code.units(), Activation.IDENTITY));
            spec = spec.withLayers(encoder, spec.decoder());
        }
        return spec.with(of(CodePrior.GAUSSIAN));
    }

    @Override
    public VariantType<?> type() {
        return TYPE;
    }

    /** The chosen prior, to sample from and to draw behind the codes. */
    @Override
    public CodeDistribution codeDistribution() {
        return new CodeDistribution() {
            @Override
            public String description() {
                return prior.description(components);
            }

            @Override
            public boolean standardNormal() {
                return prior == CodePrior.GAUSSIAN;
            }

            @Override
            public float[] sample(int n, int width, SplittableRandom random) {
                float[] z = new float[n * width];
                prior.sample(random, n, width, components, z, null);
                return z;
            }
        };
    }

    @Override
    public void validate(SpecCheck check) {
        ModelSpec spec = check.spec();
        if (!(spec.codeLayer() instanceof DenseSpec code)) {
            check.problem("encoder", "an adversarial autoencoder needs a dense code layer");
        } else if (code.activation() != Activation.IDENTITY) {
            check.problem("encoder[" + check.codeIndex() + "].activation", "the prior spans negative and positive"
                    + " values, which a " + code.activation().id() + " code cannot reach: make the code layer linear (identity)");
        }
        if (prior.planar() && check.codeWidth() != 2) {
            check.problem("adversarial.prior", "the " + prior.id() + " prior lives in the plane: make the code 2 units"
                    + " wide, or choose the gaussian prior");
        }
        if (prior.mixture() && (components < 2 || components > 1000)) {
            check.problem("adversarial.components", "a mixture needs between 2 and 1000 components");
        }
        if (discriminator.widths().isEmpty() || discriminator.widths().stream().anyMatch(w -> w < 1)) {
            check.problem("adversarial.discriminator", "the discriminator needs at least one hidden layer, each"
                    + " of at least 1 unit (the paper's: 1000, 1000)");
        }
        if (!(discriminatorRate > 0) || Double.isInfinite(discriminatorRate)) {
            check.problem("adversarial.discriminatorRate", "the discriminator's learning rate must be a positive number");
        }
        if (!(generatorRate > 0) || Double.isInfinite(generatorRate)) {
            check.problem("adversarial.generatorRate", "the generator's learning rate must be a positive number");
        }
        if (discriminatorSteps < 1 || discriminatorSteps > 100) {
            check.problem("adversarial.discriminatorSteps", "take between 1 (the paper's) and 100 discriminator steps"
                    + " per minibatch, e.g. 3");
        }
        for (var other : List.of(VariationalSpec.TYPE, KSparseSpec.TYPE, SparsitySpec.TYPE, ContractiveSpec.TYPE)) {
            if (spec.variants().stream().anyMatch(p -> p.type() == other)) {
                check.problem(other.id(), "the adversarial prior is this design's code regulariser: remove "
                        + other.category().toLowerCase(java.util.Locale.ROOT) + ", or the adversarial part");
            }
        }
    }

    @Override
    public String labelsProblem(int[] labels) {
        if (!prior.supervised()) {
            return null;
        }
        if (labels == null) {
            return "the supervised-mixture prior puts each class on its own component, so it needs class labels:"
                    + " train on labelled data, or choose the mixture prior";
        }
        int max = -1;
        for (int label : labels) {
            max = Math.max(max, label);
        }
        if (max >= components) {
            return "the data has " + (max + 1) + " classes but the mixture has " + components
                    + " components: set adversarial.components to at least " + (max + 1);
        }
        return null;
    }

    /**
     * The discriminator's values, gradients and two Adam moments; the generator step's two Adam
     * moments over the encoder's parameters; and the discriminator's passes over a batch of codes and
     * a batch of prior draws (each layer's outputs and their gradients, with the one-hot classes and
     * the draws themselves), counted twice for the arrays the steps keep between them.
     */
    @Override
    public long trainingBytes(ModelSpec spec, List<LayerRow> rows, int batch) {
        int in = AdversarialRegularisation.discriminatorInput(prior, spec.codeSize(), components);
        long parameters = 0;
        long widths = in + 1;
        int previous = in;
        for (int w : discriminator.widths()) {
            parameters += (long) previous * w + w;
            widths += w;
            previous = w;
        }
        parameters += previous + 1;
        long encoder = 0;
        for (LayerRow r : rows) {
            if (r.field().startsWith("encoder[")) {
                encoder += r.parameters();
            }
        }
        long pass = 2L * (2L * batch) * widths * 2;
        return (4 * parameters + 2 * encoder + pass) * Float.BYTES;
    }

    /** The discriminator and generator steps, with fresh optimisers and a discriminator drawn from the seed. */
    @Override
    public MinibatchStep minibatchStep(Autoencoder model) {
        int width = model.codeSize();
        Discriminator d = new Discriminator(AdversarialRegularisation.discriminatorInput(prior, width, components),
                discriminator.widths(), model.spec().training().seed() * 31 + 17);
        AdversarialRegularisation phase = new AdversarialRegularisation(encoderOf(model), prior, components, d,
                new Adam(ADVERSARIAL_BETA1, 0.999f, 1e-8f), discriminatorRate,
                new Adam(ADVERSARIAL_BETA1, 0.999f, 1e-8f), generatorRate, discriminatorSteps);
        LearningRateSchedule schedule = model.spec().optimizer().schedule();
        return new MinibatchStep() {
            @Override
            public void step(float[] x, int[] labels, int samples, Pass pass, int epoch, int epochs,
                             Map<String, Double> metrics) {
                phase.step(x, labels, samples, pass, schedule.factor(epoch, epochs), metrics);
            }

            @Override
            public void reset() {
                phase.reset();
            }

            @Override
            public String warning() {
                return phase.warning();
            }
        };
    }

    /** The model's encoder as the generator of codes. */
    public static CodeGenerator encoderOf(Autoencoder model) {
        List<Parameter> parameters = model.encoderParameters();
        return new CodeGenerator() {
            @Override
            public int codeWidth() {
                return model.codeSize();
            }

            @Override
            public float[] forward(float[] x, int n, Pass pass) {
                return model.forwardEncoder(x, n, pass);
            }

            @Override
            public void backward(float[] gradCodes, int n) {
                model.backwardFromCodes(gradCodes, n);
            }

            @Override
            public List<Parameter> parameters() {
                return parameters;
            }
        };
    }
}
