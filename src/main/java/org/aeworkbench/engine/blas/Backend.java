package org.aeworkbench.engine.blas;

import java.util.Locale;

/** Which GEMM implementation to use; {@link #AUTO} takes the fastest that loads. */
public enum Backend {
    AUTO, NATIVE, JAVA, EJML;

    /** Parses a user-facing name ("auto", "native", "java", "ejml"), naming the choices on failure. */
    public static Backend parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown BLAS backend '" + text
                    + "': use auto, native, java or ejml");
        }
    }
}
