package org.aeworkbench.engine.io.safetensors;

import java.util.Arrays;

/**
 * A float32 tensor to write or just read: a name, a row-major shape and its values.
 */
public record Tensor(String name, long[] shape, float[] values) {

    public Tensor {
        shape = shape.clone();
        long n = 1;
        for (long d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException(name + ": negative dimension in " + Arrays.toString(shape));
            }
            n *= d;
        }
        if (n != values.length) {
            throw new IllegalArgumentException(name + ": shape " + Arrays.toString(shape) + " holds " + n
                    + " values, not " + values.length);
        }
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }
}
