package org.aeworkbench.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a class's {@code main} in a JVM of its own, on this one's class path: for what a warm JVM
 * cannot show (the JIT starting cold, class loading, a JVM started with other options).
 */
public final class FreshJvm {

    private FreshJvm() {
    }

    /**
     * The child's output lines, "WARNING" lines (the incubator modules' notice) left out; fails with
     * the whole output when the child exits with an error or runs past ten minutes.
     */
    public static List<String> run(Class<?> main, List<String> jvmOptions, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8); // before waiting: a full pipe would block it
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException("the JVM running " + main.getSimpleName() + " failed:\n" + out);
        }
        return out.lines().filter(l -> !l.startsWith("WARNING")).toList();
    }
}
