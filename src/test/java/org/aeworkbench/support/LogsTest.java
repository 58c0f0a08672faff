package org.aeworkbench.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class LogsTest {

    @TempDir
    Path dir;

    @AfterEach
    void stopWritingTheTemporaryFolder() {
        Logs.uninstall();
    }

    @Test
    void messagesFromSlf4jAndJavaLoggingLandInTheFile() throws IOException {
        Path file = Logs.install("test-app", dir, 1 << 20, 5);
        assertEquals(dir.resolve("test-app.0.log"), file);
        LoggerFactory.getLogger("org.aeworkbench.engine.Example").warn("slf4j says {}", 42);
        Logger.getLogger("org.aeworkbench.ui.Example").info("java.util.logging says hello");
        Logger.getLogger("org.aeworkbench.ui.Example").log(java.util.logging.Level.SEVERE, "it failed",
                new IllegalStateException("the cause"));
        String log = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(log.contains("test-app started: Java"), log);
        assertTrue(log.contains("WARNING [main] org.aeworkbench.engine.Example: slf4j says 42"), log);
        assertTrue(log.contains("INFO [main] org.aeworkbench.ui.Example: java.util.logging says hello"), log);
        assertTrue(log.contains("SEVERE [main] org.aeworkbench.ui.Example: it failed")
                && log.contains("java.lang.IllegalStateException: the cause"), log);
    }

    @Test
    void filesRotateAtTheSizeLimitKeepingTheNewestInFileZero() throws IOException {
        int limit = 4096;
        Logs.install("rotating", dir, limit, 3);
        Logger log = Logger.getLogger("org.aeworkbench.Rotation");
        for (int i = 0; i < 400; i++) {
            log.info(String.format("message %03d %s", i, "x".repeat(60)));
        }
        Logs.uninstall(); // releases the lock file
        try (var files = Files.list(dir)) {
            assertEquals(java.util.List.of("rotating.0.log", "rotating.1.log", "rotating.2.log"),
                    files.map(p -> p.getFileName().toString()).sorted().toList(), "three files, no more");
        }
        for (int g = 0; g < 3; g++) {
            long size = Files.size(dir.resolve("rotating." + g + ".log"));
            assertTrue(size > 0 && size < limit + 200, "file " + g + " holds " + size + " bytes");
        }
        String newest = Files.readString(dir.resolve("rotating.0.log"));
        String older = Files.readString(dir.resolve("rotating.1.log"));
        assertTrue(newest.contains("message 399"), newest);
        assertFalse(newest.contains("message 000"), "the oldest messages rotated out");
        assertTrue(lastNumber(older) < firstNumber(newest), "file 1 holds what came before file 0");
    }

    @Test
    void theFolderFollowsThePropertyThenTheEnvironmentThenHome() {
        assertEquals(Path.of("/p/logs"), Logs.directory("/p/logs", "/e/logs", "/home/u"));
        assertEquals(Path.of("/e/logs"), Logs.directory(null, "/e/logs", "/home/u"));
        assertEquals(Path.of("/e/logs"), Logs.directory(" ", "/e/logs", "/home/u"));
        assertEquals(Path.of("/home/u", ".ae-workbench", "logs"), Logs.directory(null, null, "/home/u"));
    }

    @Test
    void anUnwritableFolderLeavesLoggingOnTheConsole() throws IOException {
        Path notAFolder = Files.writeString(dir.resolve("plain-file"), "x");
        assertNull(Logs.install("app", notAFolder.resolve("logs"), 1 << 20, 5));
        assertNull(Logs.currentFile());
    }

    @Test
    void aFileAskedForIsWrittenAsNamedAndNothingBesideIt() throws IOException {
        Path file = Files.writeString(dir.resolve("run.log"), "before\n");
        assertEquals(file, Logs.installFile("cli", file));
        assertEquals(file, Logs.currentFile());
        Logger.getLogger("org.aeworkbench.cli.Example").log(java.util.logging.Level.INFO, "it failed",
                new IllegalStateException("the cause"));
        String log = Files.readString(file);
        assertTrue(log.startsWith("before\n") && log.contains("cli started: Java")
                && log.contains("INFO [main] org.aeworkbench.cli.Example: it failed")
                && log.contains("java.lang.IllegalStateException: the cause"), log);
        try (var files = Files.list(dir)) {
            assertEquals(java.util.List.of("run.log"), files.map(p -> p.getFileName().toString()).toList(),
                    "no lock file, no rotation");
        }
    }

    @Test
    void theCommandLineConsoleShowsOneLineWithoutTheTrace() {
        var record = new java.util.logging.LogRecord(java.util.logging.Level.WARNING, "slow disk");
        record.setThrown(new IllegalStateException("the cause\nmore"));
        assertEquals("ae-workbench: warning: slow disk (the cause)" + System.lineSeparator(),
                new Logs.OneLine(false).format(record));
    }

    @Test
    void uncaughtExceptionsAreLogged() throws Exception {
        Path file = Logs.install("uncaught", dir, 1 << 20, 5);
        Thread t = new Thread(() -> {
            throw new IllegalArgumentException("nobody caught me");
        }, "worker-7");
        t.start();
        t.join();
        String log = Files.readString(file);
        assertTrue(log.contains("SEVERE [worker-7]") && log.contains("uncaught in thread worker-7")
                && log.contains("nobody caught me"), log);
    }

    private static int firstNumber(String log) {
        return Integer.parseInt(log.substring(log.indexOf("message ") + 8, log.indexOf("message ") + 11));
    }

    private static int lastNumber(String log) {
        int at = log.lastIndexOf("message ");
        return Integer.parseInt(log.substring(at + 8, at + 11));
    }
}
