package org.aeworkbench.ui.dataset;

/**
 * Where the data comes from, as saved in a project: the set is re-read from its source when the
 * project is opened, so a project file holds no copy of the data.
 *
 * @param source a registry name ("mnist") or a file path
 * @param limit  use at most this many samples, drawn with the seed below (0 = all)
 * @param seed   seeds the subset draw
 */
public record DataReference(String source, int limit, long seed) {

    public static DataReference of(String source) {
        return new DataReference(source, 0, 42);
    }

    public DataReference withLimit(int n) {
        return new DataReference(source, n, seed);
    }
}
