package org.aeworkbench.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The command line as a user runs the jar: its own JVM with {@code -Xmx512m}, started through
 * {@code Launcher}, in a working folder of its own and with {@code user.home} pointed at
 * {@code home}, so a test can see everything a command writes.
 */
record CliProcess(int exit, String out, String err) {

    /** A JVM that has not answered in this long is hung (they start in seconds on a busy machine). */
    static final long TIMEOUT_SECONDS = 120;

    /** Runs {@code args} in {@code cwd}; null when the JVM did not finish in time (it is killed). */
    static CliProcess run(Path cwd, Path home, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "--add-modules=jdk.incubator.vector,jdk.incubator.foreign", "--enable-native-access=ALL-UNNAMED",
                "-Daeworkbench.relaunched=true", "-Duser.home=" + home, "-Djava.awt.headless=true",
                "-cp", System.getProperty("java.class.path"), "org.aeworkbench.Launcher"));
        command.addAll(args);
        Path out = Files.createTempFile("cli-", ".out");
        Path err = Files.createTempFile("cli-", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(cwd.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            // A log folder from the environment would be asked for; these runs test what is not.
            builder.environment().remove(org.aeworkbench.support.Logs.DIRECTORY_ENV);
            Process p = builder.start();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            return new CliProcess(p.exitValue(), Files.readString(out), Files.readString(err).lines()
                    .filter(l -> !l.startsWith("WARNING: Using incubator")).reduce("", (a, b) -> a + b + "\n"));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
