package org.aeworkbench.ui.design;

import java.util.function.UnaryOperator;
import org.aeworkbench.engine.model.ContractiveSpec;
import org.aeworkbench.engine.model.KSparseSpec;
import org.aeworkbench.engine.model.ModelSpec;
import org.aeworkbench.engine.model.NoiseSpec;
import org.aeworkbench.engine.model.SparsitySpec;
import org.aeworkbench.engine.model.StackedSpec;
import org.aeworkbench.engine.model.VariationalSpec;

/**
 * The autoencoder variants the chooser offers, each with a sentence saying what it does, its
 * objective in Unicode (legible without a math renderer), and the parts it sets on a spec with
 * the literature's default parameters. The spec itself can combine parts (a preset or a file
 * may); choosing a variant here replaces all of them with this one.
 */
public enum Variant {

    PLAIN("Plain", "Encoder f and decoder g trained to reproduce the input through a narrow code.",
            "L = \u2113(x, g(f(x)))",
            s -> s),
    SPARSE_L1("Sparse (L1)", "An L1 penalty on the code's activations keeps most of them at zero"
            + " (the Keras blog's sparse autoencoder).",
            "L = \u2113(x, x\u0302) + \u03bb \u03a3\u2c7c |h\u2c7c|",
            s -> s.withSparsity(new SparsitySpec(SparsitySpec.Kind.L1, 1e-3, 0, -1))),
    SPARSE_KL("Sparse (KL)", "Each code unit's mean activation \u03c1\u0302\u2c7c is pulled towards a small"
            + " target \u03c1 (Ng, CS294A notes). Needs sigmoid code units.",
            "L = \u2113(x, x\u0302) + \u03b2 \u03a3\u2c7c KL(\u03c1 \u2016 \u03c1\u0302\u2c7c),   KL(\u03c1\u2016\u03c1\u0302) = \u03c1 log \u03c1/\u03c1\u0302"
                    + " + (1\u2212\u03c1) log (1\u2212\u03c1)/(1\u2212\u03c1\u0302)",
            s -> s.withSparsity(new SparsitySpec(SparsitySpec.Kind.KL, 3.0, 0.05, -1))),
    K_SPARSE("k-sparse", "Only the k largest code activations are kept; the rest are set to zero"
            + " (Makhzani and Frey 2013).",
            "h = top\u2096(W x + b),   L = \u2113(x, g(h))",
            s -> s.withKSparse(new KSparseSpec(Math.max(1, Math.min(25, s.codeSize() / 4)), 0))),
    DENOISING("Denoising", "The encoder sees a corrupted input x\u0303 and must reproduce the clean x"
            + " (Vincent et al. 2008).",
            "x\u0303 ~ q(x\u0303 | x),   L = \u2113(x, g(f(x\u0303)))",
            s -> s.withNoise(new NoiseSpec(NoiseSpec.Kind.MASKING, 0.3, true))),
    CONTRACTIVE("Contractive", "Penalises the encoder's sensitivity to its input, the Frobenius norm of its"
            + " Jacobian (Rifai et al. 2011).",
            "L = \u2113(x, x\u0302) + \u03bb \u2016J_f(x)\u2016\u00b2_F,   J_f = \u2202h/\u2202x",
            s -> s.withContractive(new ContractiveSpec(0.1))),
    VARIATIONAL("Variational (VAE)", "The code is a distribution N(\u03bc, \u03c3\u00b2) sampled by"
            + " reparameterisation and pulled towards N(0, I): a latent space to sample from (Kingma and Welling 2014).",
            "L = \u2113(x, x\u0302) + \u03b2 KL(q(z|x) \u2016 N(0, I)),   z = \u03bc + \u03c3 \u2299 \u03b5,   \u03b5 ~ N(0, I)",
            s -> s.withVariational(new VariationalSpec(1.0)).withTiedWeights(false)),
    STACKED("Stacked", "Each encoder layer is first trained as a shallow autoencoder on the codes below it,"
            + " then the stack is fine-tuned (Bengio et al. 2007).",
            "layer l: min \u2113(h\u2097\u208b\u2081, g\u2097(f\u2097(h\u2097\u208b\u2081))),   then fine-tune L = \u2113(x, x\u0302)",
            s -> s.withStacked(new StackedSpec(2)));

    private final String title;
    private final String explanation;
    private final String formula;
    private final UnaryOperator<ModelSpec> parts;

    Variant(String title, String explanation, String formula, UnaryOperator<ModelSpec> parts) {
        this.title = title;
        this.explanation = explanation;
        this.formula = formula;
        this.parts = parts;
    }

    public String title() {
        return title;
    }

    public String explanation() {
        return explanation;
    }

    public String formula() {
        return formula;
    }

    /** The spec with every variant part cleared and this variant's set to its defaults. */
    public ModelSpec applyTo(ModelSpec spec) {
        ModelSpec plain = spec.withSparsity(null).withKSparse(null).withNoise(null).withContractive(null)
                .withVariational(null).withStacked(null);
        return parts.apply(plain);
    }

    /** The variant a spec shows as, by its most defining part (a VAE with noise is a VAE). */
    public static Variant of(ModelSpec s) {
        if (s.variational() != null) {
            return VARIATIONAL;
        }
        if (s.stacked() != null) {
            return STACKED;
        }
        if (s.kSparse() != null) {
            return K_SPARSE;
        }
        if (s.sparsity() != null) {
            return s.sparsity().kind() == SparsitySpec.Kind.KL ? SPARSE_KL : SPARSE_L1;
        }
        if (s.contractive() != null) {
            return CONTRACTIVE;
        }
        if (s.noise() != null) {
            return DENOISING;
        }
        return PLAIN;
    }

    @Override
    public String toString() {
        return title;
    }
}
