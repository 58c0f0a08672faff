package org.aeworkbench.data;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The scaling a user asks for: {@code --scale auto|none|255|minmax|zscore} on the command line,
 * the Data section's chooser in the window, {@code data.scaling} in a project file. {@link #AUTO}
 * leaves the choice to {@link ScalingRule}; the others name a {@link Scaling} outright.
 */
public enum ScaleChoice {
    AUTO("auto", null),
    NONE("none", Scaling.NONE),
    DIVIDE_255("255", Scaling.DIVIDE_255),
    MIN_MAX("minmax", Scaling.MIN_MAX),
    Z_SCORE("zscore", Scaling.Z_SCORE);

    private final String id;
    private final Scaling fixed;

    ScaleChoice(String id, Scaling fixed) {
        this.id = id;
        this.fixed = fixed;
    }

    /** The spelling of {@code --scale} and of project files: "auto", "none", "255", "minmax", "zscore". */
    public String id() {
        return id;
    }

    /** The scaling this choice names, or null for {@link #AUTO}. */
    public Scaling fixed() {
        return fixed;
    }

    /** Every spelling, comma-separated, for messages and help. */
    public static String ids() {
        return Arrays.stream(values()).map(ScaleChoice::id).collect(Collectors.joining(", "));
    }

    /**
     * Reads a spelling of {@link #id()}; the enum's own names ("MIN_MAX", written by project files
     * before the ids existed) are accepted too.
     *
     * @throws BadParameterException naming the text and listing the choices
     */
    public static ScaleChoice parse(String text) {
        String t = text == null ? "" : text.trim();
        for (ScaleChoice c : values()) {
            if (c.id.equalsIgnoreCase(t) || c.name().equals(t.toUpperCase(Locale.ROOT).replace('-', '_'))) {
                return c;
            }
        }
        throw new BadParameterException("unknown scale '" + text + "'; choose one of " + ids());
    }

    /** The choice naming {@code scaling} outright. */
    public static ScaleChoice of(Scaling scaling) {
        for (ScaleChoice c : values()) {
            if (c.fixed == scaling) {
                return c;
            }
        }
        throw new IllegalArgumentException(String.valueOf(scaling));
    }

    @Override
    public String toString() {
        return id;
    }
}
