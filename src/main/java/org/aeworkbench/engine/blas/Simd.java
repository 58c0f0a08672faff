package org.aeworkbench.engine.blas;

/**
 * Whether the Java Vector API (module {@code jdk.incubator.vector}) is present. Code that uses it
 * lives in {@link VectorKernels}, which is only loaded after this check, so the engine still runs,
 * more slowly, on a JVM started without {@code --add-modules jdk.incubator.vector}.
 */
public final class Simd {

    private static final boolean AVAILABLE = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
            && !Boolean.getBoolean("aeworkbench.noSimd");

    private Simd() {
    }

    public static boolean available() {
        return AVAILABLE;
    }
}
