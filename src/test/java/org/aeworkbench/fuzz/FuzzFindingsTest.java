package org.aeworkbench.fuzz;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.aeworkbench.engine.model.ModelSpec;
import org.aeworkbench.engine.model.ModelSpecJson;
import org.aeworkbench.engine.model.SpecProblem;
import org.aeworkbench.engine.model.SpecValidator;
import org.aeworkbench.engine.tensor.Shape;
import org.aeworkbench.ui.project.ProjectFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the fuzzers found in classes whose own tests live elsewhere, pinned as plain tests that
 * say what the right behaviour is (the raw inputs also stay in the fuzz corpora). Findings in
 * the data loaders and model files are pinned next to those classes' tests instead.
 */
class FuzzFindingsTest {

    @Test
    void klSparsityWithoutAnEncoderIsAProblemNotACrash() {
        // SpecJsonFuzzTestInputs/specJson/kl-sparsity-without-encoder.json: the validator looked up
        // encoder layer -1 when the design had no encoder.
        ModelSpec spec = ModelSpecJson.parse("{\"decoder\": [{\"type\": \"dense\", \"units\": 4}],"
                + " \"sparsity\": {\"kind\": \"kl\", \"weight\": 3.0, \"rho\": 0.05, \"layer\": -1}}", "spec.json");
        List<SpecProblem> problems = SpecValidator.validate(spec, Shape.vector(4), null);
        assertTrue(problems.stream().anyMatch(p -> p.field().equals("encoder")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.field().equals("sparsity.layer")), problems.toString());
    }

    @Test
    void aTruncatedProjectIsRefusedWithAMessageNamingIt(@TempDir Path dir) throws IOException {
        // ProjectFileFuzzTest#projectFile: a ZIP local header whose name runs past the end of the file.
        Path file = pending("project-truncated-local-header.aewb", dir);
        IOException e = assertThrows(IOException.class, () -> ProjectFile.load(file));
        assertTrue(e.getMessage() != null && e.getMessage().startsWith(file.toString()), String.valueOf(e.getMessage()));
    }

    @Test
    void aProjectWithAnEntryNameThatIsNotUtf8IsRefusedWithAMessageNamingIt(@TempDir Path dir) throws IOException {
        // ProjectFileFuzzTest#projectFile found 18 inputs of this kind in 5 minutes.
        Path file = pending("project-entry-name-not-utf8.aewb", dir);
        IOException e = assertThrows(IOException.class, () -> ProjectFile.load(file));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
    }

    /** A finding kept under {@code pending/} (not replayed by the fuzz test until its fix lands). */
    private Path pending(String name, Path dir) throws IOException {
        try (var in = getClass().getResourceAsStream("pending/" + name)) {
            return Files.write(dir.resolve(name), in.readAllBytes());
        }
    }

    @Test
    void aProjectWhoseDescriptionIsNotJsonIsRefusedWithAMessageNamingIt(@TempDir Path dir) throws IOException {
        Path file = Files.write(dir.resolve("cut.aewb"),
                ProjectFileFuzzTest.zip("project.json", "{\"format\": ".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        IOException e = assertThrows(IOException.class, () -> ProjectFile.load(file));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
    }
}
