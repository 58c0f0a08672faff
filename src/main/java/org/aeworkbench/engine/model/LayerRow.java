package org.aeworkbench.engine.model;

import org.aeworkbench.engine.tensor.Shape;

/**
 * One row of the designer's table: a layer with its shapes and parameter count, or the
 * problem that stops its shape from being known.
 *
 * @param zone        "encoder", "code" or "decoder"
 * @param field       path in the spec, e.g. "decoder[0]"
 * @param spec        the layer
 * @param input       input shape (null when an earlier layer is broken)
 * @param output      output shape (null when unknown)
 * @param parameters  trainable parameters (0 when unknown, or when shared by tied weights)
 * @param problem     why this layer cannot work, or null
 */
public record LayerRow(String zone, String field, LayerSpec spec, Shape input, Shape output, long parameters,
                       String problem) {
}
