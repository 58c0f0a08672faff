package org.aeworkbench.engine.model;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.aeworkbench.engine.layer.DenseLayer;
import org.aeworkbench.engine.layer.Layer;
import org.aeworkbench.engine.tensor.Shape;

/**
 * Turns a validated {@link ModelSpec} into an {@link Autoencoder} with weights initialised from
 * the spec's seed. Variant stages are inserted by {@link VariantAssembly}, so this class only
 * knows the plain stack.
 */
public final class ModelBuilder {

    private ModelBuilder() {
    }

    /** Builds the model, refusing a design with problems (all listed in the message). */
    public static Autoencoder build(ModelSpec spec, Shape input) {
        List<SpecProblem> problems = SpecValidator.validate(spec, input, null);
        if (!problems.isEmpty()) {
            SpecProblem first = problems.get(0);
            StringBuilder msg = new StringBuilder("the design '" + spec.name() + "' cannot be built: ");
            for (int i = 0; i < problems.size(); i++) {
                msg.append(i == 0 ? "" : "; ").append(problems.get(i));
            }
            throw new SpecException(first.field(), msg.toString());
        }
        VariantAssembly variants = new VariantAssembly(spec, input);
        List<Layer> layers = new ArrayList<>(variants.inputStages());
        Shape shape = input;
        int codeIndex = spec.encoder().size() - 1;
        for (int i = 0; i < spec.encoder().size(); i++) {
            String name = "encoder[" + i + "]";
            Layer layer = i == codeIndex ? variants.codeLayer(name, shape) : spec.encoder().get(i).build(name, shape);
            layers.add(layer);
            shape = layer.outputShape();
            for (Layer extra : variants.afterEncoderLayer(i, layer)) {
                layers.add(extra);
                shape = extra.outputShape();
            }
        }
        int encoderLayers = layers.size();
        for (int i = 0; i < spec.decoder().size(); i++) {
            String name = "decoder[" + i + "]";
            Layer layer = variants.decoderLayer(i, name, shape, layers);
            layers.add(layer);
            shape = layer.outputShape();
        }
        Autoencoder model = new Autoencoder(spec, input, layers, encoderLayers);
        initialize(model, spec.training().seed());
        return model;
    }

    /** Draws initial weights from the seed, layer by layer in stack order. */
    public static void initialize(Autoencoder model, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (Layer l : model.layers()) {
            if (l instanceof DenseLayer d) {
                d.initialize(random);
            } else if (l instanceof Initializable i) {
                i.initialize(random);
            }
        }
    }

    /** Layers other than {@link DenseLayer} that draw initial weights. */
    public interface Initializable {
        void initialize(SplittableRandom random);
    }
}
