package org.aeworkbench.engine.io.safetensors;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * The workbench's own checksum of a safetensors file's tensors. The format has none, so the files
 * the workbench and its exported train.py write carry one as string metadata, under
 * {@value #KEY}: the SHA-256 of every tensor's bytes as stored (little-endian), the tensors taken
 * in the order of their names' UTF-8 bytes. That order does not depend on where a writer puts each
 * tensor in the file (the {@code safetensors} package orders them its own way), so a writer can
 * compute it from the arrays before writing. Files without the key (written by PyTorch or the
 * {@code safetensors} package) are read as before.
 */
public final class DataChecksum {

    /** The {@code __metadata__} key holding the checksum, 64 lower-case hex digits. */
    public static final String KEY = "data_sha256";

    /** Names in the order of their UTF-8 bytes, which is the order of their code points. */
    static final Comparator<String> NAME_ORDER = (a, b) -> Arrays.compareUnsigned(
            a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));

    private DataChecksum() {
    }

    /** The checksum of float32 tensors about to be written. */
    static String of(List<Tensor> tensors) {
        MessageDigest sha = sha256();
        List<Tensor> sorted = new ArrayList<>(tensors);
        sorted.sort(Comparator.comparing(Tensor::name, NAME_ORDER));
        try {
            Safetensors.storedBytes(sorted, sha::update);
        } catch (IOException e) {
            throw new IllegalStateException("a digest does not fail", e);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /**
     * Checks a file's tensors against the checksum its header holds, if it holds one; reads each
     * tensor's byte range once, a megabyte at a time.
     */
    static void verify(FileChannel ch, SafetensorsHeader header, long dataStart, String origin) throws IOException {
        String stored = header.metadata().get(KEY);
        if (stored == null) {
            return;
        }
        MessageDigest sha = sha256();
        List<TensorEntry> sorted = new ArrayList<>(header.tensors());
        sorted.sort(Comparator.comparing(TensorEntry::name, NAME_ORDER));
        ByteBuffer buf = ByteBuffer.allocate(1 << 20);
        for (TensorEntry t : sorted) {
            long pos = dataStart + t.begin();
            long end = dataStart + t.end();
            while (pos < end) {
                buf.clear().limit((int) Math.min(buf.capacity(), end - pos));
                int n = ch.read(buf, pos);
                if (n < 0) {
                    throw SafetensorsHeader.refuse(origin, "the file ends inside tensor '" + t.name() + "'; it is truncated");
                }
                sha.update(buf.array(), 0, n);
                pos += n;
            }
        }
        String computed = HexFormat.of().formatHex(sha.digest());
        if (!computed.equalsIgnoreCase(stored.strip())) {
            throw SafetensorsHeader.refuse(origin, "damaged weights file: the tensors do not match their checksum"
                    + " (SHA-256 " + shortened(stored) + " stored, " + computed.substring(0, 16) + " computed); nothing"
                    + " was loaded, use another copy");
        }
    }

    private static String shortened(String stored) {
        String s = stored.strip();
        return s.length() <= 16 ? s : s.substring(0, 16);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
