package org.aeworkbench.ui.design;

import org.aeworkbench.engine.model.ModelSpec;

/**
 * One entry of the design history: the spec, and whether the decoder follows the encoder
 * ("Mirror encoder"). Both are undone together, so undoing a mirror toggle restores the
 * decoder it replaced.
 *
 * @param spec     the design
 * @param mirrored whether edits to the encoder rewrite the decoder as its mirror image
 */
public record DesignState(ModelSpec spec, boolean mirrored) {
}
