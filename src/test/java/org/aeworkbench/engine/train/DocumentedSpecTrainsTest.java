package org.aeworkbench.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.aeworkbench.engine.TestModels;
import org.aeworkbench.engine.blas.Backend;
import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.model.ModelBuilder;
import org.aeworkbench.engine.model.ModelSpec;
import org.aeworkbench.engine.model.ModelSpecJson;
import org.aeworkbench.engine.model.SpecValidator;
import org.aeworkbench.engine.optim.AdamSettings;
import org.aeworkbench.engine.tensor.Shape;
import org.junit.jupiter.api.Test;

/**
 * The example spec of the file-format documentation (the first JSON block of
 * {@code docs/file-formats.md}, which gives the optimiser as a kind and a learning rate only)
 * trains: with Adam's betas and epsilon left at 0, as version 1 read them, it diverged at its
 * second batch.
 */
class DocumentedSpecTrainsTest {

    static String firstJsonBlock(Path markdown) throws IOException {
        String text = Files.readString(markdown);
        int start = text.indexOf("```json\n");
        int end = text.indexOf("```", start + 8);
        return text.substring(start + 8, end);
    }

    @Test
    void theDocumentedExampleTrainsWithoutDiverging() throws IOException {
        ModelSpec read = ModelSpecJson.parse(firstJsonBlock(Path.of("docs/file-formats.md")), "docs/file-formats.md");
        assertEquals(AdamSettings.DEFAULTS, read.optimizer().settings());
        ModelSpec spec = read.withTraining(read.training().withEpochs(2).withThreads(1));
        Shape mnist = new Shape(28, 28, 1);
        assertEquals(List.of(), SpecValidator.validate(spec, mnist, true));
        float[] x = TestModels.mnist(1000).values();
        TrainingResult r;
        try (Compute compute = Compute.create(Backend.JAVA, 1)) {
            r = SpecTraining.run(ModelBuilder.build(spec, mnist), compute, x, 1000, null, 0, new TrainingControl(),
                    TrainingListener.NONE);
        }
        assertEquals(TrainingResult.Status.COMPLETED, r.status(), r.message());
        double first = r.history().get(0).train().total();
        double second = r.history().get(1).train().total();
        System.out.printf("documented example: loss %.2f then %.2f%n", first, second);
        assertTrue(second < first, "it learns: " + first + " then " + second);
    }
}
