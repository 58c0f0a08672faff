package org.aeworkbench.engine.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.aeworkbench.engine.core.SpecException;
import org.aeworkbench.engine.layer.Activation;
import org.aeworkbench.engine.layer.Parameter;
import org.aeworkbench.engine.loss.ReconstructionLoss;
import org.aeworkbench.engine.model.Autoencoder;
import org.aeworkbench.engine.model.DenseSpec;
import org.aeworkbench.engine.model.ModelBuilder;
import org.aeworkbench.engine.model.ModelSpec;
import org.aeworkbench.engine.model.ModelSpecJson;
import org.aeworkbench.engine.tensor.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A damaged model file is refused, naming the file, never loaded silently (issue 21: one flipped
 * bit, or a file missing its last 8 bytes, loaded and trained with exit 0). Every bit of a saved
 * file is flipped in turn and every shorter length tried. Files written before the header carried
 * its own checksum still load, with the CRC-32 of their content checked.
 */
class ModelFileIntegrityTest {

    private static final Shape IRIS = Shape.vector(4);

    @TempDir
    Path dir;

    private static Autoencoder tiny() {
        ModelSpec spec = ModelSpec.of("tiny", List.of(new DenseSpec(2, Activation.RELU)),
                List.of(new DenseSpec(4, Activation.IDENTITY)), ReconstructionLoss.MSE);
        return ModelBuilder.build(spec, IRIS);
    }

    private byte[] saved(Autoencoder model) throws IOException {
        Path f = dir.resolve("saved.aem");
        ModelFile.save(f, model, ModelSpecJson.mapper().createObjectNode().put("note", "a test"));
        return Files.readAllBytes(f);
    }

    /** The file loads with exactly the saved weights, or is refused with a message naming it. */
    private boolean loadsUnchangedOrIsRefused(Path file, byte[] bytes, Autoencoder original) throws IOException {
        Files.write(file, bytes);
        try {
            ModelFile.Loaded back = ModelFile.load(file);
            assertEquals(original.spec(), back.model().spec());
            List<Parameter> a = original.parameters();
            List<Parameter> b = back.model().parameters();
            for (int i = 0; i < a.size(); i++) {
                assertArrayEquals(a.get(i).value(), b.get(i).value(), "a file that loads holds the saved weights");
            }
            return true;
        } catch (SpecException e) {
            assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
            return false;
        }
    }

    @Test
    void everyFlippedBitIsRefused() throws IOException {
        Autoencoder model = tiny();
        byte[] good = saved(model);
        Path file = dir.resolve("flipped.aem");
        int loaded = 0;
        for (int bit = 0; bit < good.length * 8; bit++) {
            byte[] bad = good.clone();
            bad[bit / 8] ^= (byte) (1 << (bit % 8));
            if (loadsUnchangedOrIsRefused(file, bad, model)) {
                loaded++;
            }
        }
        // Only bits that carry nothing can flip unnoticed: the padding after deflate's last block.
        assertTrue(loaded <= 7, loaded + " of " + good.length * 8 + " flipped bits loaded");
    }

    @Test
    void everyTruncationIsRefusedAsTruncated() throws IOException {
        byte[] good = saved(tiny());
        Path file = dir.resolve("cut.aem");
        for (int length = 0; length < good.length; length++) {
            Files.write(file, java.util.Arrays.copyOf(good, length));
            SpecException e = assertThrows(SpecException.class, () -> ModelFile.load(file), "cut to " + length);
            assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
        }
        Files.write(file, java.util.Arrays.copyOf(good, good.length - 8));
        SpecException e = assertThrows(SpecException.class, () -> ModelFile.load(file));
        assertTrue(e.getMessage().contains("truncated model file: the file ends inside its last 8 bytes"), e.getMessage());
    }

    @Test
    void bytesAfterTheEndAreRefused() throws IOException {
        byte[] good = saved(tiny());
        Path file = dir.resolve("longer.aem");
        byte[] longer = java.util.Arrays.copyOf(good, good.length + 3);
        Files.write(file, longer);
        SpecException e = assertThrows(SpecException.class, () -> ModelFile.load(file));
        assertTrue(e.getMessage().contains("3 bytes follow the end of the compressed data"), e.getMessage());
    }

    @Test
    void aFlippedBitInTheWeightsIsNamedAsAChecksumMismatch() throws IOException {
        byte[] bad = saved(tiny());
        bad[bad.length - 20] ^= 0x10;
        Path file = Files.write(dir.resolve("bit.aem"), bad);
        SpecException e = assertThrows(SpecException.class, () -> ModelFile.load(file));
        assertTrue(e.getMessage().startsWith(file + ": damaged model file: "), e.getMessage());
        assertTrue(e.getMessage().endsWith("nothing was loaded, use another copy"), e.getMessage());
    }

    /** The content of a saved file, gzipped as version 1 wrote it (java.util.zip, no header checksum). */
    private static byte[] asWrittenBefore(byte[] saved) throws IOException {
        byte[] content;
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(saved))) {
            content = in.readAllBytes();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(content);
        }
        return out.toByteArray();
    }

    @Test
    void filesWithoutTheHeaderChecksumStillLoadAndTheirContentIsChecked() throws IOException {
        Autoencoder model = tiny();
        byte[] old = asWrittenBefore(saved(model));
        assertEquals(0, old[3], "no flags: the header carries no checksum");
        Path file = dir.resolve("old.aem");
        assertTrue(loadsUnchangedOrIsRefused(file, old, model), "an intact old file loads");
        int loaded = 0;
        for (int bit = 10 * 8; bit < old.length * 8; bit++) { // past the 10-byte header
            byte[] bad = old.clone();
            bad[bit / 8] ^= (byte) (1 << (bit % 8));
            if (loadsUnchangedOrIsRefused(file, bad, model)) {
                loaded++;
            }
        }
        assertTrue(loaded <= 7, loaded + " flipped bits of the content loaded");
    }

    @ParameterizedTest
    @ValueSource(strings = {"model-vae-small.aem", "model-conv-small.aem", "model-stacked-small.aem",
        "model-tied-ksparse-kl.aem", "data-iris-dense-before-preparation.aem"})
    void theVersionOneFixturesLoadAndAFlippedBitInThemIsRefused(String name) throws IOException {
        byte[] fixture;
        try (InputStream in = getClass().getResourceAsStream("/org/aeworkbench/fixtures/v1/" + name)) {
            fixture = in.readAllBytes();
        }
        Path file = Files.write(dir.resolve(name), fixture);
        ModelFile.load(file);
        byte[] bad = fixture.clone();
        bad[bad.length / 2] ^= 0x01;
        Files.write(file, bad);
        assertThrows(SpecException.class, () -> ModelFile.load(file));
    }

    /**
     * A header declaring 10^8 units on 4 inputs (900 million weights) followed by a few megabytes
     * of deflated zeros: deflate shrinks zeros about 1000:1, so the file is large enough for the
     * design by the file-size check, and before the memory check the builder ran out of heap.
     */
    @Test
    void aHugeDesignWhoseZeroWeightsCompressWellIsRefusedBeforeAllocating() throws IOException {
        ModelSpec spec = ModelSpec.of("zeros", List.of(new DenseSpec(100_000_000, Activation.RELU)),
                List.of(new DenseSpec(4, Activation.IDENTITY)), ReconstructionLoss.MSE);
        Path file = Files.write(dir.resolve("zeros.aem"), ZeroWeightsFiles.of(spec, IRIS, 3600));
        assertTrue(Files.size(file) * 1032 / 4 > 900_000_004L, "passes the file-size check: " + Files.size(file));
        SpecException e = assertThrows(SpecException.class, () -> ModelFile.load(file));
        assertTrue(e.getMessage().startsWith(file + ": the design 'zeros' needs "), e.getMessage());
        assertTrue(e.getMessage().contains("encoder[0] (Dense, 100000000 units) alone has 500,000,000 parameters"),
                e.getMessage());
    }
}
