package org.aeworkbench.engine.blas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * docs/java-api.md starts the JVM with the vector module only, not the foreign one the native
 * BLAS is asked its name through: the engine must still open a compute context there (it once
 * threw NoClassDefFoundError for jdk/incubator/foreign/MemoryLayout from Compute.create).
 */
class WithoutTheForeignModuleTest {

    /** Run in a JVM of its own: prints the compute context's description. */
    public static void main(String[] args) {
        try (Compute c = Compute.create(Backend.AUTO, 1)) {
            System.out.println("compute: " + c.description());
        }
    }

    @Test
    void aComputeContextOpensInAJvmStartedAsTheJavaApiDocumentSays() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "--add-modules=jdk.incubator.vector", "-cp",
                System.getProperty("java.class.path"), WithoutTheForeignModuleTest.class.getName()))
                .redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the JVM did not end");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("compute: "), out);
    }
}
