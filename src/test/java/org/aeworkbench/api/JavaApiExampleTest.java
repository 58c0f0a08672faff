package org.aeworkbench.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.aeworkbench.engine.io.ModelFile;
import org.aeworkbench.engine.model.Autoencoder;
import org.aeworkbench.engine.model.Presets;
import org.aeworkbench.engine.tensor.Shape;
import org.aeworkbench.export.ExportDesigns;
import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example in docs/java-api.md compiles as it stands (javax.tools, against the test class path)
 * and runs on a model file, printing what the API gives.
 */
class JavaApiExampleTest {

    @TempDir
    Path dir;

    @Test
    void theDocumentedExampleCompilesAndRuns() throws Exception {
        String doc = Files.readString(Path.of("docs/java-api.md"));
        Matcher block = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(doc);
        assertTrue(block.find(), "docs/java-api.md has a java block");
        Path source = dir.resolve("AnomalyScorer.java");
        Files.writeString(source, block.group(1));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertNotNull(javac, "a JDK's compiler");
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int status = javac.run(null, null, errors, "-cp", System.getProperty("java.class.path"), "-d", dir.toString(),
                source.toString());
        assertEquals(0, status, errors.toString(StandardCharsets.UTF_8));

        Shape mnist = ExportDesigns.MNIST;
        Autoencoder model = ExportDesigns.perturbed(Presets.get("keras-simple", mnist), mnist);
        Path file = dir.resolve("ks.aem");
        ModelFile.save(file, model, null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            loader.loadClass("AnomalyScorer").getMethod("main", String[].class).invoke(null, (Object) new String[] {file.toString()});
        } finally {
            System.setOut(saved);
        }
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals("model keras-simple: 784 features -> 32 code values", lines.get(0));
        try (TrainedAutoencoder ae = TrainedAutoencoder.load(file, 1)) {
            FMatrixRMaj x = new FMatrixRMaj(2, 784);
            for (int j = 0; j < 784; j++) {
                x.set(0, j, 0.1f);
                x.set(1, j, 1.0f);
            }
            FMatrixRMaj s = ae.score(x);
            assertEquals(String.format("row 1: code[0] %.4f, score %.3f, decoded[0] %.4f", ae.encode(x).get(1, 0),
                    s.get(1, 0), ae.decode(ae.encode(x)).get(1, 0)), lines.get(2));
        }
        System.out.println(String.join("\n", lines));
    }
}
