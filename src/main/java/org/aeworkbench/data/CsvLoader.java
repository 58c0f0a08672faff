package org.aeworkbench.data;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.aeworkbench.engine.tensor.Shape;

/**
 * Reads a table of numbers, one sample per row, from CSV or TSV (plain or gzipped). Every cell
 * but the label column must be a finite number; a bad cell, a row of the wrong length, an empty
 * file or a header with no rows is refused with {@code file:line:column} and what to do.
 */
public final class CsvLoader {

    private static final Set<String> LABEL_NAMES = Set.of("label", "labels", "class", "target",
            "species", "category");
    private static final int DETECT_LINES = 5;

    private CsvLoader() {
    }

    public static Dataset load(Path file, CsvOptions options) {
        String name = file.getFileName().toString();
        return DataFiles.read(file, (in, where, size) ->
                read(in, where, name, where, DataSources.isTsvName(name), options));
    }

    /**
     * @param where  shown in messages as the file
     * @param tsv    true when the name says tab-separated
     */
    static Dataset read(InputStream raw, String where, String name, String source, boolean tsv,
                        CsvOptions options) throws IOException {
        List<String> lines = readLines(raw, where);
        // Line numbers (1-based) of the non-blank lines, so messages point at the real line.
        List<Integer> lineNumbers = new ArrayList<>();
        List<String> content = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.isBlank() && !line.startsWith("#")) {
                content.add(line);
                lineNumbers.add(i + 1);
            }
        }
        if (content.isEmpty()) {
            throw new DataException(where + ": the file is empty; give a table with one sample per row");
        }
        char delimiter = options.delimiter() != null ? options.delimiter()
                : CsvTable.detectDelimiter(content.subList(0, Math.min(DETECT_LINES, content.size())), tsv);
        List<String> first = CsvTable.split(content.get(0), delimiter);
        List<String> second = content.size() > 1 ? CsvTable.split(content.get(1), delimiter) : null;
        boolean header = options.header() != null ? options.header() : CsvTable.looksLikeHeader(first, second);
        int firstRow = header ? 1 : 0;
        if (content.size() <= firstRow) {
            throw new DataException(where + ":" + lineNumbers.get(0) + ": the file has a header and no data rows;"
                    + " add one sample per row below it");
        }
        List<String> columnNames = header ? first : null;
        int columns = first.size();
        List<String> firstData = CsvTable.split(content.get(firstRow), delimiter);
        int labelColumn = chooseLabelColumn(options.labelColumn(), columnNames, firstData, where);

        int rows = content.size() - firstRow;
        int features = labelColumn >= 0 ? columns - 1 : columns;
        if (features < 1) {
            throw new DataException(where + ": the only column is the label column; there are no features");
        }
        MemoryBudget.checkFloats((long) rows * features, where);
        float[] values = new float[rows * features];
        List<String> labelText = labelColumn >= 0 ? new ArrayList<>(rows) : null;
        for (int r = 0; r < rows; r++) {
            int line = lineNumbers.get(firstRow + r);
            List<String> cells = CsvTable.split(content.get(firstRow + r), delimiter);
            if (cells.size() != columns) {
                throw new DataException(where + ":" + line + ": has " + cells.size()
                        + (cells.size() == 1 ? " cell" : " cells") + ", expected "
                        + columns + " like " + (header ? "the header" : "the first row")
                        + "; fix the row or check the delimiter");
            }
            int f = 0;
            for (int c = 0; c < columns; c++) {
                String cell = cells.get(c);
                if (c == labelColumn) {
                    if (cell.isEmpty()) {
                        throw cellError(where, line, c, columnNames, "the label is empty; give every row a label");
                    }
                    labelText.add(cell);
                } else {
                    values[r * features + f++] = parseCell(cell, where, line, c, columnNames);
                }
            }
        }
        List<String> featureNames = new ArrayList<>();
        if (columnNames != null) {
            for (int c = 0; c < columns; c++) {
                if (c != labelColumn) {
                    featureNames.add(columnNames.get(c));
                }
            }
        }
        if (labelText == null) {
            return new Dataset(name, Shape.vector(features), values, null, List.of(), source, false, featureNames);
        }
        Labels.Encoded labels = encode(labelText);
        return new Dataset(name, Shape.vector(features), values, labels.labels(), labels.classNames(), source, false,
                featureNames);
    }

    private static List<String> readLines(InputStream raw, String where) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(raw, 1 << 16);
        buffered.mark(2);
        boolean gzipped = buffered.read() == 0x1f && buffered.read() == 0x8b;
        buffered.reset();
        InputStream in = gzipped ? new GZIPInputStream(buffered, 1 << 16) : buffered;
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (lines.isEmpty() && line.startsWith("\uFEFF")) {
                    line = line.substring(1); // a byte-order mark from spreadsheet exports
                }
                lines.add(line);
            }
        }
        return lines;
    }

    private static float parseCell(String cell, String where, int line, int column, List<String> names) {
        if (cell.isEmpty()) {
            throw cellError(where, line, column, names, "the cell is empty; fill in or remove missing values");
        }
        double v;
        try {
            v = Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            throw cellError(where, line, column, names, "'" + cell + "' is not a number; the features must be"
                    + " numeric (choose this column as the label column if it holds classes)");
        }
        if (!Double.isFinite(v) || Math.abs(v) > Float.MAX_VALUE) {
            throw cellError(where, line, column, names, "'" + cell + "' is not a finite number;"
                    + " replace or remove missing and infinite values");
        }
        return (float) v;
    }

    private static DataException cellError(String where, int line, int column, List<String> names, String what) {
        String columnName = names == null ? "" : " ('" + names.get(column) + "')";
        return new DataException(where + ":" + line + ":" + (column + 1) + ": column " + (column + 1)
                + columnName + ": " + what);
    }

    /** The label column's index, or -1 for none. */
    static int chooseLabelColumn(String requested, List<String> names, List<String> firstData, String where) {
        int columns = firstData.size();
        if (requested == null) {
            if (names != null) {
                for (int c = 0; c < names.size(); c++) {
                    if (LABEL_NAMES.contains(names.get(c).toLowerCase(Locale.ROOT))) {
                        return c;
                    }
                }
            }
            int textColumn = -1;
            for (int c = 0; c < columns; c++) {
                if (!CsvTable.isNumber(firstData.get(c))) {
                    if (textColumn >= 0) {
                        return -1; // two text columns: let the cell check name the offending one
                    }
                    textColumn = c;
                }
            }
            return textColumn;
        }
        if (requested.equalsIgnoreCase(CsvOptions.NO_LABELS)) {
            return -1;
        }
        if (names != null) {
            int byName = names.indexOf(requested);
            if (byName >= 0) {
                return byName;
            }
        }
        try {
            int index = Integer.parseInt(requested.trim());
            int c = index < 0 ? columns + index : index;
            if (c < 0 || c >= columns) {
                throw new DataException(where + ": label column " + index + " does not exist; the file has "
                        + columns + " columns (0.." + (columns - 1) + ", or -1 for the last)");
            }
            return c;
        } catch (NumberFormatException e) {
            throw new DataException(where + ": no column named '" + requested + "'"
                    + (names == null ? " (the file has no header row; give the column's index, 0 is the first)"
                    : "; the columns are " + names));
        }
    }

    private static Labels.Encoded encode(List<String> text) {
        double[] numbers = new double[text.size()];
        for (int i = 0; i < numbers.length; i++) {
            String t = text.get(i);
            if (!CsvTable.isNumber(t)) {
                return Labels.fromText(text);
            }
            numbers[i] = Double.parseDouble(t);
            if (!Double.isFinite(numbers[i])) {
                return Labels.fromText(text);
            }
        }
        return Labels.fromNumbers(numbers);
    }
}
