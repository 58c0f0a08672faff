package org.aeworkbench.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.zip.GZIPOutputStream;

/**
 * Puts fuzz inputs where the loaders look for them: in files, since files are what users open.
 * One scratch folder per JVM, reused by every input (a fresh folder per input would slow
 * fuzzing down to the file system's speed), removed when the JVM exits.
 */
final class FuzzFiles {

    private static Path scratch;

    private FuzzFiles() {
    }

    /** Writes {@code bytes} to {@code name} (may contain sub-folders) in the scratch folder. */
    static Path write(String name, byte[] bytes) throws IOException {
        Path file = scratch().resolve(name);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
        return file;
    }

    static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static synchronized Path scratch() throws IOException {
        if (scratch == null) {
            Path dir = Files.createTempDirectory("ae-fuzz");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
            scratch = dir;
        }
        return scratch;
    }

    private static void deleteTree(Path dir) {
        try (var all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // Leaving a scratch folder in the temp directory is harmless.
        }
    }
}
