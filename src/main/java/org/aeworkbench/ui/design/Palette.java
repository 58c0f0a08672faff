package org.aeworkbench.ui.design;

import java.util.ArrayList;
import java.util.List;
import org.aeworkbench.engine.layer.Activation;
import org.aeworkbench.engine.conv.Padding;
import org.aeworkbench.engine.model.Conv2DSpec;
import org.aeworkbench.engine.model.ConvTranspose2DSpec;
import org.aeworkbench.engine.model.DenseSpec;
import org.aeworkbench.engine.model.FlattenSpec;
import org.aeworkbench.engine.model.MaxPool2DSpec;
import org.aeworkbench.engine.model.ReshapeSpec;
import org.aeworkbench.engine.model.Upsample2DSpec;
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
                    new DenseSpec(2, Activation.IDENTITY)),
            new Entry("Conv2D", "3x3 convolution, 16 filters, 'same' padding, ReLU: needs image-shaped input",
                    Conv2DSpec.same(16, 3, Activation.RELU)),
            new Entry("MaxPool2D", "2x2 max pooling, stride 2: halves height and width",
                    new MaxPool2DSpec(2, 2, Padding.SAME)),
            new Entry("Upsample2D", "Repeats each pixel 2x2: doubles height and width (the decoder's pooling)",
                    new Upsample2DSpec(2)),
            new Entry("ConvT2D", "3x3 transposed convolution, stride 2, 16 filters: a learned upsampling",
                    new ConvTranspose2DSpec(16, 3, 2, Padding.SAME, Activation.RELU)),
            new Entry("Flatten", "Image to vector, before a dense layer", new FlattenSpec()),
            new Entry("Reshape", "Vector to image (7x7x16 here: set its shape in the property sheet)",
                    new ReshapeSpec(7, 7, 16))));

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
