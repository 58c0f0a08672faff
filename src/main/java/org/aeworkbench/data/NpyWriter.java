package org.aeworkbench.data;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.aeworkbench.engine.io.AtomicFiles;

/**
 * Writes float32 arrays as NumPy {@code .npy} files, format version 1.0 as numpy.lib.format
 * documents it and numpy.save writes it: the magic {@code \x93NUMPY}, version 1 0, a little-endian
 * uint16 header length, the header dict {@code {'descr': '<f4', 'fortran_order': False, 'shape':
 * (...), }} padded with spaces and a newline so the data starts on a multiple of 64 bytes, then
 * the elements little-endian in C order. {@code numpy.load} reads it; so does {@link NpyReader}.
 */
public final class NpyWriter {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0};

    private NpyWriter() {
    }

    /**
     * Writes {@code values} as an array of the given shape, atomically.
     *
     * @param shape the dimensions, first the number of rows; their product must be values.length
     */
    public static void write(Path file, float[] values, int... shape) throws IOException {
        long count = 1;
        for (int d : shape) {
            count *= d;
        }
        if (shape.length == 0 || count != values.length) {
            throw new IllegalArgumentException(values.length + " values do not fill shape " + Arrays.toString(shape));
        }
        AtomicFiles.write(file, out -> write(out, values, shape));
    }

    static void write(OutputStream out, float[] values, int[] shape) throws IOException {
        out.write(header(shape));
        ByteBuffer buf = ByteBuffer.allocate(4 * 8192).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < values.length; i += 8192) {
            buf.clear();
            int n = Math.min(8192, values.length - i);
            buf.asFloatBuffer().put(values, i, n);
            out.write(buf.array(), 0, 4 * n);
        }
    }

    /** Magic, version, header length and the padded header dict. */
    static byte[] header(int[] shape) {
        String dims = Arrays.stream(shape).mapToObj(Integer::toString).collect(Collectors.joining(", "));
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + dims + (shape.length == 1 ? "," : "")
                + "), }";
        int unpadded = MAGIC.length + 2 + dict.length() + 1;
        int padded = (unpadded + 63) / 64 * 64;
        String text = dict + " ".repeat(padded - unpadded) + "\n";
        ByteBuffer b = ByteBuffer.allocate(MAGIC.length + 2 + text.length()).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).putShort((short) text.length()).put(text.getBytes(StandardCharsets.US_ASCII));
        return b.array();
    }
}
