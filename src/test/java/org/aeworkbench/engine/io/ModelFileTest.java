package org.aeworkbench.engine.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.aeworkbench.engine.model.Autoencoder;
import org.aeworkbench.engine.model.ModelBuilder;
import org.aeworkbench.engine.model.Presets;
import org.aeworkbench.engine.core.SpecException;
import org.aeworkbench.engine.tensor.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFileTest {

    @TempDir
    Path dir;

    private Autoencoder model() {
        return ModelBuilder.build(Presets.get("keras-deep", Shape.vector(20)), Shape.vector(20));
    }

    @Test
    void savedModelLoadsWithTheSameSpecAndWeights() throws IOException {
        Autoencoder m = model();
        Path f = dir.resolve("m.aem");
        ModelFile.save(f, m, null);
        ModelFile.Loaded back = ModelFile.load(f);
        assertEquals(m.spec(), back.model().spec());
        for (int i = 0; i < m.parameters().size(); i++) {
            assertArrayEquals(m.parameters().get(i).value(), back.model().parameters().get(i).value());
        }
    }

    @Test
    void aTruncatedFileIsRefusedWithAMessageNamingIt() throws IOException {
        Path f = dir.resolve("m.aem");
        ModelFile.save(f, model(), null);
        byte[] all = Files.readAllBytes(f);
        Files.write(f, java.util.Arrays.copyOf(all, all.length / 2));
        SpecException e = assertThrows(SpecException.class, () -> ModelFile.load(f));
        assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
    }

    @Test
    void aFailedSaveLeavesThePreviousFileIntact() throws IOException {
        Path f = dir.resolve("m.aem");
        ModelFile.save(f, model(), null);
        byte[] before = Files.readAllBytes(f);
        // A writer that fails half-way, as a full disk would.
        assertThrows(IOException.class, () -> AtomicFiles.write(f, out -> {
            out.write(new byte[1000]);
            throw new IOException("No space left on device");
        }));
        assertArrayEquals(before, Files.readAllBytes(f));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }

    /** A model file as {@link ModelFile#save} lays it out, with a header and tail of our choosing. */
    private static byte[] modelFile(String header, byte[] tail) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.DataOutputStream out = new java.io.DataOutputStream(new java.util.zip.GZIPOutputStream(bytes))) {
            byte[] json = header.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            out.write("AEWB-MODEL".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.writeInt(ModelFile.VERSION);
            out.writeInt(json.length);
            out.write(json);
            out.write(tail);
        }
        return bytes.toByteArray();
    }

    private SpecException refused(byte[] content) throws IOException {
        Path f = Files.write(dir.resolve("damaged.aem"), content);
        SpecException e = assertThrows(SpecException.class, () -> ModelFile.load(f));
        assertTrue(e.getMessage().startsWith(f + ": ") && e.getMessage().contains("damaged"), e.getMessage());
        return e;
    }

    private static final String SPEC = "{\"encoder\": [{\"type\": \"dense\", \"units\": 2}],"
            + " \"decoder\": [{\"type\": \"dense\", \"units\": 4}]}";

    @Test
    void aHeaderThatIsNotJsonIsRefusedAsDamaged() throws IOException {
        // Found by ModelFileFuzzTest: Jackson's parse error escaped as an IOException.
        SpecException e = refused(modelFile("{\"spec\": <", new byte[0]));
        assertTrue(e.getMessage().contains("not JSON"), e.getMessage());
    }

    @Test
    void aMissingOrZeroInputShapeIsRefusedAsDamaged() throws IOException {
        // Found by ModelFileFuzzTest: channels 0 reached the Shape constructor's IllegalArgumentException.
        refused(modelFile("{\"spec\": " + SPEC + ", \"input\": {\"height\": 1, \"width\": 1}}", new byte[0]));
        refused(modelFile("{\"spec\": " + SPEC + ", \"input\": {\"height\": 65536, \"width\": 65536,"
                + " \"channels\": 4}}", new byte[0]));
    }

    @Test
    void aDesignLargerThanTheFileIsRefusedBeforeAllocating() throws IOException {
        // 1 input, a 2^30-unit code: 8 GB of weights and gradients promised by a file of a few hundred bytes.
        String huge = "{\"encoder\": [{\"type\": \"dense\", \"units\": 1073741824}],"
                + " \"decoder\": [{\"type\": \"dense\", \"units\": 1}]}";
        var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
        SpecException e = refused(modelFile("{\"spec\": " + huge + ", \"input\": {\"height\": 1, \"width\": 1,"
                + " \"channels\": 1}}", new byte[0]));
        assertTrue(threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before < 16 << 20,
                "refused before allocating");
        assertTrue(e.getMessage().contains("more than the file can hold"), e.getMessage());
    }

    @Test
    void aParameterNameThatIsNotUtf8IsRefusedAsDamaged() throws IOException {
        // writeUTF's length prefix, then a byte that cannot start a modified-UTF-8 character.
        byte[] tail = {0, 0, 0, 4, 0, 1, (byte) 0xff};
        refused(modelFile("{\"spec\": " + SPEC + ", \"input\": {\"height\": 1, \"width\": 1, \"channels\": 4}}", tail));
    }
}
