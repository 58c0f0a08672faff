package org.aeworkbench.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.aeworkbench.engine.blas.Backend;
import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.support.ThreadNiceness;
import org.junit.jupiter.api.Test;

/**
 * OpenBLAS starts its worker threads when its library loads; loaded as the window loads it, they
 * run at background priority for good. Checked in a JVM of its own, since this one may have loaded
 * the library already.
 */
class BackgroundPriorityTest {

    /** Run in a JVM of its own: loads the BLAS as the window does, then lists its threads' nice values and names. */
    public static void main(String[] args) throws Exception {
        BackgroundPriority.loadNativeBlas();
        BackgroundPriority.lowerJvmHelpers();
        try (Compute c = Compute.create(Backend.AUTO, 0)) {
            System.out.println("compute: " + c.description());
        }
        System.out.println("main nice " + ThreadNiceness.currentThreadNice());
        // The loader's own OS thread may outlive its join() for a moment, under the same name; once
        // it has gone, only the threads it started bear that name.
        Thread.sleep(500);
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                String stat;
                String name;
                try {
                    stat = Files.readString(task.resolve("stat"));
                    name = Files.readString(task.resolve("comm")).trim();
                } catch (java.nio.file.NoSuchFileException ended) {
                    continue; // a short-lived thread (the JVM's own) ended after the listing
                }
                // after the ")" closing the name: state, ppid, ... the nice value is field 19 of the line
                String[] after = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                System.out.println("thread nice " + after[16] + " " + name);
            }
        }
    }

    @Test
    void openBlasWorkersTheJitAndG1sConcurrentThreadsStartAtBackgroundPriorityAndTheRestOfTheProcessDoesNot() throws Exception {
        assumeTrue(ThreadNiceness.currentThreadNice() == 0, "needs Linux, the foreign module and a JVM at nice 0");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "--add-modules=jdk.incubator.vector,jdk.incubator.foreign",
                "--enable-native-access=ALL-UNNAMED", "-XX:+UseG1GC", "-D" + ThreadNiceness.PROPERTY + "=4", "-cp", System.getProperty("java.class.path"),
                BackgroundPriorityTest.class.getName())).redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the JVM did not end");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out);
        assumeTrue(out.contains("compute: native BLAS (OpenBLAS") && Runtime.getRuntime().availableProcessors() > 1,
                "OpenBLAS starts workers only as the native BLAS, on more than one core: " + out);
        assertTrue(out.contains("main nice 0"), out);
        List<String> loaderThreads = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (line.startsWith("thread nice ") && line.endsWith("ae-blas-loader")) {
                loaderThreads.add(line);
            }
        }
        // The loader thread has ended; what still bears its name are the threads it started: OpenBLAS's.
        assertTrue(!loaderThreads.isEmpty(), out);
        for (String line : loaderThreads) {
            assertEquals("4", line.split(" ")[2], "the steps the JVM was asked for: " + line);
        }
        List<String> compilers = threadsNamed(out, "C[12] CompilerThre");
        assertTrue(compilers.size() >= 2, "a C1 and a C2 compiler thread: " + out);
        for (String line : compilers) {
            assertEquals("4", line.split(" ")[2], "the JIT's compiler threads go as low as training: " + line);
        }
        List<String> collectors = threadsNamed(out, "G1 (Conc#\\d+|Main Marker|Refine#\\d+|Service)");
        assertTrue(collectors.size() >= 3, "G1's marking, refinement and service threads: " + out);
        for (String line : collectors) {
            assertEquals("4", line.split(" ")[2], "G1's concurrent threads go as low as training: " + line);
        }
        for (String line : out.split("\n")) {
            if (line.startsWith("thread nice ") && (line.endsWith("main") || line.endsWith("java"))) {
                assertEquals("0", line.split(" ")[2], "a thread of the process that is not background work: " + line);
            }
        }
    }

    /** The child JVM's "thread nice N NAME" lines whose name matches {@code name}. */
    private static List<String> threadsNamed(String out, String name) {
        List<String> lines = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (line.startsWith("thread nice ") && line.matches("thread nice -?\\d+ " + name)) {
                lines.add(line);
            }
        }
        return lines;
    }
}
