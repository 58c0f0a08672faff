package org.aeworkbench.engine.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Map;
import org.aeworkbench.engine.layer.DenseLayer;
import org.aeworkbench.engine.layer.Layer;
import org.aeworkbench.engine.tensor.Shape;
import org.aeworkbench.engine.variant.TiedDenseLayer;

/**
 * Tied weights: each dense decoder layer uses the transpose of the encoder layer it mirrors,
 * {@code W_dec = W_enc^T}, and keeps only its own bias (as in Vincent et al. 2010 and Makhzani and
 * Frey's k-sparse autoencoder), which halves the weights and ties the decoder to the encoder.
 * Written {@code "tiedWeights": true} in a spec file. The designer shows it as a switch, not a
 * variant to choose.
 */
public record TiedWeightsSpec() implements VariantSpec {

    public static final TiedWeightsSpec ON = new TiedWeightsSpec();

    public static final VariantType<TiedWeightsSpec> TYPE = new VariantType<>("tiedWeights", TiedWeightsSpec.class,
            "Tied weights", Map.of(), List.of(), 0);

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static TiedWeightsSpec fromJson(boolean on) {
        if (!on) {
            throw new IllegalArgumentException("tied weights are read as off before this point");
        }
        return ON;
    }

    @JsonValue
    boolean json() {
        return true;
    }

    @Override
    public VariantType<?> type() {
        return TYPE;
    }

    /** The validator's check that the decoder mirrors a dense encoder, layer by layer. */
    @Override
    public void validate(SpecCheck check) {
        List<LayerSpec> enc = check.spec().encoder();
        List<LayerSpec> dec = check.spec().decoder();
        if (dec.size() != enc.size()) {
            check.problem("tiedWeights", "tied weights need the decoder to mirror the encoder ("
                    + enc.size() + " layers each side): use Mirror encoder");
            return;
        }
        for (int i = 0; i < dec.size(); i++) {
            int expected = i == dec.size() - 1 ? check.input().size() : enc.get(enc.size() - 2 - i).units();
            if (!(dec.get(i) instanceof DenseSpec) || !(enc.get(enc.size() - 1 - i) instanceof DenseSpec)) {
                check.problem("decoder[" + i + "]", "tied weights apply to dense layers only");
            } else if (dec.get(i).units() != expected) {
                check.problem("decoder[" + i + "].units", "with tied weights this layer must have "
                        + expected + " units, the transpose of encoder[" + (enc.size() - 1 - i) + "]");
            }
        }
    }

    @Override
    public Layer buildDecoderLayer(Assembly assembly, int index, String name, Shape input) {
        if (assembly.spec().decoder().get(index) instanceof DenseSpec dense) {
            // The validator has checked that decoder[i] mirrors encoder[n - 1 - i].
            List<Layer> encoder = assembly.encoderLayers();
            if (encoder.get(encoder.size() - 1 - index) instanceof DenseLayer d) {
                return new TiedDenseLayer(name, d, dense.activation());
            }
        }
        return null;
    }

    @Override
    public boolean sharesWeights(ModelSpec spec, int index) {
        return spec.decoder().get(index) instanceof DenseSpec;
    }

    @Override
    public VariantSpec forLayerwisePretraining(int layer, int layers) {
        return this;
    }
}
