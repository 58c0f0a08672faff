package org.aeworkbench.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads NumPy {@code .npy} files (format versions 1, 2 and 3, as documented in numpy.lib.format):
 * the magic {@code \x93NUMPY}, a version, a little-endian header length, a Python dict literal
 * with {@code descr}, {@code fortran_order} and {@code shape}, then the raw elements. Numeric
 * dtypes only (float32/64, signed and unsigned integers, bool), in C order; a Fortran-order
 * array or a pickled object array is refused with a message saying how to re-save it, because
 * unpickling would run arbitrary code.
 */
public final class NpyReader {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*('([^']*)'|\\[)");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private NpyReader() {
    }

    public static NumericArray read(Path file) {
        return DataFiles.read(file, NpyReader::read);
    }

    static NumericArray read(InputStream in, String name, long storedLength) throws IOException {
        byte[] start = in.readNBytes(8);
        if (start.length < 8 || !Arrays.equals(Arrays.copyOf(start, 6), MAGIC)) {
            throw new DataException(name + ": byte offset 0: not a NumPy .npy file (no \\x93NUMPY magic);"
                    + " save the array with numpy.save");
        }
        int major = start[6];
        int lengthBytes = major == 1 ? 2 : 4;
        if (major < 1 || major > 3) {
            throw new DataException(name + ": byte offset 6: .npy format version " + major
                    + " is not known (1, 2 and 3 are)");
        }
        byte[] lenBytes = in.readNBytes(lengthBytes);
        if (lenBytes.length < lengthBytes) {
            throw new DataException(name + ": byte offset " + (8 + lenBytes.length) + ": the file ends inside"
                    + " the header; it is truncated");
        }
        ByteBuffer lb = ByteBuffer.wrap(lenBytes).order(ByteOrder.LITTLE_ENDIAN);
        long headerLength = major == 1 ? lb.getShort() & 0xffff : lb.getInt() & 0xffffffffL;
        long dataStart = 8 + lengthBytes + headerLength;
        if (headerLength > 1 << 20 || (storedLength >= 0 && dataStart > storedLength)) {
            throw new DataException(name + ": byte offset 8: header length " + headerLength
                    + " does not fit in the file; it is truncated or not .npy");
        }
        byte[] headerBytes = in.readNBytes((int) headerLength);
        String header = new String(headerBytes, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        DType dtype = parseDescr(header, name);
        Matcher fortran = FORTRAN.matcher(header);
        if (fortran.find() && fortran.group(1).equals("True")) {
            throw new DataException(name + ": the array is stored in Fortran (column-major) order; re-save it"
                    + " in C order: numpy.save(path, numpy.ascontiguousarray(a))");
        }
        int[] dims = parseShape(header, name);
        long count = 1;
        for (int d : dims) {
            count = d != 0 && count > Long.MAX_VALUE / d ? Long.MAX_VALUE : count * d;
        }
        if (storedLength >= 0 && (count > (storedLength - dataStart) / dtype.bytes)) {
            long available = (storedLength - dataStart) / dtype.bytes;
            throw new DataException(name + ": byte offset " + storedLength + ": the file ends early (truncated):"
                    + " the header promises " + count + " elements, the file holds " + available);
        }
        MemoryBudget.checkFloats(count, name);
        float[] values = new float[(int) count];
        readElements(in, dtype, values, name, dataStart);
        return new NumericArray(dims, values, dtype.kind() == 'u' && dtype.bytes() == 1);
    }

    private static void readElements(InputStream in, DType dtype, float[] out, String name, long dataStart)
            throws IOException {
        int batch = 8192;
        byte[] chunk = new byte[dtype.bytes * batch];
        ByteBuffer buf = ByteBuffer.wrap(chunk).order(dtype.order);
        int done = 0;
        while (done < out.length) {
            int n = Math.min(out.length - done, batch);
            int got = in.readNBytes(chunk, 0, n * dtype.bytes);
            if (got < n * dtype.bytes) {
                throw new DataException(name + ": byte offset " + (dataStart + (long) done * dtype.bytes + got)
                        + ": the file ends early (truncated): the header promises " + out.length
                        + " elements, only " + (done + got / dtype.bytes) + " are there");
            }
            buf.clear();
            for (int i = 0; i < n; i++) {
                out[done + i] = dtype.read(buf);
            }
            done += n;
        }
    }

    private static DType parseDescr(String header, String name) {
        Matcher m = DESCR.matcher(header);
        if (!m.find()) {
            throw new DataException(name + ": the .npy header has no 'descr' (element type); the file is corrupt");
        }
        if (m.group(2) == null) {
            throw new DataException(name + ": holds a structured array (named fields); save one numeric array,"
                    + " e.g. numpy.save(path, numpy.column_stack([...]).astype(numpy.float32))");
        }
        String descr = m.group(2);
        if (descr.contains("O")) {
            throw new DataException(name + ": holds pickled Python objects (dtype " + descr + "), which are not"
                    + " read because unpickling can run code; save a numeric array:"
                    + " numpy.save(path, a.astype(numpy.float32))");
        }
        return DType.of(descr, name);
    }

    private static int[] parseShape(String header, String name) {
        Matcher m = SHAPE.matcher(header);
        if (!m.find()) {
            throw new DataException(name + ": the .npy header has no 'shape'; the file is corrupt");
        }
        List<Integer> dims = new ArrayList<>();
        for (String part : m.group(1).split(",")) {
            if (!part.isBlank()) {
                try {
                    dims.add(Integer.parseInt(part.trim().replace("L", "")));
                } catch (NumberFormatException e) {
                    throw new DataException(name + ": shape (" + m.group(1) + ") has a dimension that is not"
                            + " a whole number below 2^31");
                }
            }
        }
        if (dims.isEmpty()) {
            throw new DataException(name + ": holds a single number (shape ()), not samples; save an array"
                    + " with one row per sample");
        }
        return dims.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The numeric element types read: kind letter, byte width and byte order from the descr string. */
    private record DType(char kind, int bytes, ByteOrder order) {

        static DType of(String descr, String name) {
            char orderChar = descr.isEmpty() ? ' ' : descr.charAt(0); // an empty descr is refused below
            String rest = "<>|=".indexOf(orderChar) >= 0 ? descr.substring(1) : descr;
            ByteOrder order = orderChar == '>' ? ByteOrder.BIG_ENDIAN
                    : orderChar == '=' ? ByteOrder.nativeOrder() : ByteOrder.LITTLE_ENDIAN;
            if (rest.length() >= 2 && "fiub".indexOf(rest.charAt(0)) >= 0) {
                try {
                    DType t = new DType(rest.charAt(0), Integer.parseInt(rest.substring(1)), order);
                    if (t.supported()) {
                        return t;
                    }
                } catch (NumberFormatException e) {
                    // fall through to the refusal below
                }
            }
            throw new DataException(name + ": element type '" + descr + "' is not read; use float32, float64,"
                    + " int8/16/32/64, uint8/16/32/64 or bool (e.g. a.astype(numpy.float32))");
        }

        boolean supported() {
            return switch (kind) {
                case 'f' -> bytes == 4 || bytes == 8;
                case 'i', 'u' -> bytes == 1 || bytes == 2 || bytes == 4 || bytes == 8;
                case 'b' -> bytes == 1;
                default -> false;
            };
        }

        float read(ByteBuffer buf) {
            return switch (kind) {
                case 'f' -> bytes == 4 ? buf.getFloat() : (float) buf.getDouble();
                case 'i' -> bytes == 1 ? buf.get() : bytes == 2 ? buf.getShort()
                        : bytes == 4 ? buf.getInt() : (float) buf.getLong();
                case 'u' -> bytes == 1 ? buf.get() & 0xff : bytes == 2 ? buf.getShort() & 0xffff
                        : bytes == 4 ? (float) (buf.getInt() & 0xffffffffL) : unsignedLong(buf.getLong());
                default -> buf.get() != 0 ? 1f : 0f;
            };
        }

        private static float unsignedLong(long v) {
            return v >= 0 ? v : (float) ((v >>> 1) * 2.0 + (v & 1));
        }
    }
}
