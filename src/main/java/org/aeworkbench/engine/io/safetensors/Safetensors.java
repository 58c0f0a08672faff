package org.aeworkbench.engine.io.safetensors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aeworkbench.engine.io.AtomicFiles;
import org.aeworkbench.engine.core.Heap;
import org.aeworkbench.engine.core.InputFiles;
import org.aeworkbench.engine.core.SpecException;

/**
 * Reads and writes the safetensors format (Hugging Face, 2022): an unsigned 64-bit little-endian
 * header length N, N bytes of JSON naming each tensor's dtype, shape and byte range, then the
 * tensors' bytes, little-endian and row-major. The format is data only: nothing in it is
 * executed or unpickled, which is why PyTorch weights come back into the workbench this way.
 *
 * <p>Reading checks the header length against {@link #MAX_HEADER} and against the file's size
 * before allocating anything for it, then checks the header ({@link SafetensorsHeader}) before any
 * tensor is read; a tensor is read only as float32 and into an array its checked byte range sizes.
 */
public final class Safetensors {

    /** A header beyond this is refused unread; the workbench's designs need a few kilobytes. */
    public static final long MAX_HEADER = 16L << 20;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Safetensors() {
    }

    /** A file whose header has been read and checked; tensors are read from it on demand. */
    public record Opened(Path file, SafetensorsHeader header, long dataStart) {

        /** The float32 values of tensor {@code name}, row-major. */
        public float[] floats(String name) throws IOException {
            TensorEntry t = header.tensor(name);
            if (t == null) {
                throw SafetensorsHeader.refuse(file.toString(), "holds no tensor '" + name + "'");
            }
            return floats(t);
        }

        public float[] floats(TensorEntry t) throws IOException {
            if (t.dtype() != Dtype.F32) {
                throw SafetensorsHeader.refuse(file.toString(), "tensor '" + t.name() + "' is " + t.dtype()
                        + "; the workbench reads float32 weights: save them as float32 (model.float() in PyTorch)");
            }
            if (t.elements() > Integer.MAX_VALUE - 8) {
                throw SafetensorsHeader.refuse(file.toString(), "tensor '" + t.name() + "' holds " + t.elements()
                        + " values, more than one array can");
            }
            long bytes = 4 * t.elements();
            long available = Heap.availableFor(bytes);
            if (bytes > available) {
                throw SafetensorsHeader.refuse(file.toString(), "tensor '" + t.name() + "' needs " + Heap.describe(bytes)
                        + " but only " + Heap.describe(available) + " of memory is free; start Java with -Xmx"
                        + Heap.gigabytesFor(bytes) + "g or more");
            }
            float[] values = new float[(int) t.elements()];
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                ByteBuffer buf = ByteBuffer.allocate((int) Math.min(1 << 20, Math.max(4, t.end() - t.begin())))
                        .order(ByteOrder.LITTLE_ENDIAN);
                long pos = dataStart + t.begin();
                int filled = 0;
                while (filled < values.length) {
                    buf.clear();
                    buf.limit((int) Math.min(buf.capacity(), (long) (values.length - filled) * 4));
                    while (buf.hasRemaining()) {
                        int n = ch.read(buf, pos);
                        if (n < 0) {
                            throw SafetensorsHeader.refuse(file.toString(), "the file ends inside tensor '" + t.name()
                                    + "'; it is truncated");
                        }
                        pos += n;
                    }
                    buf.flip();
                    while (buf.remaining() >= 4) {
                        values[filled++] = buf.getFloat();
                    }
                }
            }
            return values;
        }
    }

    /**
     * Opens {@code file} and checks its header: the length first (at most {@link #MAX_HEADER}
     * and within the file), then the JSON and the byte ranges it declares; then, when the header
     * holds the workbench's {@link DataChecksum}, every tensor's bytes against it.
     */
    public static Opened open(Path file) throws IOException {
        String origin = file.toString();
        String notAFile = InputFiles.notAFile(file);
        if (notAFile != null) {
            // Opening a named pipe would wait for a writer, and a device has no size to check against.
            throw SafetensorsHeader.refuse(origin, notAFile + "; give the safetensors file train.py wrote");
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size < 8) {
                throw SafetensorsHeader.refuse(origin, size + " bytes is too short for a safetensors file"
                        + " (8 bytes of header length come first)");
            }
            ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            readFully(ch, len, 0, origin);
            long n = len.flip().getLong();
            if (n < 0 || n > MAX_HEADER) {
                throw SafetensorsHeader.refuse(origin, "the header claims " + Long.toUnsignedString(n)
                        + " bytes, more than the " + MAX_HEADER + " a safetensors header may have here; the file is"
                        + " damaged or not safetensors");
            }
            if (n > size - 8) {
                throw SafetensorsHeader.refuse(origin, "the header claims " + n + " bytes but the file holds only "
                        + (size - 8) + " after its length: the file is truncated");
            }
            if (n < 2) {
                throw SafetensorsHeader.refuse(origin, "the header is " + n + " bytes long; it must hold at least {}");
            }
            ByteBuffer json = ByteBuffer.allocate((int) n);
            readFully(ch, json, 8, origin);
            SafetensorsHeader header = SafetensorsHeader.parse(json.array(), size - 8 - n, origin);
            DataChecksum.verify(ch, header, 8 + n, origin);
            return new Opened(file, header, 8 + n);
        }
    }

    private static void readFully(FileChannel ch, ByteBuffer buf, long pos, String origin) throws IOException {
        while (buf.hasRemaining()) {
            int n = ch.read(buf, pos);
            if (n < 0) {
                throw SafetensorsHeader.refuse(origin, "the file is truncated");
            }
            pos += n;
        }
    }

    /**
     * Writes {@code tensors} (float32, in the order given) and {@code metadata}, with the tensors'
     * {@link DataChecksum}, as a safetensors file, atomically. The header is padded with spaces to a multiple of 8 bytes, so that the
     * data starts aligned, as the reference implementation does.
     */
    public static void write(Path file, List<Tensor> tensors, Map<String, String> metadata) throws IOException {
        ObjectNode header = MAPPER.createObjectNode();
        ObjectNode m = header.putObject(SafetensorsHeader.METADATA);
        if (metadata != null) {
            metadata.forEach(m::put);
        }
        m.put(DataChecksum.KEY, DataChecksum.of(tensors));
        Set<String> names = new HashSet<>();
        long offset = 0;
        for (Tensor t : tensors) {
            if (!names.add(t.name()) || t.name().equals(SafetensorsHeader.METADATA)) {
                throw new SpecException("", file + ": the tensor name '" + t.name() + "' is used twice or reserved");
            }
            ObjectNode e = header.putObject(t.name());
            e.put("dtype", Dtype.F32.name());
            ArrayNode shape = e.putArray("shape");
            for (long d : t.shape()) {
                shape.add(d);
            }
            long bytes = (long) t.values().length * 4;
            e.putArray("data_offsets").add(offset).add(offset + bytes);
            offset += bytes;
        }
        byte[] json = MAPPER.writeValueAsString(header).getBytes(StandardCharsets.UTF_8);
        int padded = (json.length + 7) / 8 * 8;
        AtomicFiles.write(file, out -> {
            ByteBuffer head = ByteBuffer.allocate(8 + padded).order(ByteOrder.LITTLE_ENDIAN);
            head.putLong(padded).put(json);
            while (head.hasRemaining()) {
                head.put((byte) ' ');
            }
            out.write(head.array());
            storedBytes(tensors, out::write);
        });
    }

    /** Where the tensors' bytes go, a buffer at a time. */
    interface ByteSink {
        void write(byte[] bytes, int offset, int length) throws IOException;
    }

    /** The tensors' values as stored: float32 little-endian, one tensor after another, in the order given. */
    static void storedBytes(List<Tensor> tensors, ByteSink sink) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
        for (Tensor t : tensors) {
            for (float v : t.values()) {
                if (buf.remaining() < 4) {
                    sink.write(buf.array(), 0, buf.position());
                    buf.clear();
                }
                buf.putFloat(v);
            }
        }
        sink.write(buf.array(), 0, buf.position());
    }
}
