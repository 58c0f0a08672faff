package org.aeworkbench.export.translate;

import java.util.List;
import org.aeworkbench.export.design.ExportedDesign;

/**
 * The variants' translations, registered here once, in the order the workbench stacks their
 * stages: noise before the encoder; after the code layer the contractive penalty, the VAE's
 * sampler, k-sparse selection, then a sparsity penalty on the resulting code. Noise and the
 * penalties act in training only and add nothing at inference.
 */
public final class VariantTranslations {

    private static final List<VariantTranslation> ALL = List.of(new NoiseTranslation(), new ContractiveTranslation(),
            new VariationalTranslation(), new KSparseTranslation(), new SparsityTranslation(), new StackedTranslation());

    private VariantTranslations() {
    }

    /** Those that apply to {@code design}, in stage order. */
    public static List<VariantTranslation> of(ExportedDesign design) {
        return ALL.stream().filter(v -> v.appliesTo(design)).toList();
    }
}
