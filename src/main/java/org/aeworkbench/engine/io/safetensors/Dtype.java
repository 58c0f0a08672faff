package org.aeworkbench.engine.io.safetensors;

/**
 * The element types a safetensors header may name, with their width in bytes. Only {@link #F32}
 * is read into the engine; the others are known so that a file holding them (a checkpoint's
 * integer step counts, a half-precision copy) is measured and named rather than refused as
 * unknown.
 */
public enum Dtype {
    BOOL(1), U8(1), I8(1), I16(2), U16(2), F16(2), BF16(2), I32(4), U32(4), F32(4), I64(8), U64(8), F64(8);

    private final int bytes;

    Dtype(int bytes) {
        this.bytes = bytes;
    }

    public int bytes() {
        return bytes;
    }

    /** The dtype spelled as in a header ("F32"), or null when it is not one. */
    static Dtype parse(String text) {
        for (Dtype d : values()) {
            if (d.name().equals(text)) {
                return d;
            }
        }
        return null;
    }
}
