package org.aeworkbench.data;

import java.util.ArrayList;
import java.util.List;

/**
 * The text-level part of CSV reading: splitting a line into cells (with RFC 4180 double quotes
 * inside one line), detecting the delimiter and whether the first row is a header.
 */
final class CsvTable {

    /** Candidate delimiters, most common first; ' ' stands for "one or more spaces". */
    private static final char[] CANDIDATES = {',', '\t', ';', '|', ' '};

    private CsvTable() {
    }

    static List<String> split(String line, char delimiter) {
        List<String> cells = new ArrayList<>();
        if (delimiter == ' ') {
            for (String cell : line.trim().split(" +")) {
                cells.add(cell);
            }
            return cells;
        }
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"' && cell.toString().isBlank()) {
                quoted = true;
                cell.setLength(0);
            } else if (c == delimiter) {
                cells.add(cell.toString().trim());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString().trim());
        return cells;
    }

    /**
     * The delimiter that splits the first lines into the same number (more than one) of cells,
     * preferring the one giving most cells; a comma when none does (a one-column file).
     */
    static char detectDelimiter(List<String> firstLines, boolean tabByName) {
        if (tabByName) {
            return '\t';
        }
        char best = ',';
        int bestCells = 1;
        for (char d : CANDIDATES) {
            int cells = -1;
            boolean consistent = true;
            for (String line : firstLines) {
                int n = split(line, d).size();
                if (cells >= 0 && n != cells) {
                    consistent = false;
                    break;
                }
                cells = n;
            }
            if (consistent && cells > bestCells) {
                best = d;
                bestCells = cells;
            }
        }
        return best;
    }

    /**
     * A first row is a header when one of its cells is not a number while the cell below it is:
     * a column of numbers under a name. A row of all numbers is data; so is a text cell above
     * text (a categorical column), unless no column at all is numeric below.
     */
    static boolean looksLikeHeader(List<String> first, List<String> second) {
        if (second == null) {
            return first.stream().noneMatch(CsvTable::isNumber);
        }
        boolean anyNumberBelow = false;
        for (int c = 0; c < Math.min(first.size(), second.size()); c++) {
            boolean below = isNumber(second.get(c));
            anyNumberBelow |= below;
            if (below && !isNumber(first.get(c))) {
                return true;
            }
        }
        return !anyNumberBelow && first.stream().noneMatch(CsvTable::isNumber) && !first.equals(second);
    }

    static boolean isNumber(String cell) {
        try {
            Double.parseDouble(cell.trim());
            return !cell.isBlank();
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
