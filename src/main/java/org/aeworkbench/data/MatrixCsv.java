package org.aeworkbench.data;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.aeworkbench.engine.io.AtomicFiles;

/**
 * Writes one row per sample as CSV: a header {@code z1,...,zK} (the column prefix and 1-based
 * index), then {@code label} where the samples have labels, holding the class name. Numbers are
 * written as Java writes floats, the shortest text that reads back to the same float.
 */
public final class MatrixCsv {

    private MatrixCsv() {
    }

    /**
     * @param prefix   the column names' stem: "z" for codes, "x" for reconstructions
     * @param labelled whose labels to append (null, or a set without labels, for none); its samples
     *                 are the rows
     */
    public static void write(Path file, float[] values, int rows, int cols, String prefix, Dataset labelled)
            throws IOException {
        if ((long) rows * cols != values.length) {
            throw new IllegalArgumentException(values.length + " values are not " + rows + " rows of " + cols);
        }
        boolean labels = labelled != null && labelled.hasLabels();
        AtomicFiles.write(file, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            StringBuilder line = new StringBuilder();
            for (int j = 0; j < cols; j++) {
                line.append(j == 0 ? "" : ",").append(prefix).append(j + 1);
            }
            w.write(line.append(labels ? ",label\n" : "\n").toString());
            for (int i = 0; i < rows; i++) {
                line.setLength(0);
                for (int j = 0; j < cols; j++) {
                    line.append(j == 0 ? "" : ",").append(values[i * cols + j]);
                }
                if (labels) {
                    line.append(',').append(quoted(className(labelled, i)));
                }
                w.write(line.append('\n').toString());
            }
            w.flush();
        });
    }

    private static String className(Dataset set, int i) {
        int l = set.labels()[i];
        return l < set.classNames().size() ? set.classNames().get(l) : Integer.toString(l);
    }

    /** RFC 4180: a field holding a comma, quote or line break is quoted, its quotes doubled. */
    public static String quoted(String field) {
        return field.contains(",") || field.contains("\"") || field.contains("\n") || field.contains("\r")
                ? "\"" + field.replace("\"", "\"\"") + "\"" : field;
    }
}
