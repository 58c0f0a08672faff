package org.aeworkbench.engine.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Denoising corruption applied to training inputs only; the target stays clean
 * (Vincent et al. 2008).
 *
 * @param kind  masking (zero a fraction {@code level} of inputs), gaussian (add N(0, level^2)),
 *              salt-and-pepper (set a fraction {@code level} to 0 or 1 at random), patch (blank a
 *              random square covering about {@code level} of an image, for inpainting)
 * @param level rate or standard deviation, by kind
 * @param clip  clip corrupted values to [0, 1]
 */
public record NoiseSpec(Kind kind, double level, boolean clip) {

    public enum Kind {
        MASKING, GAUSSIAN, SALT_AND_PEPPER, PATCH;

        @JsonValue
        public String id() {
            return EnumIds.id(this);
        }

        @JsonCreator
        public static Kind fromId(String text) {
            return EnumIds.parse(Kind.class, text, "noise kind");
        }
    }

    public NoiseSpec {
        kind = kind == null ? Kind.GAUSSIAN : kind;
    }
}
