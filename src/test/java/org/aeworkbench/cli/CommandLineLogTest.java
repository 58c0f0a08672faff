package org.aeworkbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command writes nothing outside the outputs it is given (issue 21): no log file in the home
 * folder unless asked for with {@code --log FILE}, which writes that file and nothing beside it.
 * Each run is its own JVM with {@code user.home} in a temporary folder, as a user runs the jar.
 */
class CommandLineLogTest {

    @TempDir
    Path dir;

    @Test
    void aTrainingRunWritesItsModelAndNothingElse() throws Exception {
        Path home = Files.createDirectory(dir.resolve("home"));
        Path cwd = Files.createDirectory(dir.resolve("cwd"));
        Path out = dir.resolve("out");
        CliProcess run = CliProcess.run(cwd, home, List.of("train", "--data", "iris", "--epochs", "1",
                "--out", out.resolve("m.aem").toString()));
        assertNotNull(run, "no answer");
        assertEquals(0, run.exit(), run.err());
        assertEquals(List.of(), list(home), "nothing in the home folder");
        assertEquals(List.of(), list(cwd), "nothing in the working folder");
        assertEquals(List.of("m.aem"), list(out));
    }

    @Test
    void logAfterTheCommandWritesThatFileOnly() throws Exception {
        Path home = Files.createDirectory(dir.resolve("home"));
        Path cwd = Files.createDirectory(dir.resolve("cwd"));
        Path log = dir.resolve("logs").resolve("run.log");
        CliProcess run = CliProcess.run(cwd, home, List.of("train", "--data", "iris", "--epochs", "1",
                "--log", log.toString()));
        assertNotNull(run, "no answer");
        assertEquals(0, run.exit(), run.err());
        assertTrue(Files.readString(log).contains("ae-workbench-cli started: Java"), Files.readString(log));
        assertEquals(List.of("run.log"), list(log.getParent()), "no lock file or rotation beside it");
        assertEquals(List.of(), list(home));
        assertEquals(List.of(), list(cwd));
    }

    @Test
    void logBeforeTheCommandAppends() throws Exception {
        Path home = Files.createDirectory(dir.resolve("home"));
        Path log = Files.writeString(dir.resolve("old.log"), "an earlier run\n");
        CliProcess run = CliProcess.run(dir, home, List.of("--log", log.toString(), "presets"));
        assertNotNull(run, "no answer");
        assertEquals(0, run.exit(), run.err());
        String text = Files.readString(log);
        assertTrue(text.startsWith("an earlier run\n") && text.contains("ae-workbench-cli started"), text);
        assertEquals(List.of(), list(home));
    }

    @Test
    void aLogThatCannotBeWrittenIsRefusedBeforeTheWork() throws Exception {
        Path home = Files.createDirectory(dir.resolve("home"));
        Path cwd = Files.createDirectory(dir.resolve("cwd"));
        CliProcess run = CliProcess.run(cwd, home, List.of("train", "--data", "iris", "--epochs", "1",
                "--out", dir.resolve("m.aem").toString(), "--log", dir.toString()));
        assertNotNull(run, "no answer");
        assertEquals(1, run.exit(), run.err());
        assertEquals("ae-workbench: --log " + dir + ": is a folder; give a file name", run.err().strip());
        assertTrue(Files.notExists(dir.resolve("m.aem")), "refused before training");
    }

    private static List<String> list(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
