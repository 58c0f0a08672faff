package org.aeworkbench.export.translate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aeworkbench.engine.core.SpecException;
import org.aeworkbench.engine.model.AdversarialSpec;
import org.aeworkbench.engine.model.ContractiveSpec;
import org.aeworkbench.engine.model.KSparseSpec;
import org.aeworkbench.engine.model.NoiseSpec;
import org.aeworkbench.engine.model.RbmPretrainingSpec;
import org.aeworkbench.engine.model.SparsitySpec;
import org.aeworkbench.engine.model.StackedSpec;
import org.aeworkbench.engine.model.TiedWeightsSpec;
import org.aeworkbench.engine.model.VariantSpec;
import org.aeworkbench.engine.model.VariationalSpec;
import org.aeworkbench.export.design.ExportedDesign;

/**
 * The variants' translations, registered here once. A design's parts come in the engine's
 * registry order, which is the order their stages stack: noise before the encoder; after the code
 * layer the contractive penalty, the VAE's sampler, k-sparse selection, then a sparsity penalty on
 * the resulting code. Noise and the penalties act in training only and add nothing at inference.
 */
public final class VariantTranslations {

    private static final Map<Class<? extends VariantSpec>, VariantTranslation> ALL = new LinkedHashMap<>();

    static {
        ALL.put(TiedWeightsSpec.class, new TiedWeightsTranslation());
        ALL.put(NoiseSpec.class, new NoiseTranslation());
        ALL.put(ContractiveSpec.class, new ContractiveTranslation());
        ALL.put(VariationalSpec.class, new VariationalTranslation());
        ALL.put(KSparseSpec.class, new KSparseTranslation());
        ALL.put(SparsitySpec.class, new SparsityTranslation());
        ALL.put(StackedSpec.class, new StackedTranslation());
        ALL.put(RbmPretrainingSpec.class, new RbmPretrainingTranslation());
        ALL.put(AdversarialSpec.class, new AdversarialTranslation());
    }

    private VariantTranslations() {
    }

    /**
     * The translations of {@code design}'s parts, in stage order; a part without one is refused
     * with a {@link SpecException} naming the variant.
     */
    public static List<VariantTranslation> of(ExportedDesign design) {
        List<VariantTranslation> out = new ArrayList<>();
        for (VariantSpec part : design.spec().variants()) {
            VariantTranslation t = ALL.get(part.getClass());
            if (t == null) {
                throw new SpecException(part.type().id(), "the design '" + design.spec().name() + "' uses the "
                        + part.type().category() + " variant (" + part.type().id() + "), which the exporter cannot express"
                        + " yet: it has no PyTorch or ONNX translation; export a design without it");
            }
            out.add(t);
        }
        return out;
    }

    /**
     * The translations for the PyTorch package: as {@link #of}, and a part whose training train.py
     * cannot carry is refused, naming the variant and why.
     */
    public static List<VariantTranslation> forTorch(ExportedDesign design) {
        List<VariantTranslation> out = of(design);
        for (int i = 0; i < out.size(); i++) {
            String why = out.get(i).torchRefusal(design);
            if (why != null) {
                VariantSpec part = design.spec().variants().get(i);
                throw new SpecException(part.type().id(), "the design '" + design.spec().name() + "' uses the "
                        + part.type().category() + " variant (" + part.type().id() + "), which export pytorch cannot"
                        + " express: " + why);
            }
        }
        return out;
    }
}
