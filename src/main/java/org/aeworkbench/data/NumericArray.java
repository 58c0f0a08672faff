package org.aeworkbench.data;

/**
 * An n-dimensional array as read from an IDX or NPY file: the dimensions (the first counts
 * samples), the elements as floats in C order (last index fastest), and whether the file stored
 * them as unsigned bytes (IDX type 0x08, NPY {@code |u1}).
 */
public record NumericArray(int[] dims, float[] values, boolean unsignedBytes) {

    public NumericArray(int[] dims, float[] values) {
        this(dims, values, false);
    }

    /** Number of elements per sample: the product of every dimension but the first. */
    public long perSample() {
        long p = 1;
        for (int i = 1; i < dims.length; i++) {
            p *= dims[i];
        }
        return p;
    }
}
