package org.aeworkbench.lesson;

/**
 * A lesson file that cannot be played, with where and what: the file, the line, the field, and
 * what to write instead. The message reads "intro.md, line 12, field condition: ...".
 */
public final class LessonException extends RuntimeException {

    private final int line;
    private final String field;

    public LessonException(String origin, int line, String field, String message) {
        super(origin + (line > 0 ? ", line " + line : "") + (field == null ? "" : ", field " + field) + ": " + message);
        this.line = line;
        this.field = field;
    }

    /** 1-based line of the problem, or 0 when it concerns the whole file. */
    public int line() {
        return line;
    }

    /** The field at fault ("condition", "set", "title"...), or null. */
    public String field() {
        return field;
    }
}
