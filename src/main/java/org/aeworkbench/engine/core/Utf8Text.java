package org.aeworkbench.engine.core;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * Text files the user edits (specs, label lists) read as UTF-8, with a byte that is not UTF-8
 * reported where it is: "byte 0xE9 at offset 112 (line 4)", not the decoder's "Input length = 1".
 * A leading byte-order mark is dropped.
 */
public final class Utf8Text {

    private Utf8Text() {
    }

    /**
     * The text of {@code bytes}.
     *
     * @param refusal makes the exception to throw from a description of the first bad byte
     *                ("the byte 0xff at offset 10 (line 1) is not UTF-8 text")
     */
    public static String decode(byte[] bytes, Function<String, RuntimeException> refusal) {
        if (bytes.length >= 2 && ((bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xfe
                || (bytes[0] & 0xff) == 0xfe && (bytes[1] & 0xff) == 0xff)) {
            throw refusal.apply("the text is UTF-16 (it starts with a UTF-16 byte-order mark), not UTF-8");
        }
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb
                && (bytes[2] & 0xff) == 0xbf ? 3 : 0;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int at = in.position();
            int line = 1;
            for (int i = 0; i < at; i++) {
                line += bytes[i] == '\n' ? 1 : 0;
            }
            throw refusal.apply(String.format("the byte 0x%02x at offset %d (line %d) is not UTF-8 text%s", bytes[at] & 0xff,
                    at, line, (bytes[at] & 0xff) >= 0xa0 ? " (an accented letter saved as Latin-1 or Windows-1252?)" : ""));
        }
        decoder.flush(out);
        return out.flip().toString();
    }
}
