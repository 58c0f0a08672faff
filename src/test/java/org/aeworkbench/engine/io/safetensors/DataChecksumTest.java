package org.aeworkbench.engine.io.safetensors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.aeworkbench.engine.core.SpecException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workbench's checksum of safetensors weights (the format has none): written by the writer,
 * checked by the reader when present, so a flipped bit that leaves a weight finite is still found.
 */
class DataChecksumTest {

    @TempDir
    Path dir;

    private Path written() throws IOException {
        Path f = dir.resolve("w.safetensors");
        // "w" is written first, "b" second: the checksum takes them by name, b then w.
        Safetensors.write(f, List.of(new Tensor("w", new long[] {2, 2}, new float[] {1, 2, 3, 4}),
                new Tensor("b", new long[] {3}, new float[] {-1.5f, 0f, 1e-30f})), Map.of("format", "pt"));
        return f;
    }

    @Test
    void theWriterStoresTheSha256OfTheTensorsTakenByName() throws IOException {
        // Computed independently with numpy and hashlib:
        // hashlib.sha256(np.array([-1.5, 0, 1e-30, 1, 2, 3, 4], '<f4').tobytes()).hexdigest()
        Safetensors.Opened o = Safetensors.open(written());
        assertEquals("179bf0711098c591b0de477e164415183008038096d75c35c3daaab7d8497f43",
                o.header().metadata().get(DataChecksum.KEY));
        assertEquals("pt", o.header().metadata().get("format"));
        assertArrayEquals(new float[] {-1.5f, 0f, 1e-30f}, o.floats("b"));
    }

    @Test
    void everyFlippedBitOfTheTensorsIsRefusedNamingTheFile() throws IOException {
        Path f = written();
        byte[] good = Files.readAllBytes(f);
        long n = ByteBuffer.wrap(good, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        Path damaged = dir.resolve("damaged.safetensors");
        for (int i = (int) (8 + n); i < good.length; i++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] bytes = good.clone();
                bytes[i] ^= (byte) (1 << bit);
                Files.write(damaged, bytes);
                String message = assertThrows(SpecException.class, () -> Safetensors.open(damaged),
                        "byte " + i + " bit " + bit).getMessage();
                assertTrue(message.startsWith(damaged + ": damaged weights file: the tensors do not match their"
                        + " checksum (SHA-256 179bf0711098c591 stored, "), message);
            }
        }
    }

    @Test
    void aDamagedChecksumIsRefusedToo() throws IOException {
        Path f = written();
        String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
        Files.write(f, text.replace("179bf07", "179bf08").getBytes(StandardCharsets.ISO_8859_1));
        String message = assertThrows(SpecException.class, () -> Safetensors.open(f)).getMessage();
        assertTrue(message.contains("damaged weights file"), message);
    }

    @Test
    void aFileWithoutTheChecksumLoadsAsBefore() throws IOException {
        // As PyTorch's safetensors package writes: its own order (b first), no data_sha256.
        String header = "{\"__metadata__\":{\"format\":\"pt\"},\"b\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,12]},"
                + "\"w\":{\"dtype\":\"F32\",\"shape\":[2,2],\"data_offsets\":[12,28]}}";
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + json.length + 28).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(json.length).put(json);
        for (float v : new float[] {-1.5f, 0f, 1e-30f, 1, 2, 3, 4}) {
            b.putFloat(v);
        }
        Path f = Files.write(dir.resolve("torch.safetensors"), b.array());
        assertArrayEquals(new float[] {1, 2, 3, 4}, Safetensors.open(f).floats("w"));
    }

    @Test
    void namesAreOrderedByTheirUtf8Bytes() {
        // UTF-16 order puts U+FF5E before U+1F600 (a surrogate pair); code points and UTF-8 do not.
        assertTrue(DataChecksum.NAME_ORDER.compare("\uFF5E", "\uD83D\uDE00") < 0);
        assertTrue(DataChecksum.NAME_ORDER.compare("b", "w") < 0);
        assertTrue(DataChecksum.NAME_ORDER.compare("encoder.0.weight", "encoder.0") > 0);
    }
}
