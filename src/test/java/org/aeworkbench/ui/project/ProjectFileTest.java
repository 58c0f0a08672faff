package org.aeworkbench.ui.project;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
import org.aeworkbench.ui.training.TrainingUpdate.EpochPoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectFileTest {

    @TempDir
    Path dir;

    private static ModelSpec spec() {
        return ModelSpec.of("tiny", List.of(new DenseSpec(4, Activation.RELU), new DenseSpec(2, Activation.IDENTITY)),
                List.of(new DenseSpec(4, Activation.RELU), new DenseSpec(8, Activation.SIGMOID)), ReconstructionLoss.BCE);
    }

    private static EpochPoint epoch(int e, double loss) {
        LossTerms train = LossTerms.of(loss, Map.of("kl", 0.25));
        return new EpochPoint(e + 1, new EpochSnapshot(0, "train", e, 3, train, LossTerms.of(loss + 1, Map.of()), 2.5,
                1.5 * (e + 1), 1000, null));
    }

    @Test
    void aProjectReadsBackWithItsDesignDataHistoryAndWeights() throws IOException {
        Autoencoder model = ModelBuilder.build(spec(), Shape.vector(8));
        Project p = new Project(spec(), true, new DataReference("mnist", 500, 7, org.aeworkbench.data.Scaling.MIN_MAX), List.of(epoch(0, 3.0), epoch(1, 2.0)), model);
        Path file = dir.resolve("p.aewb");
        ProjectFile.save(file, p);
        Project back = ProjectFile.load(file);
        assertEquals(p.spec(), back.spec());
        assertTrue(back.mirrored());
        assertEquals(p.data(), back.data());
        assertEquals(2, back.history().size());
        EpochSnapshot s = back.history().get(1).snapshot();
        assertEquals(2.0, s.train().reconstruction());
        assertEquals(0.25, s.train().penalties().get("kl"));
        assertEquals(3.0, s.validation().total());
        assertEquals(2.0, back.history().get(1).x());
        for (int i = 0; i < model.parameters().size(); i++) {
            assertArrayEquals(model.parameters().get(i).value(), back.model().parameters().get(i).value());
        }
    }

    @Test
    void aProjectWithoutTrainingHasNoWeights() throws IOException {
        Path file = dir.resolve("untrained.aewb");
        ProjectFile.save(file, new Project(spec(), false, DataReference.of("mnist"), List.of(), null));
        Project back = ProjectFile.load(file);
        assertNull(back.model());
        assertEquals(spec(), back.spec());
    }

    @Test
    void aFileThatIsNotAProjectIsRefusedByName() throws IOException {
        Path file = dir.resolve("notes.aewb");
        Files.writeString(file, "just some text");
        IOException e = assertThrows(IOException.class, () -> ProjectFile.load(file));
        assertTrue(e.getMessage().contains("notes.aewb") && e.getMessage().contains("not an AE Workbench project"),
                e.getMessage());
    }

    @Test
    void savingReplacesThePreviousFileWhole() throws IOException {
        Path file = dir.resolve("p.aewb");
        ProjectFile.save(file, new Project(spec(), false, DataReference.of("mnist"), List.of(epoch(0, 5)), null));
        ProjectFile.save(file, new Project(spec().withName("second"), false, DataReference.of("mnist"), List.of(), null));
        assertEquals("second", ProjectFile.load(file).spec().name());
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file is left behind");
        }
    }
}
