package org.aeworkbench.export.translate;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Values a variant names for the encoder part's outputs (a VAE's mean and log-variance), in the
 * order they are added; empty means the code itself is the output.
 */
public final class OnnxOutputs {

    private final Map<String, OnnxValue> named = new LinkedHashMap<>();

    public void put(String name, OnnxValue value) {
        named.put(name, value);
    }

    public Map<String, OnnxValue> named() {
        return named;
    }
}
