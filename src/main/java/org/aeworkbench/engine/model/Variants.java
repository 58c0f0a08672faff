package org.aeworkbench.engine.model;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The registry of variants: one line each. The JSON reader takes a part's key from here, the
 * validator and the builder ask each part of a design, and the designer lists the choices.
 *
 * <p>The order is the order in which the parts of a design insert their stages at the same place
 * in the stack (after the code layer: the contractive penalty, which differentiates the dense
 * encoder itself, then the VAE's sampler or the binary code's noisy sigmoid, then k-sparse
 * selection of the resulting code, then a sparsity penalty on what remains), and the order they are
 * written in a spec file.
 */
public final class Variants {

    private static final List<VariantType<?>> ALL = List.of(
            TiedWeightsSpec.TYPE,
            NoiseSpec.TYPE,
            ContractiveSpec.TYPE,
            VariationalSpec.TYPE,
            BinaryCodeSpec.TYPE,
            KSparseSpec.TYPE,
            SparsitySpec.TYPE,
            StackedSpec.TYPE,
            RbmPretrainingSpec.TYPE,
            AdversarialSpec.TYPE);

    private Variants() {
    }

    /** Every registered variant, in registry order. */
    public static List<VariantType<?>> all() {
        return ALL;
    }

    /** The variant whose part has key {@code id} in a spec file, or null. */
    public static VariantType<?> byId(String id) {
        for (VariantType<?> t : ALL) {
            if (t.id().equals(id)) {
                return t;
            }
        }
        return null;
    }

    /** The registry position of a part's type; unregistered types sort last. */
    static int order(VariantType<?> type) {
        int i = ALL.indexOf(type);
        return i < 0 ? ALL.size() : i;
    }

    /** "tiedWeights, noise, ..." for messages. */
    public static String ids() {
        return ALL.stream().map(VariantType::id).collect(Collectors.joining(", "));
    }
}
