package org.aeworkbench.engine.io;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * One gzip member (RFC 1952) whose header carries its own CRC-16 (flag FHCRC), so that together
 * with the CRC-32 and length of the content in the trailer every bit of the file is covered by a
 * check: a flipped bit in the header's time stamp or flags, which {@link java.util.zip.GZIPOutputStream}'s
 * header leaves unchecked, is found too. Any gzip reader reads it ({@code gzip -t} checks both).
 * {@link #finish()} writes the trailer; closing finishes first.
 */
final class GzipOutput extends FilterOutputStream {

    static final int FHCRC = 0x02;
    /** OS "unknown" (RFC 1952 section 2.3.1): the content does not depend on where it was written. */
    private static final int OS_UNKNOWN = 255;

    private final Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
    private final DeflaterOutputStream deflate;
    private final CRC32 crc = new CRC32();
    private long size;
    private boolean finished;

    GzipOutput(OutputStream raw) throws IOException {
        super(raw);
        byte[] header = {0x1f, (byte) 0x8b, Deflater.DEFLATED, FHCRC, 0, 0, 0, 0, 0, (byte) OS_UNKNOWN};
        CRC32 headerCrc = new CRC32();
        headerCrc.update(header);
        raw.write(header);
        int crc16 = (int) headerCrc.getValue() & 0xffff;
        raw.write(crc16 & 0xff);
        raw.write(crc16 >>> 8);
        this.deflate = new DeflaterOutputStream(raw, deflater, 1 << 16);
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        deflate.write(b, off, len);
        crc.update(b, off, len);
        size += len;
    }

    @Override
    public void flush() throws IOException {
        deflate.flush();
    }

    /** Ends the compressed data and writes the trailer: CRC-32 and length (mod 2^32), little-endian. */
    void finish() throws IOException {
        if (finished) {
            return;
        }
        finished = true;
        deflate.finish();
        deflater.end();
        writeIntLe((int) crc.getValue());
        writeIntLe((int) size);
        out.flush();
    }

    private void writeIntLe(int v) throws IOException {
        out.write(v & 0xff);
        out.write((v >>> 8) & 0xff);
        out.write((v >>> 16) & 0xff);
        out.write(v >>> 24);
    }

    @Override
    public void close() throws IOException {
        finish();
        out.close();
    }
}
