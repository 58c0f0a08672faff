package org.aeworkbench.engine.layer;

/**
 * A trainable array and its gradient, of equal length. Layers accumulate into {@link #grad}
 * (several layers may share one parameter, as tied weights do); the trainer zeroes it before
 * each step.
 *
 * @param name  where it lives, e.g. "encoder[0].weight"
 * @param rows  rows as stored (row-major); 1 for a bias
 * @param cols  columns as stored
 */
public record Parameter(String name, int rows, int cols, float[] value, float[] grad) {

    public Parameter(String name, int rows, int cols) {
        this(name, rows, cols, new float[rows * cols], new float[rows * cols]);
    }

    public int size() {
        return value.length;
    }
}
