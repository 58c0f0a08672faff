package org.aeworkbench.engine.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.aeworkbench.engine.core.InputFiles;

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

    /** {@code target}, or the file a link there points to; refused when what is there is not a regular file. */
    private static Path writableTarget(Path target) throws IOException {
        Path file = target;
        if (Files.isSymbolicLink(file)) {
            Path link = Files.readSymbolicLink(file);
            file = file.getParent().resolve(link).normalize();
            if (Files.exists(file)) {
                file = file.toRealPath();
            }
        }
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            String notAFile = InputFiles.notAFile(file);
            throw new IOException(target + ": " + (notAFile == null ? "is not a file" : notAFile)
                    + "; give the name of a file to write");
        }
        return file;
    }

    /** What the operating system said, in words: "permission denied", "read-only file system", ... */
    public static String reason(java.nio.file.FileSystemException e) {
        if (e.getReason() != null) {
            return e.getReason().toLowerCase(java.util.Locale.ROOT);
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "files cannot be created there";
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException) {
            return "a file is in the way";
        }
        return e.getClass().getSimpleName();
    }

    private static java.io.InterruptedIOException cancelled(Path target) {
        return new java.io.InterruptedIOException(target + ": writing cancelled; the previous file, if any, is unchanged");
    }

    /**
     * Writes {@code target} through {@code writer}. A symbolic link is written through (the file it
     * points to is replaced, the link stays); a folder, device, pipe or socket is refused, since
     * moving a file over it would replace it (a device node, for whoever may write in /dev).
     * Failures of the file system name the file and say why; the writer's own failures reach the
     * caller unchanged.
     */
    public static void write(Path target, Writer writer) throws IOException {
        Path absolute = writableTarget(target.toAbsolutePath());
        Path dir = absolute.getParent();
        Path tmp;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + absolute.getFileName() + ".", ".tmp");
        } catch (java.nio.file.FileSystemException e) {
            throw new IOException(target + ": cannot be written: " + reason(e) + " in " + dir, e);
        }
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
