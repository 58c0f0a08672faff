package org.aeworkbench.lesson;

import java.util.regex.Pattern;

/**
 * One {@code set:} line of a step: a field of the design and its new value. The field is named
 * as in a model spec file (docs/file-formats.md): {@code training.epochs}, {@code noise.level},
 * {@code sparsity.beta}, {@code encoder[0].units}; {@code code-size} resizes the code layer, as
 * {@code --code-size} does on the command line.
 *
 * @param path  the field's path
 * @param value the value as written (a number, true or false, or a word such as {@code gaussian})
 * @param line  the line it was written on
 */
public record DesignSetting(String path, String value, int line) {

    /** The name {@code set: code-size = k} uses for the code layer's width. */
    public static final String CODE_SIZE = "code-size";

    private static final Pattern PATH = Pattern.compile("[A-Za-z][A-Za-z0-9_]*(\\[\\d+])?(\\.[A-Za-z][A-Za-z0-9_]*(\\[\\d+])?)*");

    /** Whether {@code path} is a field path this format accepts (checked by the parser before anything is set). */
    static boolean wellFormed(String path) {
        return CODE_SIZE.equals(path) || PATH.matcher(path).matches();
    }

    @Override
    public String toString() {
        return path + " = " + value;
    }
}
