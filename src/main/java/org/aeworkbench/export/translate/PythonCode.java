package org.aeworkbench.export.translate;

/** Python source being written line by line at an indentation of four spaces per level. */
public final class PythonCode {

    private final StringBuilder text = new StringBuilder();
    private int depth;

    /** One line at the current indentation (an empty string gives an empty line). */
    public PythonCode line(String line) {
        if (!line.isEmpty()) {
            text.append("    ".repeat(depth));
        }
        text.append(line).append('\n');
        return this;
    }

    public PythonCode indent() {
        depth++;
        return this;
    }

    public PythonCode dedent() {
        depth--;
        return this;
    }

    /** A Python literal for a number as the spec holds it: 0.001, 1e-08, 25. */
    public static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v) + ".0";
        }
        return Double.toString(v).replace("E", "e");
    }

    /** A Python string literal. */
    public static String string(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
