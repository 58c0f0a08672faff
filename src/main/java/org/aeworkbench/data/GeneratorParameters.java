package org.aeworkbench.data;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A registry name with optional parameters: {@code curves}, {@code curves:n=2000,seed=3},
 * {@code blobs:n=500,dims=10,centers=4}. Unknown keys and malformed numbers are refused with a
 * message that lists the keys the set accepts.
 */
public record GeneratorParameters(String name, Map<String, String> values) {

    public GeneratorParameters {
        values = Map.copyOf(values);
    }

    /** The name part of "name:k=v,k=v", without checking the parameters. */
    public static String nameOf(String spec) {
        int colon = spec.indexOf(':');
        return (colon < 0 ? spec : spec.substring(0, colon)).trim();
    }

    /** Splits "name:k=v,k=v" into the name and its parameters. */
    public static GeneratorParameters parse(String spec) {
        int colon = spec.indexOf(':');
        if (colon < 0) {
            return new GeneratorParameters(spec.trim(), Map.of());
        }
        String name = spec.substring(0, colon).trim();
        Map<String, String> values = new LinkedHashMap<>();
        String rest = spec.substring(colon + 1).trim();
        if (!rest.isEmpty()) {
            for (String pair : rest.split(",")) {
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw new BadParameterException(spec + ": parameter '" + pair.trim() + "' is not key=value;"
                            + " write e.g. " + name + ":n=2000,seed=3");
                }
                values.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
            }
        }
        return new GeneratorParameters(name, values);
    }

    /** Throws if a key outside {@code allowed} was given. */
    public void requireOnly(Set<String> allowed) {
        for (String key : values.keySet()) {
            if (!allowed.contains(key)) {
                throw new BadParameterException(name + ": unknown parameter '" + key + "'"
                        + (allowed.isEmpty() ? "; this set takes no parameters"
                        : "; it accepts " + String.join(", ", allowed.stream().sorted().toList())));
            }
        }
    }

    /** An integer parameter in [min, max], or the default when absent. */
    public int intValue(String key, int defaultValue, int min, int max) {
        String v = values.get(key);
        if (v == null) {
            return defaultValue;
        }
        try {
            int i = Integer.parseInt(v);
            if (i < min || i > max) {
                throw new BadParameterException(name + ": " + key + "=" + v + " is outside " + min + ".." + max);
            }
            return i;
        } catch (NumberFormatException e) {
            throw new BadParameterException(name + ": " + key + "=" + v + " is not a whole number");
        }
    }

    /** A long parameter (seeds), or the default when absent. */
    public long longValue(String key, long defaultValue) {
        String v = values.get(key);
        if (v == null) {
            return defaultValue;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new BadParameterException(name + ": " + key + "=" + v + " is not a whole number");
        }
    }

    /** A decimal parameter in [min, max], or the default when absent. */
    public double doubleValue(String key, double defaultValue, double min, double max) {
        String v = values.get(key);
        if (v == null) {
            return defaultValue;
        }
        try {
            double d = Double.parseDouble(v);
            if (!(d >= min && d <= max)) {
                throw new BadParameterException(name + ": " + key + "=" + v + " is outside " + min + ".." + max);
            }
            return d;
        } catch (NumberFormatException e) {
            throw new BadParameterException(name + ": " + key + "=" + v + " is not a number");
        }
    }
}
