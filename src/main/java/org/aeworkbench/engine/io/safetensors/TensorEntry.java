package org.aeworkbench.engine.io.safetensors;

import java.util.Arrays;

/**
 * One tensor as a safetensors header describes it: its element type, its shape (row-major) and
 * where its bytes lie, as offsets into the data that follows the header.
 *
 * @param begin first byte, relative to the start of the data
 * @param end   one past the last byte
 */
public record TensorEntry(String name, Dtype dtype, long[] shape, long begin, long end) {

    public TensorEntry {
        shape = shape.clone();
    }

    /** Elements: the product of the shape (1 for a scalar). */
    public long elements() {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return n;
    }

    /** "[784, 512]" */
    public String shapeText() {
        return Arrays.toString(shape);
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TensorEntry t && t.name.equals(name) && t.dtype == dtype && Arrays.equals(t.shape, shape)
                && t.begin == begin && t.end == end;
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(shape);
    }
}
