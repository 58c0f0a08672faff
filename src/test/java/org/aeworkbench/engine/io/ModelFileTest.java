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
import org.aeworkbench.engine.model.SpecException;
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
}
