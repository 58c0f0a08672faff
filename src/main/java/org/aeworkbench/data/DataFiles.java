package org.aeworkbench.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.DoubleConsumer;

/**
 * Opens a data file for one of the format readers: buffered, counting progress, with the stored
 * size known (readers use it to refuse headers that promise more than the file holds), with an
 * I/O failure turned into a message naming the file, and with an interrupt of the loading thread
 * turned into a {@link java.util.concurrent.CancellationException}.
 */
final class DataFiles {

    /** A format reader working on an open stream. */
    interface StreamReader<T> {
        T read(InputStream in, String where, long storedLength) throws IOException;
    }

    private DataFiles() {
    }

    static <T> T read(Path file, DoubleConsumer progress, StreamReader<T> reader) {
        try {
            long size = Files.size(file);
            try (InputStream in = new BufferedInputStream(
                    new ProgressInputStream(Files.newInputStream(file), size, progress), 1 << 16)) {
                T result = reader.read(in, file.toString(), size);
                progress.accept(1.0);
                return result;
            }
        } catch (java.io.InterruptedIOException | java.nio.channels.ClosedByInterruptException e) {
            throw cancelled(file.toString());
        } catch (IOException e) {
            throw new DataException(file + ": cannot read (" + e.getMessage() + "); check the path and"
                    + " permissions", e);
        }
    }

    /** What a load throws when its thread is interrupted: the caller cancelled it. */
    static java.util.concurrent.CancellationException cancelled(String where) {
        return new java.util.concurrent.CancellationException(where + ": loading cancelled");
    }

    static <T> T read(Path file, StreamReader<T> reader) {
        return read(file, fraction -> { }, reader);
    }
}
