package org.aeworkbench.engine.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.aeworkbench.engine.core.SpecException;
import org.aeworkbench.engine.layer.DenseLayer;
import org.aeworkbench.engine.layer.Layer;
import org.aeworkbench.engine.variant.ContractivePenalty;
import org.aeworkbench.engine.variant.EncoderInputTap;

/**
 * Contractive autoencoder (Rifai, Vincent, Muller, Glorot and Bengio, "Contractive Auto-Encoders:
 * Explicit Invariance During Feature Extraction", ICML 2011): the loss adds
 * {@code weight * ||J_f(x)||_F^2}, the encoder's Jacobian at each input, computed by
 * {@link ContractivePenalty}. The encoder must be dense and deterministic.
 *
 * @param weight lambda
 */
public record ContractiveSpec(double weight) implements VariantSpec {

    public static final VariantType<ContractiveSpec> TYPE = new VariantType<>("contractive", ContractiveSpec.class,
            "Contractive", Map.of("weight", "\u03bb on \u2016J_f(x)\u2016\u00b2_F"),
            List.of(new VariantType.Choice("Contractive", "Penalises the encoder's sensitivity to its input, the"
                    + " Frobenius norm of its Jacobian (Rifai et al. 2011).",
                    "L = \u2113(x, x\u0302) + \u03bb \u2016J_f(x)\u2016\u00b2_F,   J_f = \u2202h/\u2202x",
                    s -> s.with(new ContractiveSpec(0.1)))),
            2);

    /** Lambda where a spec file gives none: 0.1, the designer's choice (Rifai et al. chose it by validation). */
    public static final double DEFAULT_WEIGHT = 0.1;

    @JsonCreator
    static ContractiveSpec fromJson(@JsonProperty("weight") Double weight) {
        return new ContractiveSpec(weight == null ? DEFAULT_WEIGHT : weight);
    }

    @Override
    public VariantType<?> type() {
        return TYPE;
    }

    @Override
    public void validate(SpecCheck check) {
        if (!(weight >= 0)) {
            check.problem("contractive.weight", "the contractive weight must be a number >= 0");
        }
        if (check.spec().encoder().stream().anyMatch(l -> !(l instanceof DenseSpec))) {
            check.problem("contractive", "the contractive penalty is computed for dense encoders:"
                    + " remove it, or use dense encoder layers");
        }
    }

    /** A tap that remembers the encoder's input (after any corruption): the penalty differentiates there. */
    @Override
    public void addInputStages(Assembly assembly) {
        assembly.add(new EncoderInputTap(assembly.input()));
    }

    @Override
    public void addStagesAfter(Assembly assembly, int index) {
        if (index != assembly.spec().encoder().size() - 1) {
            return;
        }
        List<DenseLayer> dense = new ArrayList<>();
        List<Layer> encoder = assembly.encoderLayers();
        for (int i = 0; i < encoder.size(); i++) {
            if (!(encoder.get(i) instanceof DenseLayer d)) {
                throw new SpecException("encoder[" + i + "]", "the contractive penalty differentiates dense encoders"
                        + " only: make this layer dense or remove the contractive penalty");
            }
            dense.add(d);
        }
        assembly.add(ContractivePenalty.forEncoder(assembly.find(EncoderInputTap.class), dense, weight));
    }

    @Override
    public VariantSpec forLayerwisePretraining(int layer, int layers) {
        return this;
    }
}
