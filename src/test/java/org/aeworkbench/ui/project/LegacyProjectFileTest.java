package org.aeworkbench.ui.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.aeworkbench.data.DataSources;
import org.aeworkbench.data.Dataset;
import org.aeworkbench.data.Preprocessing;
import org.aeworkbench.data.Scaling;
import org.aeworkbench.engine.blas.Backend;
import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.model.ModelBuilder;
import org.aeworkbench.engine.model.VariationalSpec;
import org.aeworkbench.engine.train.SpecTraining;
import org.aeworkbench.engine.train.TrainingControl;
import org.aeworkbench.engine.train.TrainingListener;
import org.aeworkbench.engine.train.TrainingResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A project saved by version 1 ({@code fixtures/v1/project-vae.aewb}: a VAE trained two epochs on
 * digits, see the README there) opens with its design, data reference, history and weights, and
 * both the saved model and a model built from its design train on.
 */
class LegacyProjectFileTest {

    @Test
    void versionOneProjectOpensAndTrains(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("project-vae.aewb");
        try (InputStream in = getClass().getResourceAsStream("/org/aeworkbench/fixtures/v1/project-vae.aewb")) {
            Files.copy(in, file);
        }
        Project p = ProjectFile.load(file);
        assertEquals("vae-small", p.spec().name());
        assertEquals(new VariationalSpec(1.0, 2), p.spec().variant(VariationalSpec.class));
        assertEquals("digits", p.data().source());
        assertEquals(300, p.data().limit());
        assertEquals(org.aeworkbench.data.ScaleChoice.MIN_MAX, p.data().scaling(), "the enum name MIN_MAX reads as minmax");
        assertEquals(2, p.history().epochs().size());
        assertEquals(1, p.history().epochs().get(1).snapshot().epoch());
        assertNotNull(p.history().epochs().get(1).snapshot().validation());
        assertNotNull(p.model());

        Dataset raw = DataSources.load("digits");
        Dataset digits = Preprocessing.fit(Scaling.MIN_MAX, raw).apply(raw);
        float[] x = Arrays.copyOf(digits.values(), 200 * digits.features());
        try (Compute compute = Compute.create(Backend.JAVA, 1)) {
            for (var model : java.util.List.of(p.model(), ModelBuilder.build(p.spec(), digits.sampleShape()))) {
                TrainingResult r = SpecTraining.run(model, compute, x, 200, null, 0, new TrainingControl(),
                        TrainingListener.NONE);
                assertEquals(TrainingResult.Status.COMPLETED, r.status(), r.message());
            }
        }
    }
}
