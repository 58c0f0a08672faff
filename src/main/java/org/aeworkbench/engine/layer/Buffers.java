package org.aeworkbench.engine.layer;

/** Grow-only scratch buffers, so steady-state training allocates nothing. */
public final class Buffers {

    private Buffers() {
    }

    /** {@code current} if it holds at least {@code size} floats, else a new array. */
    public static float[] ensure(float[] current, int size) {
        return current != null && current.length >= size ? current : new float[size];
    }
}
