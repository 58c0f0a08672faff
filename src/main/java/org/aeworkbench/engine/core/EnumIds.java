package org.aeworkbench.engine.core;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The JSON and command-line spelling of engine enums: lower case with hyphens
 * ({@code LEAKY_RELU} is "leaky-relu"), and a parse that lists the accepted values on failure.
 */
public final class EnumIds {

    private EnumIds() {
    }

    public static String id(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static <E extends Enum<E>> E parse(Class<E> type, String text, String what) {
        if (text == null) {
            throw new IllegalArgumentException(what + " is missing");
        }
        String key = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(key)) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown " + what + " '" + text + "': use one of "
                + Arrays.stream(type.getEnumConstants()).map(EnumIds::id).collect(Collectors.joining(", ")));
    }
}
