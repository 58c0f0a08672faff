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

class SafetensorsTest {

    @TempDir
    Path dir;

    /** A file laid out by hand from the format's description, independent of the writer. */
    private Path handMade(String header, float... data) throws IOException {
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + json.length + data.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(json.length).put(json);
        for (float v : data) {
            b.putFloat(v);
        }
        Path f = dir.resolve("hand.safetensors");
        Files.write(f, b.array());
        return f;
    }

    private Path raw(byte[] bytes) throws IOException {
        Path f = dir.resolve("raw.safetensors");
        Files.write(f, bytes);
        return f;
    }

    private static byte[] withLength(long claimed, String json) {
        byte[] j = json.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(8 + j.length).order(ByteOrder.LITTLE_ENDIAN).putLong(claimed).put(j).array();
    }

    @Test
    void readsAFileLaidOutByHand() throws IOException {
        Path f = handMade("{\"__metadata__\":{\"format\":\"pt\"},\"b\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[16,28]},"
                + "\"w\":{\"dtype\":\"F32\",\"shape\":[2,2],\"data_offsets\":[0,16]}}  ", 1, 2, 3, 4, -1.5f, 0f, 1e-30f);
        Safetensors.Opened o = Safetensors.open(f);
        assertEquals(Map.of("format", "pt"), o.header().metadata());
        assertEquals(List.of("b", "w"), o.header().tensors().stream().map(TensorEntry::name).toList());
        assertArrayEquals(new long[] {2, 2}, o.header().tensor("w").shape());
        assertArrayEquals(new float[] {1, 2, 3, 4}, o.floats("w"));
        assertArrayEquals(new float[] {-1.5f, 0f, 1e-30f}, o.floats("b"));
    }

    @Test
    void writesWhatItReadsBackBitForBitWithAnAlignedHeader() throws IOException {
        float[] w = new float[6 * 5];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) Math.sin(i) * 1e3f;
        }
        w[3] = Float.MIN_VALUE;
        w[4] = -0f;
        Path f = dir.resolve("w.safetensors");
        Safetensors.write(f, List.of(new Tensor("encoder.0.weight", new long[] {6, 5}, w),
                new Tensor("scalar", new long[0], new float[] {7f})), Map.of("producer", "test"));
        byte[] bytes = Files.readAllBytes(f);
        long n = ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        assertEquals(0, n % 8, "the data starts 8-byte aligned");
        assertEquals(8 + n + 31 * 4, bytes.length);
        Safetensors.Opened o = Safetensors.open(f);
        float[] back = o.floats("encoder.0.weight");
        for (int i = 0; i < w.length; i++) {
            assertEquals(Float.floatToRawIntBits(w[i]), Float.floatToRawIntBits(back[i]), "value " + i);
        }
        assertArrayEquals(new float[] {7f}, o.floats("scalar"));
        assertEquals("test", o.header().metadata().get("producer"));
    }

    private String refusal(byte[] bytes) {
        return assertThrows(SpecException.class, () -> Safetensors.open(raw(bytes))).getMessage();
    }

    private String refusal(String header, float... data) {
        return assertThrows(SpecException.class, () -> {
            Safetensors.Opened o = Safetensors.open(handMade(header, data));
            for (TensorEntry t : o.header().tensors()) {
                o.floats(t);
            }
        }).getMessage();
    }

    @Test
    void refusesANamedPipeWithoutWaitingForAWriter() throws Exception {
        Path pipe = dir.resolve("weights.safetensors");
        assertEquals(0, new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor(), "mkfifo");
        org.aeworkbench.engine.core.SpecException e = org.junit.jupiter.api.Assertions.assertThrows(
                org.aeworkbench.engine.core.SpecException.class, () -> org.junit.jupiter.api.Assertions
                        .assertTimeoutPreemptively(java.time.Duration.ofSeconds(30), () -> Safetensors.open(pipe)));
        assertTrue(e.getMessage().startsWith(pipe + ": is a named pipe"), e.getMessage());
    }

    @Test
    void refusesAFileShorterThanItsLengthField() {
        assertTrue(refusal(new byte[] {1, 2, 3}).contains("too short"));
    }

    @Test
    void refusesAnOversizedHeaderLengthUnread() {
        // 2^63 + 5 reads as negative in Java; 2^40 is positive but far beyond the limit and the file.
        String m1 = refusal(withLength(0x8000000000000005L, "{}"));
        assertTrue(m1.contains("9223372036854775813") && m1.contains("more than"), m1);
        String m2 = refusal(withLength(1L << 40, "{}"));
        assertTrue(m2.contains("more than"), m2);
    }

    @Test
    void refusesAHeaderThatRunsPastTheEndOfTheFile() {
        String m = refusal(withLength(1000, "{\"a\":1}"));
        assertTrue(m.contains("truncated") && m.contains("1000"), m);
    }

    @Test
    void refusesTruncatedTensorData() {
        String m = refusal("{\"w\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[0,16]}}", 1, 2);
        assertTrue(m.contains("'w'") && m.contains("truncated"), m);
    }

    @Test
    void refusesOffsetsThatDisagreeWithTheShape() {
        String m = refusal("{\"w\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,16]}}", 1, 2, 3, 4);
        assertTrue(m.contains("needs 12"), m);
    }

    @Test
    void refusesOverlapsAndHoles() {
        String overlap = refusal("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                + "\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]}}", 1, 2, 3);
        assertTrue(overlap.contains("overlaps"), overlap);
        String hole = refusal("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}", 1, 2);
        assertTrue(hole.contains("belong to no tensor"), hole);
        String tail = refusal("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}", 1, 2);
        assertTrue(tail.contains("follow the header"), tail);
    }

    @Test
    void refusesShapesWhoseSizeOverflows() {
        String m = refusal("{\"a\":{\"dtype\":\"F64\",\"shape\":[4294967296,4294967296],\"data_offsets\":[0,8]}}", 1, 2);
        assertTrue(m.contains("too large"), m);
        String neg = refusal("{\"a\":{\"dtype\":\"F32\",\"shape\":[-1],\"data_offsets\":[0,4]}}", 1);
        assertTrue(neg.contains("shape[0]"), neg);
    }

    @Test
    void refusesDuplicateNamesUnknownDtypesAndNonJson() {
        assertTrue(refusal("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},"
                + "\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}", 1, 2).contains("not valid JSON"));
        assertTrue(refusal("{\"a\":{\"dtype\":\"F8\",\"shape\":[1],\"data_offsets\":[0,1]}}", 1).contains("dtype"));
        assertTrue(refusal("[1,2]").contains("not a JSON object"));
        assertTrue(refusal("{\"__metadata__\":{\"a\":1}}").contains("must be a string"));
    }

    @Test
    void readsOtherDtypesAsDataButRefusesThemAsWeights() throws IOException {
        Path f = handMade("{\"step\":{\"dtype\":\"I64\",\"shape\":[],\"data_offsets\":[0,8]}}", 0, 0);
        Safetensors.Opened o = Safetensors.open(f);
        assertEquals(Dtype.I64, o.header().tensor("step").dtype());
        String m = assertThrows(SpecException.class, () -> o.floats("step")).getMessage();
        assertTrue(m.contains("float32"), m);
    }
}
