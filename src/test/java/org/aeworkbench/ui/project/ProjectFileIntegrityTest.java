package org.aeworkbench.ui.project;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.aeworkbench.engine.layer.Activation;
import org.aeworkbench.engine.loss.ReconstructionLoss;
import org.aeworkbench.engine.model.Autoencoder;
import org.aeworkbench.engine.model.DenseSpec;
import org.aeworkbench.engine.model.LossTerms;
import org.aeworkbench.engine.model.ModelBuilder;
import org.aeworkbench.engine.model.ModelSpec;
import org.aeworkbench.engine.tensor.Shape;
import org.aeworkbench.engine.train.EpochSnapshot;
import org.aeworkbench.ui.dataset.DataReference;
import org.aeworkbench.ui.run.TrainingHistory;
import org.aeworkbench.ui.run.TrainingUpdate.EpochPoint;
import org.aeworkbench.ui.run.TrainingUpdate.ProbeFrame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A damaged project file is refused, naming it, and nothing of it is loaded (issue 21): the CRC-32
 * of every entry is compared with the ZIP's directory, which is read from the end of the file, so
 * a file cut short is refused too. What a flipped bit may leave unnoticed is only what the project
 * does not hold (a time stamp, a version-made-by field): a project that loads holds exactly what
 * was saved.
 */
class ProjectFileIntegrityTest {

    @TempDir
    Path dir;

    private static Project project() {
        ModelSpec spec = ModelSpec.of("tiny", List.of(new DenseSpec(2, Activation.RELU)),
                List.of(new DenseSpec(4, Activation.SIGMOID)), ReconstructionLoss.BCE);
        Autoencoder model = ModelBuilder.build(spec, Shape.vector(4));
        EpochPoint epoch = new EpochPoint(1, new EpochSnapshot(0, "train", 0, 1, LossTerms.of(2.5, Map.of()),
                LossTerms.of(2.75, Map.of()), 2.5, 0.5, 1000, null));
        TrainingHistory.Replay replay = new TrainingHistory.Replay(new int[] {0, 1}, true,
                List.of(new ProbeFrame(1, true, new float[] {0.5f, -1f, 2f, 0.25f}, 2)));
        return new Project(spec, true, DataReference.of("iris"), new TrainingHistory(List.of(epoch), List.of(), List.of(),
                replay), model);
    }

    /** Each entry's bytes as the project would be saved again (time stamps of the ZIP left out). */
    private Map<String, byte[]> contentSavedFrom(Project p) throws IOException {
        Path file = dir.resolve("resaved.aewb");
        ProjectFile.save(file, p);
        Map<String, byte[]> entries = new TreeMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                entries.put(e.getName(), zip.getInputStream(e).readAllBytes());
            }
        }
        return entries;
    }

    private static void assertSameContent(Map<String, byte[]> expected, Map<String, byte[]> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((name, bytes) -> assertArrayEquals(bytes, actual.get(name), name));
    }

    @Test
    void aFlippedBitInAnyByteIsRefusedOrChangesNothingTheProjectHolds() throws IOException {
        Path original = dir.resolve("p.aewb");
        ProjectFile.save(original, project());
        byte[] good = Files.readAllBytes(original);
        Map<String, byte[]> content = contentSavedFrom(ProjectFile.load(original));
        Path file = dir.resolve("flipped.aewb");
        int loaded = 0;
        for (int i = 0; i < good.length; i++) {
            byte[] bad = good.clone();
            bad[i] ^= (byte) (1 << (i % 8)); // one bit of every byte, each bit position in turn
            Files.write(file, bad);
            Project back;
            try {
                back = ProjectFile.load(file);
            } catch (IOException e) {
                assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
                continue;
            }
            loaded++;
            assertSameContent(content, contentSavedFrom(back));
        }
        assertTrue(loaded < good.length / 4, loaded + " of " + good.length + " damaged files loaded");
    }

    @Test
    void everyTruncationIsRefused() throws IOException {
        Path original = dir.resolve("p.aewb");
        ProjectFile.save(original, project());
        byte[] good = Files.readAllBytes(original);
        Path file = dir.resolve("cut.aewb");
        for (int length = 0; length < good.length; length++) {
            Files.write(file, java.util.Arrays.copyOf(good, length));
            IOException e = assertThrows(IOException.class, () -> ProjectFile.load(file), "cut to " + length);
            assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
        }
        Files.write(file, java.util.Arrays.copyOf(good, good.length - 8));
        IOException e = assertThrows(IOException.class, () -> ProjectFile.load(file));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void anEntryWhoseContentDoesNotMatchItsChecksumIsRefused() throws IOException {
        Path original = dir.resolve("p.aewb");
        ProjectFile.save(original, project());
        Map<String, byte[]> content = contentSavedFrom(ProjectFile.load(original));
        // Stored uncompressed, so one byte of project.json can be changed behind its checksum.
        byte[] json = content.get("project.json");
        Path file = dir.resolve("crc.aewb");
        byte[] zip = storedZip("project.json", json);
        int at = indexOf(zip, json) + json.length / 2;
        zip[at] ^= 0x02;
        Files.write(file, zip);
        IOException e = assertThrows(IOException.class, () -> ProjectFile.load(file));
        assertTrue(e.getMessage().contains("project.json does not match its checksum"), e.getMessage());
    }

    @Test
    void anEntryTheWorkbenchDoesNotWriteIsRefusedRatherThanIgnored() throws IOException {
        // A damaged name ("modem.aem" for "model.aem") would otherwise drop the weights without a word.
        Path file = dir.resolve("renamed.aewb");
        Path original = dir.resolve("p.aewb");
        ProjectFile.save(original, project());
        Map<String, byte[]> content = contentSavedFrom(ProjectFile.load(original));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (var e : content.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey().equals("model.aem") ? "modem.aem" : e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        Files.write(file, bytes.toByteArray());
        IOException e = assertThrows(IOException.class, () -> ProjectFile.load(file));
        assertTrue(e.getMessage().contains("'modem.aem' that AE Workbench does not write"), e.getMessage());
    }

    @Test
    void aHugeDesignInsideAProjectIsRefusedBeforeAllocating() throws IOException {
        // The project's model.aem is a model file like any other: a design of 500,000,000
        // parameters whose zero weights deflate to 3.6 MB is refused by its memory check.
        Path original = dir.resolve("p.aewb");
        ProjectFile.save(original, project());
        Map<String, byte[]> content = contentSavedFrom(ProjectFile.load(original));
        ModelSpec huge = ModelSpec.of("zeros", List.of(new DenseSpec(100_000_000, Activation.RELU)),
                List.of(new DenseSpec(4, Activation.IDENTITY)), ReconstructionLoss.MSE);
        content.put("model.aem", org.aeworkbench.engine.io.ZeroWeightsFiles.of(huge, Shape.vector(4), 3600));
        content.remove("replay.bin");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (var e : content.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        Path file = Files.write(dir.resolve("huge.aewb"), bytes.toByteArray());
        long before = allocatedBytes();
        IOException e = assertThrows(IOException.class, () -> ProjectFile.load(file));
        assertTrue(allocatedBytes() - before < 256L << 20,
                "refused before the 2 GB of weights were allocated");
        assertTrue(e.getMessage().startsWith(file + ": ") && e.getMessage().contains("the design 'zeros' needs ")
                && e.getMessage().contains("encoder[0] (Dense, 100000000 units)"), e.getMessage());
    }

    @Test
    void theVersionOneFixtureProjectsStillLoad() throws IOException {
        for (String name : List.of("project-vae.aewb", "data-iris-auto-before-preparation.aewb",
                "data-iris-minmax-before-preparation.aewb")) {
            Path file = dir.resolve(name);
            try (var in = getClass().getResourceAsStream("/org/aeworkbench/fixtures/v1/" + name)) {
                Files.write(file, in.readAllBytes());
            }
            ProjectFile.load(file);
        }
    }

    private static long allocatedBytes() {
        var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        return threads.getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    /** A ZIP of one stored (uncompressed) entry, so its bytes can be found and changed in the file. */
    private static byte[] storedZip(String name, byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            ZipEntry e = new ZipEntry(name);
            e.setMethod(ZipEntry.STORED);
            e.setSize(content.length);
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(content);
            e.setCrc(crc.getValue());
            zip.putNextEntry(e);
            zip.write(content);
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
