package org.aeworkbench.engine.io;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipException;

/**
 * Reads exactly one gzip member (RFC 1952) and checks all of it: the header (and its CRC-16 when
 * flag FHCRC says it has one), the compressed data, and, when the content has been read to its end,
 * the trailer's CRC-32 and length, and that nothing follows. {@link java.util.zip.GZIPInputStream}
 * checks the trailer only if the reader happens to read past the last byte it wants, and skips
 * whatever follows the member; a model file read to its last weight would then load with a
 * flipped bit or without its last 8 bytes. Here the reader calls {@link #requireEnd()}.
 *
 * <p>Failures are {@link ZipException}s (damaged) and {@link EOFException}s (truncated) whose
 * message says where, in words for the user.
 */
final class GzipInput extends InputStream {

    private static final int FTEXT = 0x01;
    private static final int FEXTRA = 0x04;
    private static final int FNAME = 0x08;
    private static final int FCOMMENT = 0x10;
    private static final int KNOWN_FLAGS = FTEXT | GzipOutput.FHCRC | FEXTRA | FNAME | FCOMMENT;

    private final InputStream raw;
    private final Inflater inflater = new Inflater(true);
    private final CRC32 crc = new CRC32();
    private final byte[] buffer = new byte[1 << 16];
    private int buffered;
    private long size;
    private boolean ended;

    /** Reads and checks the header; {@code raw} is positioned at the gzip magic number. */
    GzipInput(InputStream raw) throws IOException {
        this.raw = raw;
        readHeader();
    }

    private void readHeader() throws IOException {
        CRC32 headerCrc = new CRC32();
        if (headerByte(headerCrc) != 0x1f || headerByte(headerCrc) != 0x8b) {
            throw new ZipException("not gzip (wrong signature)");
        }
        if (headerByte(headerCrc) != 8) {
            throw new ZipException("the gzip header names a compression method other than deflate");
        }
        int flags = headerByte(headerCrc);
        if ((flags & ~KNOWN_FLAGS) != 0) {
            throw new ZipException("the gzip header has reserved flags set (0x" + Integer.toHexString(flags) + ")");
        }
        for (int i = 0; i < 6; i++) {
            headerByte(headerCrc); // time stamp, extra flags, operating system
        }
        if ((flags & FEXTRA) != 0) {
            int length = headerByte(headerCrc) | headerByte(headerCrc) << 8;
            for (int i = 0; i < length; i++) {
                headerByte(headerCrc);
            }
        }
        if ((flags & FNAME) != 0) {
            skipZeroTerminated(headerCrc);
        }
        if ((flags & FCOMMENT) != 0) {
            skipZeroTerminated(headerCrc);
        }
        if ((flags & GzipOutput.FHCRC) != 0) {
            int expected = (int) headerCrc.getValue() & 0xffff;
            int stored = rawByte("header") | rawByte("header") << 8;
            if (stored != expected) {
                throw new ZipException("the gzip header does not match its checksum");
            }
        }
    }

    private int headerByte(CRC32 headerCrc) throws IOException {
        int b = rawByte("header");
        headerCrc.update(b);
        return b;
    }

    private void skipZeroTerminated(CRC32 headerCrc) throws IOException {
        while (headerByte(headerCrc) != 0) {
            // a file name or comment: not used
        }
    }

    private int rawByte(String part) throws IOException {
        int b = raw.read();
        if (b < 0) {
            throw new EOFException("the file ends inside its gzip " + part);
        }
        return b;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (ended) {
            return -1;
        }
        if (len == 0) {
            return 0;
        }
        while (true) {
            int n;
            try {
                n = inflater.inflate(b, off, len);
            } catch (DataFormatException e) {
                throw new ZipException("the compressed data is damaged (" + e.getMessage() + ")");
            }
            if (n > 0) {
                crc.update(b, off, n);
                size += n;
                return n;
            }
            if (inflater.finished()) {
                readTrailer();
                ended = true;
                return -1;
            }
            if (inflater.needsDictionary()) {
                throw new ZipException("the compressed data is damaged (it asks for a preset dictionary)");
            }
            if (inflater.needsInput()) {
                buffered = raw.read(buffer);
                if (buffered < 0) {
                    throw new EOFException("the file ends inside its compressed data");
                }
                inflater.setInput(buffer, 0, buffered);
            }
        }
    }

    /** The trailer after the compressed data: CRC-32 and length of the content, then the end of the file. */
    private void readTrailer() throws IOException {
        int remaining = inflater.getRemaining();
        int at = buffered - remaining;
        byte[] trailer = new byte[8];
        for (int i = 0; i < 8; i++) {
            if (remaining > 0) {
                trailer[i] = buffer[at++];
                remaining--;
            } else {
                int r = raw.read();
                if (r < 0) {
                    throw new EOFException("the file ends inside its last 8 bytes (the checksum and length of the"
                            + " content)");
                }
                trailer[i] = (byte) r;
            }
        }
        long storedCrc = intLe(trailer, 0) & 0xffffffffL;
        long storedSize = intLe(trailer, 4) & 0xffffffffL;
        if (storedCrc != crc.getValue()) {
            throw new ZipException(String.format("the content does not match its checksum (CRC-32 %08x stored,"
                    + " %08x computed)", storedCrc, crc.getValue()));
        }
        if (storedSize != (size & 0xffffffffL)) {
            throw new ZipException("the content is " + size + " bytes long but the trailer says " + storedSize);
        }
        long after = remaining;
        for (int r; (r = raw.read(buffer)) >= 0; ) {
            after += r;
        }
        if (after > 0) {
            throw new ZipException(after + " bytes follow the end of the compressed data");
        }
        inflater.end();
    }

    private static int intLe(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16 | (b[at + 3] & 0xff) << 24;
    }

    /**
     * Checks that the content ends here: the compressed data ends, its trailer matches what was
     * read, and nothing follows.
     *
     * @throws ZipException if more content follows, or the checks fail
     */
    void requireEnd() throws IOException {
        if (read() >= 0) {
            throw new ZipException("more content follows what the header declares");
        }
    }

    /**
     * Reads on to the end of the content, checking the trailer there, unless more than
     * {@code limit} bytes remain: whether the end was reached.
     */
    boolean drain(long limit) throws IOException {
        byte[] scratch = new byte[1 << 16];
        for (long read = 0; read <= limit; ) {
            int n = read(scratch, 0, scratch.length);
            if (n < 0) {
                return true;
            }
            read += n;
        }
        return false;
    }

    @Override
    public void close() throws IOException {
        inflater.end();
        raw.close();
    }
}
