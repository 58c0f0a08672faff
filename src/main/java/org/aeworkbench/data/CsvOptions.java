package org.aeworkbench.data;

/**
 * How to read a CSV / TSV file; each choice left null is detected from the file.
 *
 * @param delimiter   the cell separator, or null to detect (comma, tab, semicolon, pipe, or spaces)
 * @param header      whether the first row names the columns, or null to detect
 * @param labelColumn the column holding labels: its name, or its index (0 is the first column,
 *                    -1 the last); {@link #NO_LABELS} for none; null to detect (a column named
 *                    label/class/target/species/category, else the one non-numeric column, else none)
 */
public record CsvOptions(Character delimiter, Boolean header, String labelColumn) {

    public static final String NO_LABELS = "none";

    /** Detect everything. */
    public static CsvOptions detect() {
        return new CsvOptions(null, null, null);
    }

    public CsvOptions withLabelColumn(String column) {
        return new CsvOptions(delimiter, header, column);
    }
}
