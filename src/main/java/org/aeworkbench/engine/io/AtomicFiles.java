package org.aeworkbench.engine.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file so that a crash or a full disk never leaves it half-written: the content goes to
 * a temporary file beside the target, is forced to disk, and is then moved over the target in one
 * step. If anything fails the previous file is untouched and the temporary file removed.
 *
 * <p>A write is cancelled by interrupting its thread: the channel then closes at its next write
 * ({@link java.nio.channels.ClosedByInterruptException}), and an interrupt that arrives after the
 * last write is looked for once more just before the move; either way the previous file stays,
 * the temporary file goes, and the call ends with an {@link java.io.InterruptedIOException}
 * naming the file. An interrupt after the move comes too late: the new file is complete.
 */
public final class AtomicFiles {

    /** The content writer; it may throw at any point. */
    @FunctionalInterface
    public interface Writer {
        void write(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    /**
     * Temporary files are created owner-only; the saved file gets the permissions of the file it
     * replaces, or the usual rw-r--r-- for a new one.
     */
    private static void keepPermissions(Path target, Path tmp) throws IOException {
        if (!tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        var perms = Files.exists(target) ? Files.getPosixFilePermissions(target)
                : java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--");
        Files.setPosixFilePermissions(tmp, perms);
    }

    private static java.io.InterruptedIOException cancelled(Path target) {
        return new java.io.InterruptedIOException(target + ": writing cancelled; the previous file, if any, is unchanged");
    }

    public static void write(Path target, Writer writer) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + absolute.getFileName() + ".", ".tmp");
        boolean moved = false;
        try {
            try (var channel = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE);
                 OutputStream out = new java.io.BufferedOutputStream(java.nio.channels.Channels.newOutputStream(channel), 1 << 16)) {
                writer.write(out);
                out.flush();
                channel.force(true);
            } catch (java.nio.channels.ClosedByInterruptException e) {
                throw cancelled(absolute);
            }
            if (Thread.currentThread().isInterrupted()) {
                throw cancelled(absolute);
            }
            keepPermissions(absolute, tmp);
            try {
                Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(tmp);
            }
        }
    }
}
