package org.aeworkbench.export.translate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aeworkbench.engine.model.AvgPool2DSpec;
import org.aeworkbench.engine.model.Conv2DSpec;
import org.aeworkbench.engine.model.ConvTranspose2DSpec;
import org.aeworkbench.engine.model.DenseSpec;
import org.aeworkbench.engine.model.FlattenSpec;
import org.aeworkbench.engine.model.LayerSpec;
import org.aeworkbench.engine.model.MaxPool2DSpec;
import org.aeworkbench.engine.model.ReshapeSpec;
import org.aeworkbench.engine.core.SpecException;
import org.aeworkbench.engine.model.Upsample2DSpec;
import org.aeworkbench.export.design.ExportedDesign;
import org.aeworkbench.export.design.LayerSite;
import org.aeworkbench.export.design.TorchParameter;

/**
 * The translation of each layer kind, registered here once: a new layer kind adds one class and
 * one line.
 */
public final class LayerTranslations {

    private static final Map<Class<? extends LayerSpec>, LayerTranslation> ALL = new LinkedHashMap<>();

    static {
        ALL.put(DenseSpec.class, new DenseTranslation());
        ALL.put(Conv2DSpec.class, new Conv2DTranslation());
        ALL.put(ConvTranspose2DSpec.class, new ConvTranspose2DTranslation());
        ALL.put(MaxPool2DSpec.class, new PoolTranslation());
        ALL.put(AvgPool2DSpec.class, new PoolTranslation());
        ALL.put(Upsample2DSpec.class, new Upsample2DTranslation());
        ALL.put(FlattenSpec.class, new FlattenTranslation());
        ALL.put(ReshapeSpec.class, new ReshapeTranslation());
    }

    private LayerTranslations() {
    }

    /** The translation of {@code site}'s layer, or a {@link SpecException} naming the layer and why not. */
    public static LayerTranslation of(LayerSite site) {
        LayerTranslation t = ALL.get(site.spec().getClass());
        if (t == null) {
            throw new SpecException(site.workbenchName(), site.workbenchName() + " (" + site.spec().kind()
                    + "): the exporter has no translation for " + site.spec().kind() + " layers; replace the layer"
                    + " or export another design");
        }
        String why = t.inexpressible(site);
        if (why != null) {
            throw new SpecException(site.workbenchName(), site.workbenchName() + " (" + site.spec().kind()
                    + ") cannot be exported: " + why);
        }
        return t;
    }

    /** Checks every layer and variant of {@code design}, refusing the first that cannot be expressed. */
    public static void check(ExportedDesign design) {
        for (LayerSite s : design.layers()) {
            of(s);
        }
        VariantTranslations.of(design);
    }

    /** Every PyTorch parameter of the design, in module order: the state dict's names and layouts. */
    public static List<TorchParameter> torchParameters(ExportedDesign design) {
        List<TorchParameter> all = new ArrayList<>();
        for (LayerSite s : design.layers()) {
            all.addAll(of(s).torchParameters(s));
        }
        return all;
    }
}
