package org.aeworkbench.engine.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import org.aeworkbench.engine.variant.KSparseLayer;

/**
 * k-sparse autoencoder (Makhzani and Frey, "k-Sparse Autoencoders", ICLR 2014): only the k largest
 * code activations are kept, by {@link KSparseLayer} after the code layer.
 *
 * @param k              activations kept per sample
 * @param scheduleEpochs epochs over which k falls linearly from the code width to k (0 = none)
 */
public record KSparseSpec(int k, int scheduleEpochs) implements VariantSpec {

    public static final VariantType<KSparseSpec> TYPE = new VariantType<>("kSparse", KSparseSpec.class, "k-sparse",
            Map.of("k", "Code activations kept per sample",
                    "scheduleEpochs", "Epochs over which k falls from the code width to k (0 = none)"),
            List.of(new VariantType.Choice("k-sparse", "Only the k largest code activations are kept; the rest are"
                    + " set to zero (Makhzani and Frey 2013).",
                    "h = top\u2096(W x + b),   L = \u2113(x, g(h))",
                    s -> s.with(new KSparseSpec(Math.max(1, Math.min(25, s.codeSize() / 4)), 0)))),
            4);

    /** From a spec file: k has no default (it depends on the code), the schedule is off unless given. */
    @JsonCreator
    static KSparseSpec fromJson(@JsonProperty("k") int k, @JsonProperty("scheduleEpochs") Integer scheduleEpochs) {
        return new KSparseSpec(k, scheduleEpochs == null ? 0 : scheduleEpochs);
    }

    @Override
    public VariantType<?> type() {
        return TYPE;
    }

    @Override
    public void validate(SpecCheck check) {
        String problem = KSparseLayer.kProblem(k, check.codeWidth());
        if (problem != null) {
            check.problem("kSparse.k", problem);
        }
        if (scheduleEpochs < 0) {
            check.problem("kSparse.scheduleEpochs", "the schedule cannot be negative");
        }
    }

    @Override
    public void addStagesAfter(Assembly assembly, int index) {
        if (index == assembly.spec().encoder().size() - 1) {
            assembly.add(new KSparseLayer(assembly.shape(), k, scheduleEpochs));
        }
    }

    /** k-sparse selection applies to the code layer's pretraining. */
    @Override
    public VariantSpec forLayerwisePretraining(int layer, int layers) {
        return layer == layers - 1 ? this : null;
    }
}
