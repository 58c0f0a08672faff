package org.aeworkbench.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes small IDX files the way MNIST and Fashion-MNIST are published (gzipped, unsigned bytes
 * 0-255, labels as a one-dimensional unsigned-byte array), from rows of the bundled MNIST sample,
 * for the tests of any package that need such files on disk.
 */
public final class IdxTestFiles {

    private IdxTestFiles() {
    }

    /** Images {@code from .. from + n - 1} of the bundled MNIST sample, as a gzipped idx3-ubyte file. */
    public static Path mnistImages(Path dir, String name, int from, int n) {
        Dataset mnist = DatasetRegistry.load("mnist");
        byte[] pixels = new byte[n * 784];
        for (int i = 0; i < pixels.length; i++) {
            // The bundled set is the stored bytes divided by 255: multiplying back gives the byte.
            pixels[i] = (byte) Math.round(mnist.values()[from * 784 + i] * 255f);
        }
        return write(dir, name, TestFiles.gzip(TestFiles.concat(TestFiles.idxHeader(0x08, n, 28, 28), pixels)));
    }

    /** Labels {@code from .. from + n - 1} of the bundled MNIST sample, as a gzipped idx1-ubyte file. */
    public static Path mnistLabels(Path dir, String name, int from, int n) {
        Dataset mnist = DatasetRegistry.load("mnist");
        byte[] labels = new byte[n];
        for (int i = 0; i < n; i++) {
            labels[i] = (byte) mnist.labels()[from + i];
        }
        return write(dir, name, TestFiles.gzip(TestFiles.concat(TestFiles.idxHeader(0x08, n), labels)));
    }

    private static Path write(Path dir, String name, byte[] bytes) {
        try {
            return Files.write(dir.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
