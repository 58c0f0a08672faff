package org.aeworkbench.engine.blas;

import jdk.incubator.vector.FloatVector;

/**
 * Whether the Java Vector API (module {@code jdk.incubator.vector}) is present. Each kernel keeps
 * its lanes in a nested class that is only loaded after this check, so the engine still runs,
 * more slowly and with the same results, on a JVM started without
 * {@code --add-modules jdk.incubator.vector}.
 */
public final class Simd {

    private static final boolean AVAILABLE = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
            && !Boolean.getBoolean("aeworkbench.noSimd");

    /** Lanes a plain reduction interleaves when the Vector API is absent (any fixed count repeats itself). */
    private static final int PLAIN_LANES = 16;

    private Simd() {
    }

    public static boolean available() {
        return AVAILABLE;
    }

    /**
     * The number of float lanes the vector kernels use ({@link VectorMath#S}), which plain
     * reductions interleave too, so that the two paths sum in the same order.
     */
    public static int floatLanes() {
        return AVAILABLE ? Species.LANES : PLAIN_LANES;
    }

    /** Loaded only when the Vector API is present. */
    private static final class Species {
        static final int LANES = FloatVector.SPECIES_PREFERRED.length();
    }
}
