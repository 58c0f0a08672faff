package org.aeworkbench.engine.model;

import java.util.List;
import java.util.Map;
import org.aeworkbench.engine.layer.Activation;
import org.aeworkbench.engine.layer.DenseLayer;
import org.aeworkbench.engine.layer.Layer;
import org.aeworkbench.engine.tensor.Shape;
import org.aeworkbench.engine.variant.NoisySigmoidCode;

/**
 * A binary code for semantic hashing (Salakhutdinov and Hinton, "Semantic hashing", 2009): the
 * code layer's affine output goes through logistic units with Gaussian noise added to their input
 * while training ({@link NoisySigmoidCode}), which drives the units to saturate; the bits of a
 * sample are its code values above 0.5. The paper added noise of standard deviation 4 (variance
 * 16, as we recall its section on binarising the codes), the default here.
 *
 * @param noise standard deviation of the training noise on the code's pre-activation
 */
public record BinaryCodeSpec(double noise) implements VariantSpec {

    /** The noise level of Salakhutdinov and Hinton. */
    public static final double DEFAULT_NOISE = 4.0;

    public static final VariantType<BinaryCodeSpec> TYPE = new VariantType<>("binaryCode", BinaryCodeSpec.class,
            "Binary code",
            Map.of("noise", "Standard deviation of the Gaussian noise added to the code's input while training"),
            List.of(new VariantType.Choice("Binary code (semantic hashing)", "Sigmoid code units with Gaussian noise on"
                    + " their input while training learn to saturate, so each unit becomes a bit: similar samples"
                    + " get nearby binary codes (Salakhutdinov and Hinton 2009).",
                    "h = \u03c3(W x + b + \u03b5),   \u03b5 ~ N(0, s\u00b2) in training,   bits = [h > 0.5]",
                    s -> s.with(new BinaryCodeSpec(DEFAULT_NOISE)).without(VariationalSpec.class))),
            5);

    @Override
    public VariantType<?> type() {
        return TYPE;
    }

    @Override
    public void validate(SpecCheck check) {
        ModelSpec spec = check.spec();
        if (!(spec.codeLayer() instanceof DenseSpec)) {
            check.problem("encoder", "a binary code needs a dense code layer, one unit per bit");
        }
        if (!(noise >= 0)) {
            check.problem("binaryCode.noise", "the noise must be a standard deviation of 0 or more");
        }
        if (spec.has(VariationalSpec.class)) {
            check.problem("variational", "a VAE's code is sampled from a Gaussian, not binary: remove one of them");
        }
        if (spec.has(ContractiveSpec.class)) {
            check.problem("contractive", "the contractive penalty differentiates the code layer's own activation,"
                    + " which a binary code replaces: remove one of them");
        }
    }

    /** The code layer without its activation: the noisy sigmoid after it is the activation. */
    @Override
    public Layer buildCodeLayer(Assembly assembly, String name, Shape input) {
        return new DenseLayer(name, input, assembly.spec().codeSize(), Activation.IDENTITY);
    }

    @Override
    public void addStagesAfter(Assembly assembly, int index) {
        if (index == assembly.spec().encoder().size() - 1) {
            assembly.add(new NoisySigmoidCode(assembly.shape(), noise));
        }
    }

    /** The code layer's own pretraining learns the binary code too. */
    @Override
    public VariantSpec forLayerwisePretraining(int layer, int layers) {
        return layer == layers - 1 ? this : null;
    }
}
