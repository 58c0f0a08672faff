package org.aeworkbench.engine.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import org.aeworkbench.engine.variant.CorruptionLayer;
import org.aeworkbench.engine.variant.Noise;

/**
 * Denoising autoencoder (Vincent, Larochelle, Bengio and Manzagol, "Extracting and Composing Robust
 * Features with Denoising Autoencoders", ICML 2008): the encoder sees a corrupted copy of each
 * training input and the loss compares the output with the clean one. The corruption itself is
 * {@link org.aeworkbench.engine.variant.Corruption}.
 *
 * @param kind  masking (zero a fraction {@code level} of inputs), gaussian (add N(0, level^2)),
 *              salt-and-pepper (set a fraction {@code level} to 0 or 1 at random), patch (blank a
 *              random square covering about {@code level} of an image, for inpainting)
 * @param level rate or standard deviation, by kind
 * @param clip  clip corrupted values to [0, 1]
 */
public record NoiseSpec(Kind kind, double level, boolean clip) implements VariantSpec, Noise {

    public static final VariantType<NoiseSpec> TYPE = new VariantType<>("noise", NoiseSpec.class, "Denoising",
            Map.of("kind", "masking: zero inputs; gaussian: add N(0, level\u00b2); salt-and-pepper; patch",
                    "level", "Corruption rate, or the standard deviation for gaussian noise",
                    "clip", "Clip corrupted values to [0, 1]"),
            List.of(new VariantType.Choice("Denoising", "The encoder sees a corrupted input x\u0303 and must reproduce"
                    + " the clean x (Vincent et al. 2008).",
                    "x\u0303 ~ q(x\u0303 | x),   L = \u2113(x, g(f(x\u0303)))",
                    s -> s.with(new NoiseSpec(Kind.MASKING, 0.3, true)))),
            1);

    public NoiseSpec {
        kind = kind == null ? Kind.GAUSSIAN : kind;
    }

    /**
     * From a spec file. Left out: gaussian noise; a level of 0.25 for the rates (the destruction
     * fraction Vincent et al. 2010 report most often) and a standard deviation of 0.5 for gaussian
     * noise (the Keras blog's denoising example); no clipping.
     */
    @JsonCreator
    static NoiseSpec fromJson(@JsonProperty("kind") Kind kind, @JsonProperty("level") Double level,
                              @JsonProperty("clip") Boolean clip) {
        Kind k = kind == null ? Kind.GAUSSIAN : kind;
        return new NoiseSpec(k, level != null ? level : k.isRate() ? 0.25 : 0.5, clip != null && clip);
    }

    @Override
    public VariantType<?> type() {
        return TYPE;
    }

    @Override
    public void validate(SpecCheck check) {
        if (!(level >= 0) || (kind.isRate() && level > 1)) {
            check.problem("noise.level", kind.isRate() ? "the corruption rate must lie in [0, 1]"
                    : "the noise standard deviation must be >= 0");
        }
        if (kind == Kind.PATCH && check.input().isVector()) {
            check.problem("noise.kind", "patch corruption blanks a square of an image, but the data"
                    + " is not image-shaped: use masking noise");
        }
    }

    @Override
    public void addInputStages(Assembly assembly) {
        assembly.add(new CorruptionLayer(assembly.input(), this));
    }

    /**
     * Every layer's input is corrupted, as in stacked denoising autoencoders (Vincent et al. 2010),
     * but the codes of deeper layers are not clipped to [0, 1], and a patch (which needs an image)
     * is cut from the data only.
     */
    @Override
    public VariantSpec forLayerwisePretraining(int layer, int layers) {
        if (layer == 0) {
            return this;
        }
        return kind == Kind.PATCH ? null : new NoiseSpec(kind, level, false);
    }
}
