package org.aeworkbench.ui.run;

import java.util.ArrayList;
import java.util.List;
import org.aeworkbench.engine.layer.Parameter;
import org.aeworkbench.engine.model.Autoencoder;
import org.aeworkbench.engine.model.ModelBuilder;
import org.aeworkbench.engine.model.ModelSpec;
import org.aeworkbench.engine.tensor.Shape;

/**
 * The weights of a model at one moment, copied out of the model being trained: a plain array copy
 * on the training thread (about a millisecond for a million weights), from which any other thread
 * builds or refreshes a model of its own. Never modified after construction.
 *
 * @param spec    the design the weights belong to
 * @param input   the input shape the model was built for
 * @param weights one array per parameter, in {@link Autoencoder#parameters()} order
 */
public record ModelSnapshot(ModelSpec spec, Shape input, List<float[]> weights) {

    public static ModelSnapshot of(Autoencoder model) {
        List<float[]> w = new ArrayList<>();
        for (Parameter p : model.parameters()) {
            w.add(p.value().clone());
        }
        return new ModelSnapshot(model.spec(), model.inputShape(), List.copyOf(w));
    }

    /** Values in the code: the code layer's output size (a dense layer's units, or h x w x c for a conv code). */
    public int codeSize() {
        var rows = org.aeworkbench.engine.model.SpecValidator.rows(spec, input);
        var code = rows.get(spec.encoder().size() - 1).output();
        return code == null ? spec.codeSize() : code.size();
    }

    /** A new model with these weights (builds the layers: use a {@link ModelCache} for repeated use). */
    public Autoencoder build() {
        Autoencoder m = ModelBuilder.build(spec, input);
        loadInto(m);
        return m;
    }

    /** Whether {@code m} has this design, so the weights can be copied into it. */
    public boolean fits(Autoencoder m) {
        return m != null && m.spec().equals(spec) && m.inputShape().equals(input);
    }

    public void loadInto(Autoencoder m) {
        List<Parameter> params = m.parameters();
        for (int i = 0; i < params.size(); i++) {
            System.arraycopy(weights.get(i), 0, params.get(i).value(), 0, params.get(i).size());
        }
    }
}
