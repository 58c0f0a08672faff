package org.aeworkbench.engine.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Map;
import org.aeworkbench.engine.core.EnumIds;
import org.aeworkbench.engine.layer.Activation;
import org.aeworkbench.engine.variant.KlSparsityPenalty;
import org.aeworkbench.engine.variant.L1SparsityPenalty;

/**
 * Sparse autoencoder penalty on one layer's activations.
 *
 * @param kind   L1: weight * sum |h| per sample; KL: weight * sum_j KL(rho || rho_hat_j), where
 *               rho_hat_j is unit j's mean activation over the batch (Ng, "Sparse autoencoder",
 *               CS294A notes)
 * @param weight lambda for L1, beta for KL
 * @param rho    target mean activation for KL (needs activations in (0, 1), e.g. sigmoid)
 * @param layer  which encoder layer, 0-based; -1 means the code layer
 */
public record SparsitySpec(Kind kind, double weight, double rho, int layer) implements VariantSpec {

    public enum Kind {
        L1, KL;

        @JsonValue
        public String id() {
            return EnumIds.id(this);
        }

        @JsonCreator
        public static Kind fromId(String text) {
            return EnumIds.parse(Kind.class, text, "sparsity kind");
        }
    }

    public static final VariantType<SparsitySpec> TYPE = new VariantType<>("sparsity", SparsitySpec.class, "Sparsity",
            Map.of("kind", "L1: \u03bb \u03a3|h|; KL: \u03b2 \u03a3 KL(\u03c1 \u2016 \u03c1\u0302)",
                    "weight", "\u03bb for L1, \u03b2 for KL",
                    "rho", "Target mean activation \u03c1 of each unit (KL only)",
                    "layer", "Encoder layer penalised, 0-based; -1 is the code"),
            List.of(new VariantType.Choice("Sparse (L1)", "An L1 penalty on the code's activations keeps most of"
                            + " them at zero (the Keras blog's sparse autoencoder).",
                            "L = \u2113(x, x\u0302) + \u03bb \u03a3\u2c7c |h\u2c7c|",
                            s -> s.with(new SparsitySpec(Kind.L1, 1e-3, 0, -1)),
                            part -> ((SparsitySpec) part).kind() == Kind.L1),
                    new VariantType.Choice("Sparse (KL)", "Each code unit's mean activation \u03c1\u0302\u2c7c is pulled"
                            + " towards a small target \u03c1 (Ng, CS294A notes). Needs sigmoid code units.",
                            "L = \u2113(x, x\u0302) + \u03b2 \u03a3\u2c7c KL(\u03c1 \u2016 \u03c1\u0302\u2c7c),   KL(\u03c1\u2016\u03c1\u0302)"
                                    + " = \u03c1 log \u03c1/\u03c1\u0302 + (1\u2212\u03c1) log (1\u2212\u03c1)/(1\u2212\u03c1\u0302)",
                            s -> s.with(new SparsitySpec(Kind.KL, 3.0, 0.05, -1)),
                            part -> ((SparsitySpec) part).kind() == Kind.KL)),
            3);

    /**
     * From a spec file. Left out: the L1 penalty on the code (layer -1); the KL target rho = 0.05
     * and weight beta = 3 of Ng's notes; for L1 the designer's lambda of 1e-3.
     */
    @JsonCreator
    static SparsitySpec fromJson(@JsonProperty("kind") Kind kind, @JsonProperty("weight") Double weight,
                                 @JsonProperty("rho") Double rho, @JsonProperty("layer") Integer layer) {
        Kind k = kind == null ? Kind.L1 : kind;
        return new SparsitySpec(k, weight != null ? weight : k == Kind.KL ? 3.0 : 1e-3, rho == null ? 0.05 : rho,
                layer == null ? -1 : layer);
    }

    public SparsitySpec {
        kind = kind == null ? Kind.L1 : kind;
    }

    @Override
    public VariantType<?> type() {
        return TYPE;
    }

    /** The encoder layer penalised in a design with {@code encoderLayers} layers. */
    public int layerIn(int encoderLayers) {
        return layer < 0 ? encoderLayers - 1 : layer;
    }

    @Override
    public void validate(SpecCheck check) {
        ModelSpec spec = check.spec();
        if (!(weight >= 0) || Double.isInfinite(weight)) {
            check.problem("sparsity.weight", "the sparsity weight must be a number >= 0");
        }
        int target = layerIn(spec.encoder().size());
        if (target < 0 || target >= spec.encoder().size()) { // < 0: no encoder at all
            check.problem("sparsity.layer", "there is no encoder layer " + layer);
        } else if (kind == Kind.KL) {
            if (!(rho > 0 && rho < 1)) {
                check.problem("sparsity.rho", "the target activation rho must lie strictly between 0 and 1");
            }
            if (!(spec.encoder().get(target) instanceof DenseSpec d) || d.activation() != Activation.SIGMOID) {
                check.problem("encoder[" + target + "].activation", "the KL sparsity penalty treats"
                        + " activations as firing rates in (0, 1): make this layer sigmoid, or use the L1 penalty");
            }
        }
    }

    /** The penalty on the values after the layer and any stages the other parts put there (a k-sparse code). */
    @Override
    public void addStagesAfter(Assembly assembly, int index) {
        if (index == layerIn(assembly.spec().encoder().size())) {
            assembly.add(kind == Kind.KL
                    ? new KlSparsityPenalty(assembly.shape(), weight, rho)
                    : new L1SparsityPenalty(assembly.shape(), weight));
        }
    }

    /** The penalty goes with its layer, where it becomes the shallow autoencoder's code. */
    @Override
    public VariantSpec forLayerwisePretraining(int l, int layers) {
        return layerIn(layers) == l ? new SparsitySpec(kind, weight, rho, -1) : null;
    }
}
