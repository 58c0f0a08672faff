package org.aeworkbench.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * Reads IDX files, the format MNIST and Fashion-MNIST ship in (LeCun et al., "THE MNIST DATABASE
 * of handwritten digits", file format section): two zero bytes, a type byte, the number of
 * dimensions, one big-endian int32 per dimension, then the elements big-endian in C order.
 * Plain or gzipped (detected from the first two bytes, not the name). Every element type IDX
 * defines is read: 0x08 unsigned byte, 0x09 signed byte, 0x0B int16, 0x0C int32, 0x0D float32,
 * 0x0E float64. Values are returned as they are stored (no scaling).
 */
public final class IdxReader {

    private static final int HEADER_START = 4;
    /** Deflate cannot compress better than about 1032:1, so a gzip claiming more is lying. */
    private static final long MAX_DEFLATE_RATIO = 1032;

    private IdxReader() {
    }

    /** Reads a plain or gzipped IDX file. */
    public static NumericArray read(Path file) {
        return DataFiles.read(file, IdxReader::read);
    }

    /**
     * Reads an IDX stream.
     *
     * @param name         shown in messages (file path or bundled resource name)
     * @param storedLength bytes the stream holds as stored (compressed if gzipped), or -1 if unknown;
     *                     used to refuse a header claiming more data than the file can hold
     */
    public static NumericArray read(InputStream raw, String name, long storedLength) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(raw, 1 << 16);
        buffered.mark(2);
        int b0 = buffered.read();
        int b1 = buffered.read();
        buffered.reset();
        boolean gzipped = b0 == 0x1f && b1 == 0x8b;
        InputStream in = gzipped ? new BufferedInputStream(new GZIPInputStream(buffered, 1 << 16), 1 << 16) : buffered;
        long maxPayload = storedLength < 0 ? Long.MAX_VALUE
                : gzipped ? storedLength * MAX_DEFLATE_RATIO : storedLength;
        return readIdx(in, name, maxPayload);
    }

    private static NumericArray readIdx(InputStream in, String name, long maxPayload) throws IOException {
        byte[] magic = readExactly(in, 4, name, 0, "the 4-byte magic number");
        if (magic[0] != 0 || magic[1] != 0) {
            throw new DataException(name + ": byte offset 0: not an IDX file (magic number starts "
                    + hex(magic[0]) + " " + hex(magic[1]) + ", expected 00 00); give an IDX file such as"
                    + " train-images-idx3-ubyte(.gz)");
        }
        ElementType type = ElementType.of(magic[2], name);
        int ndims = magic[3] & 0xff;
        if (ndims < 1) {
            throw new DataException(name + ": byte offset 3: the header says 0 dimensions; an IDX file needs"
                    + " at least one (the sample count)");
        }
        ByteBuffer dimBytes = ByteBuffer.wrap(readExactly(in, 4 * ndims, name, HEADER_START,
                ndims + " dimension sizes")).order(ByteOrder.BIG_ENDIAN);
        int[] dims = new int[ndims];
        long count = 1;
        for (int d = 0; d < ndims; d++) {
            dims[d] = dimBytes.getInt();
            if (dims[d] < 0) {
                throw new DataException(name + ": byte offset " + (HEADER_START + 4 * d) + ": dimension "
                        + d + " is negative (" + dims[d] + "); the header is corrupt");
            }
            // Saturate instead of overflowing: 255 dimensions of 2^31 would wrap a long.
            count = dims[d] != 0 && count > Long.MAX_VALUE / dims[d] ? Long.MAX_VALUE : count * dims[d];
        }
        long headerBytes = HEADER_START + 4L * ndims;
        long payload = count == Long.MAX_VALUE ? Long.MAX_VALUE : count * type.bytes;
        if (payload / type.bytes != count || payload > maxPayload) {
            throw new DataException(name + ": byte offset " + HEADER_START + ": the header claims "
                    + Arrays.toString(dims) + " = " + (count == Long.MAX_VALUE ? "too many" : count)
                    + " elements, more than the file can hold; the file is corrupt or not IDX");
        }
        MemoryBudget.checkFloats(count, name);
        float[] values = new float[(int) count];
        readElements(in, type, values, name, headerBytes);
        return new NumericArray(dims, values, type == ElementType.UBYTE);
    }

    private static void readElements(InputStream in, ElementType type, float[] out, String name,
                                     long headerBytes) throws IOException {
        byte[] chunk = new byte[type.bytes * 8192];
        ByteBuffer buf = ByteBuffer.wrap(chunk).order(ByteOrder.BIG_ENDIAN);
        int done = 0;
        while (done < out.length) {
            int want = Math.min(out.length - done, 8192) * type.bytes;
            int got = in.readNBytes(chunk, 0, want);
            if (got < want) {
                long offset = headerBytes + (long) done * type.bytes + got;
                throw new DataException(name + ": byte offset " + offset + ": the file ends early (truncated):"
                        + " the header promises " + out.length + " elements, only "
                        + (done + got / type.bytes) + " are there; download or copy the file again");
            }
            buf.clear();
            int n = want / type.bytes;
            for (int i = 0; i < n; i++) {
                out[done + i] = type.read(buf);
            }
            done += n;
        }
    }

    private static byte[] readExactly(InputStream in, int n, String name, long offset, String what)
            throws IOException {
        byte[] b = in.readNBytes(n);
        if (b.length < n) {
            throw new DataException(name + ": byte offset " + (offset + b.length) + ": the file ends inside "
                    + what + (offset == 0 && b.length == 0 ? " (the file is empty)" : "")
                    + "; it is truncated or not an IDX file");
        }
        return b;
    }

    private static String hex(byte b) {
        return String.format("%02x", b & 0xff);
    }

    /** The element types the IDX format defines, by their type byte. */
    enum ElementType {
        UBYTE(0x08, 1), BYTE(0x09, 1), SHORT(0x0B, 2), INT(0x0C, 4), FLOAT(0x0D, 4), DOUBLE(0x0E, 8);

        final int code;
        final int bytes;

        ElementType(int code, int bytes) {
            this.code = code;
            this.bytes = bytes;
        }

        static ElementType of(byte code, String name) {
            for (ElementType t : values()) {
                if (t.code == (code & 0xff)) {
                    return t;
                }
            }
            throw new DataException(name + ": byte offset 2: unknown IDX element type 0x" + hex(code)
                    + " (IDX defines 08, 09, 0b, 0c, 0d, 0e); the file is corrupt or not IDX");
        }

        float read(ByteBuffer buf) {
            return switch (this) {
                case UBYTE -> buf.get() & 0xff;
                case BYTE -> buf.get();
                case SHORT -> buf.getShort();
                case INT -> buf.getInt();
                case FLOAT -> buf.getFloat();
                case DOUBLE -> (float) buf.getDouble();
            };
        }
    }
}
