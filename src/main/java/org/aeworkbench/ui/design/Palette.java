package org.aeworkbench.ui.design;

import java.util.ArrayList;
import java.util.List;
import org.aeworkbench.engine.layer.Activation;
import org.aeworkbench.engine.model.DenseSpec;
import org.aeworkbench.engine.model.LayerSpec;

/**
 * The layer types offered in the palette, each a name and the layer a drop creates. The designer
 * knows layers only through {@link LayerSpec}, so a new layer type (a convolution, say) is one
 * more line in {@link #ENTRIES}.
 */
public final class Palette {

    /**
     * One palette item.
     *
     * @param name        what the palette shows
     * @param description the tooltip: what the layer does and when to use it
     * @param prototype   the layer a drop inserts
     */
    public record Entry(String name, String description, LayerSpec prototype) {
    }

    private static final List<Entry> ENTRIES = new ArrayList<>(List.of(
            new Entry("Dense ReLU", "Fully connected, f(z) = max(0, z): the usual hidden layer",
                    new DenseSpec(128, Activation.RELU)),
            new Entry("Dense sigmoid", "Fully connected, f(z) = 1/(1+e^-z): outputs in (0, 1), needed by BCE"
                    + " outputs and by the KL sparsity penalty", new DenseSpec(128, Activation.SIGMOID)),
            new Entry("Dense tanh", "Fully connected, f(z) = tanh z: outputs in (-1, 1)",
                    new DenseSpec(128, Activation.TANH)),
            new Entry("Dense ELU", "Fully connected, exponential linear unit (Clevert et al. 2015)",
                    new DenseSpec(128, Activation.ELU)),
            new Entry("Linear", "Fully connected with no activation: a linear code, or a linear output for MSE",
                    new DenseSpec(2, Activation.IDENTITY))));

    private Palette() {
    }

    public static List<Entry> entries() {
        return List.copyOf(ENTRIES);
    }

    /** Adds a layer type (for layer records defined outside the engine's defaults). */
    public static void register(Entry entry) {
        ENTRIES.add(entry);
    }
}
