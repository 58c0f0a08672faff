package org.aeworkbench.engine.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import org.aeworkbench.engine.layer.Activation;
import org.aeworkbench.engine.layer.DenseLayer;
import org.aeworkbench.engine.layer.Layer;
import org.aeworkbench.engine.tensor.Shape;
import org.aeworkbench.engine.variant.GaussianSampleLayer;

/**
 * Variational autoencoder (Kingma and Welling, "Auto-Encoding Variational Bayes", ICLR 2014): the
 * code layer emits a mean and a log-variance per latent dimension, sampled by reparameterisation
 * ({@link GaussianSampleLayer}); the loss adds beta * KL(q(z|x) || N(0, I)) (beta-VAE, Higgins et
 * al. 2017, when beta != 1).
 *
 * @param beta         weight of the KL term
 * @param warmupEpochs epochs over which the KL weight rises linearly from 0 to beta (KL annealing,
 *                     Bowman et al. 2016; Sonderby et al. 2016), which keeps the KL from collapsing
 *                     the code or exploding early; 0 for the full weight from the start
 */
public record VariationalSpec(double beta, int warmupEpochs) implements VariantSpec {

    public static final VariantType<VariationalSpec> TYPE = new VariantType<>("variational", VariationalSpec.class,
            "Variational",
            Map.of("beta", "Weight of the KL term (\u03b2-VAE when not 1)",
                    "warmupEpochs", "Epochs over which the KL weight rises from 0 to \u03b2 (KL annealing; 0 = none)"),
            List.of(new VariantType.Choice("Variational (VAE)", "The code is a distribution N(\u03bc, \u03c3\u00b2)"
                    + " sampled by reparameterisation and pulled towards N(0, I): a latent space to sample from"
                    + " (Kingma and Welling 2014).",
                    "L = \u2113(x, x\u0302) + \u03b2 KL(q(z|x) \u2016 N(0, I)),   z = \u03bc + \u03c3 \u2299 \u03b5,"
                            + "   \u03b5 ~ N(0, I)",
                    s -> s.with(new VariationalSpec(1.0)).without(TiedWeightsSpec.class))),
            6);

    /** From a spec file: beta 1, the VAE of Kingma and Welling, and no warm-up where the file says nothing. */
    @JsonCreator
    static VariationalSpec fromJson(@JsonProperty("beta") Double beta, @JsonProperty("warmupEpochs") Integer warmupEpochs) {
        return new VariationalSpec(beta == null ? 1.0 : beta, warmupEpochs == null ? 0 : warmupEpochs);
    }

    public VariationalSpec(double beta) {
        this(beta, 0);
    }

    /** The codes are pulled towards N(0, I), which can be sampled and decoded. */
    @Override
    public CodeDistribution codeDistribution() {
        return CodeDistribution.STANDARD_NORMAL;
    }

    @Override
    public VariantType<?> type() {
        return TYPE;
    }

    /** Its own settings, and the parts a sampled code cannot be combined with. */
    @Override
    public void validate(SpecCheck check) {
        ModelSpec spec = check.spec();
        if (!(spec.codeLayer() instanceof DenseSpec)) {
            check.problem("encoder", "a VAE needs a dense code layer for its mean and log-variance");
        }
        if (!(beta >= 0)) {
            check.problem("variational.beta", "beta must be a number >= 0");
        }
        if (warmupEpochs < 0) {
            check.problem("variational.warmupEpochs", "KL warm-up must be 0 (none) or a number of epochs");
        }
        if (spec.has(StackedSpec.class)) {
            check.problem("stacked", "greedy layer-wise pretraining is for deterministic encoders:"
                    + " turn it off for a VAE");
        }
        if (spec.has(KSparseSpec.class)) {
            check.problem("kSparse", "a VAE's latent code is sampled, not k-sparse: remove one of them");
        }
        if (spec.has(TiedWeightsSpec.class)) {
            check.problem("tiedWeights", "a VAE's code layer emits a mean and a log-variance, so the"
                    + " decoder cannot use its transpose: untie the weights");
        }
        if (spec.has(ContractiveSpec.class)) {
            check.problem("contractive", "the contractive penalty is for deterministic encoders:"
                    + " remove it for a VAE (the KL term already regularises the code)");
        }
    }

    /** A linear layer with a mean and a log-variance per latent unit. */
    @Override
    public Layer buildCodeLayer(Assembly assembly, String name, Shape input) {
        return new DenseLayer(name, input, 2 * assembly.spec().codeSize(), Activation.IDENTITY);
    }

    @Override
    public void addStagesAfter(Assembly assembly, int index) {
        if (index == assembly.spec().encoder().size() - 1) {
            assembly.add(new GaussianSampleLayer(assembly.spec().codeSize(), beta, warmupEpochs));
        }
    }

    /** The code layer's log-variance half: as many weights again as its mean half. */
    @Override
    public long extraParameters(ModelSpec spec, List<LayerRow> rows) {
        if (spec.codeLayer() instanceof DenseSpec code) {
            LayerRow codeRow = rows.get(spec.encoder().size() - 1);
            if (codeRow.input() != null) {
                return code.parameterCount(codeRow.input());
            }
        }
        return 0;
    }
}
