package org.aeworkbench.engine.core;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.ArrayList;
import java.util.Collection;

/**
 * The user's own text (a field name, a value) inside a one-line message: written as JSON writes
 * it, so a line break in a field name shows as {@code \n} instead of ending the message, and the
 * message names the field the file has. Parser messages are one line; whatever else is in them
 * came from the file.
 */
public final class JsonText {

    private JsonText() {
    }

    /** {@code text} in double quotes with JSON's escapes: what the file holds, on one line. */
    public static String quoted(String text) {
        StringBuilder b = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else {
                escape(c, b);
            }
        }
        return b.append('"').toString();
    }

    /** {@code text} with its line breaks and other control characters escaped, quotes left as they are. */
    public static String oneLine(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            escape(text.charAt(i), b);
        }
        return b.toString();
    }

    private static void escape(char c, StringBuilder b) {
        switch (c) {
            case '\n' -> b.append("\\n");
            case '\r' -> b.append("\\r");
            case '\t' -> b.append("\\t");
            default -> {
                if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029') {
                    b.append(String.format("\\u%04x", (int) c));
                } else {
                    b.append(c);
                }
            }
        }
    }

    /**
     * A field no reader of {@code type} knows, as Jackson's own exception for it, so that whoever
     * reports it can take the field's name and the known names from the exception rather than
     * from its text, which repeats the name and whatever it holds.
     */
    public static UnrecognizedPropertyException unknownField(JsonParser p, Class<?> type, String field,
            Collection<String> known, String theFieldsAre) {
        return new UnrecognizedPropertyException(p, "unknown field " + quoted(field) + ": " + theFieldsAre,
                p.currentLocation(), type, field, new ArrayList<>(known));
    }
}
