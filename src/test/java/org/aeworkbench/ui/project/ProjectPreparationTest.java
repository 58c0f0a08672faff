package org.aeworkbench.ui.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.aeworkbench.data.DatasetRegistry;
import org.aeworkbench.data.Preparation;
import org.aeworkbench.data.ScaleChoice;
import org.aeworkbench.data.Scaling;
import org.aeworkbench.data.TrainedModel;
import org.aeworkbench.engine.model.ModelBuilder;
import org.aeworkbench.engine.model.Presets;
import org.aeworkbench.engine.tensor.Shape;
import org.aeworkbench.ui.dataset.DataReference;
import org.aeworkbench.ui.run.TrainingHistory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A project keeps the scale asked for and, in its model.aem, the preparation its weights were trained with. */
class ProjectPreparationTest {

    @TempDir
    Path dir;

    private static Path fixture(String name) throws Exception {
        return Path.of(ProjectPreparationTest.class.getResource("/org/aeworkbench/fixtures/v1/" + name).toURI());
    }

    @Test
    void projectsWrittenBeforePreparationsWereRecordedStillOpen() throws Exception {
        Project minmax = ProjectFile.load(fixture("data-iris-minmax-before-preparation.aewb"));
        assertEquals(new DataReference("iris", 0, 42, ScaleChoice.MIN_MAX), minmax.data(), "the enum name MIN_MAX reads as minmax");
        assertEquals(Scaling.NONE, minmax.preparation().scaling(), "its model.aem records none");
        assertTrue(minmax.preparation().reason().contains("model.aem"), minmax.preparation().reason());
        Project auto = ProjectFile.load(fixture("data-iris-auto-before-preparation.aewb"));
        assertEquals(ScaleChoice.AUTO, auto.data().scaling());
        assertEquals(4, auto.model().inputShape().size());
    }

    @Test
    void theModelInsideAProjectRecordsItsPreparationForTheCommandLine() throws Exception {
        var iris = DatasetRegistry.load("iris");
        var spec = Presets.defaultFor(Shape.vector(4), false);
        Preparation p = Preparation.fit(ScaleChoice.Z_SCORE, iris, spec.loss());
        Project project = new Project(spec, true, DataReference.of("iris").withScaling(ScaleChoice.Z_SCORE), TrainingHistory.EMPTY,
                ModelBuilder.build(spec, Shape.vector(4)), p);
        Path file = dir.resolve("p.aewb");
        ProjectFile.save(file, project);
        Project back = ProjectFile.load(file);
        assertEquals(ScaleChoice.Z_SCORE, back.data().scaling());
        assertEquals(p.preprocessing(), back.preparation().preprocessing());
        // The model.aem inside, as the CLI reads it.
        TrainedModel t = TrainedModel.load(unzipped(file, "model.aem"));
        assertTrue(t.recorded());
        assertEquals(p.preprocessing(), t.preparation().preprocessing());
        assertTrue(Files.readString(unzipped(file, "project.json")).contains("\"scaling\" : \"zscore\""));
    }

    /** One entry of a project, unzipped next to it. */
    private Path unzipped(Path project, String entry) throws Exception {
        Path out = dir.resolve(entry);
        try (var zip = new java.util.zip.ZipInputStream(Files.newInputStream(project))) {
            for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().equals(entry)) {
                    Files.write(out, zip.readAllBytes());
                }
            }
        }
        return out;
    }
}
