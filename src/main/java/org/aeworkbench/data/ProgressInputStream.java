package org.aeworkbench.data;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.DoubleConsumer;

/**
 * Reports the fraction of a file read so far, so a UI can show progress while a large file loads
 * on a background thread. Reports at most every 1% to keep the callback cheap. It is also where a
 * load is cancelled: a read on an interrupted thread throws {@link java.io.InterruptedIOException},
 * so every reader stops within one buffer's worth of parsing.
 */
final class ProgressInputStream extends FilterInputStream {

    private final long total;
    private final DoubleConsumer progress;
    private long read;
    private long nextReport;

    ProgressInputStream(InputStream in, long total, DoubleConsumer progress) {
        super(in);
        this.total = Math.max(1, total);
        this.progress = progress;
        this.nextReport = 0;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            advance(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            advance(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        advance(skipped);
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false; // a reset would make the count run backwards
    }

    private void advance(long n) throws java.io.InterruptedIOException {
        if (Thread.currentThread().isInterrupted()) {
            throw new java.io.InterruptedIOException("loading cancelled");
        }
        read += n;
        if (read >= nextReport) {
            progress.accept(Math.min(1.0, (double) read / total));
            nextReport = read + total / 100;
        }
    }
}
