package org.aeworkbench.engine.model;

import java.util.List;
import java.util.SplittableRandom;
import org.aeworkbench.engine.core.SpecException;
import org.aeworkbench.engine.layer.Initializable;
import org.aeworkbench.engine.layer.Layer;
import org.aeworkbench.engine.tensor.Shape;

/**
 * Turns a validated {@link ModelSpec} into an {@link Autoencoder} with weights initialised from
 * the spec's seed. The builder knows the plain stack; each variant part adds its stages through
 * the hooks of {@link VariantSpec}, called in stack order and, at one place, in registry order.
 */
public final class ModelBuilder {

    private ModelBuilder() {
    }

    /**
     * Builds the model, refusing a design with problems (all listed in the message) and a design
     * too large for the heap (naming its largest layer), before anything is allocated.
     */
    public static Autoencoder build(ModelSpec spec, Shape input) {
        return build(spec, input, -1);
    }

    /**
     * {@link #build(ModelSpec, Shape)} within {@code availableBytes} of memory instead of what the
     * heap can still hold (-1), so a small heap can be tried without starting another JVM.
     */
    public static Autoencoder build(ModelSpec spec, Shape input, long availableBytes) {
        List<SpecProblem> problems = SpecValidator.validate(spec, input, null);
        if (!problems.isEmpty()) {
            SpecProblem first = problems.get(0);
            StringBuilder msg = new StringBuilder("the design '" + spec.name() + "' cannot be built: ");
            for (int i = 0; i < problems.size(); i++) {
                msg.append(i == 0 ? "" : "; ").append(problems.get(i));
            }
            throw new SpecException(first.field(), msg.toString());
        }
        ModelFootprint footprint = ModelFootprint.of(spec, input);
        if (availableBytes < 0) {
            footprint.requireBuildable();
        } else {
            footprint.requireBuildable(availableBytes);
        }
        Assembly stack = new Assembly(spec, input);
        List<VariantSpec> parts = spec.variants();
        for (VariantSpec part : parts) {
            part.addInputStages(stack);
        }
        int codeIndex = spec.encoder().size() - 1;
        for (int i = 0; i < spec.encoder().size(); i++) {
            String name = "encoder[" + i + "]";
            Layer layer = null;
            for (int p = 0; i == codeIndex && layer == null && p < parts.size(); p++) {
                layer = parts.get(p).buildCodeLayer(stack, name, stack.shape());
            }
            stack.addEncoderLayer(layer != null ? layer : spec.encoder().get(i).build(name, stack.shape()));
            for (VariantSpec part : parts) {
                part.addStagesAfter(stack, i);
            }
        }
        int encoderLayers = stack.layers().size();
        for (int i = 0; i < spec.decoder().size(); i++) {
            String name = "decoder[" + i + "]";
            Layer layer = null;
            for (int p = 0; layer == null && p < parts.size(); p++) {
                layer = parts.get(p).buildDecoderLayer(stack, i, name, stack.shape());
            }
            stack.add(layer != null ? layer : spec.decoder().get(i).build(name, stack.shape()));
        }
        Autoencoder model = new Autoencoder(spec, input, stack.layers(), encoderLayers);
        initialize(model, spec.training().seed());
        return model;
    }

    /** Draws initial weights from the seed, layer by layer in stack order. */
    public static void initialize(Autoencoder model, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (Layer l : model.layers()) {
            if (l instanceof Initializable i) {
                i.initialize(random);
            }
        }
    }
}
