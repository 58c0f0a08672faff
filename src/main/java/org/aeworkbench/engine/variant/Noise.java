package org.aeworkbench.engine.variant;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.aeworkbench.engine.core.EnumIds;

/**
 * A corruption process as {@link Corruption} applies it: its kind, its level (a rate, or the
 * standard deviation of Gaussian noise) and whether corrupted values are clipped to [0, 1].
 * The design's denoising part implements it.
 */
public interface Noise {

    /** The corruption processes; see {@link Corruption}. */
    enum Kind {
        MASKING, GAUSSIAN, SALT_AND_PEPPER, PATCH;

        @JsonValue
        public String id() {
            return EnumIds.id(this);
        }

        @JsonCreator
        public static Kind fromId(String text) {
            return EnumIds.parse(Kind.class, text, "noise kind");
        }

        /** Whether the level is a rate in [0, 1] rather than a standard deviation. */
        public boolean isRate() {
            return this != GAUSSIAN;
        }
    }

    Kind kind();

    double level();

    boolean clip();
}
