package org.aeworkbench.ui.dataset;

import org.aeworkbench.data.Scaling;

/**
 * Where the data comes from and how it is prepared, as saved in a project: the set is re-read
 * from its source when the project is opened, so a project file holds no copy of the data.
 *
 * @param source  a registry name ("mnist") or a file path
 * @param limit   use at most this many samples, drawn with the seed below (0 = all)
 * @param seed    seeds the subset draw
 * @param scaling how values are rescaled, or null to choose when loading: none for data already
 *                in [0, 1], min-max otherwise (so the BCE presets apply)
 */
public record DataReference(String source, int limit, long seed, Scaling scaling) {

    public static DataReference of(String source) {
        return new DataReference(source, 0, 42, null);
    }

    public DataReference withLimit(int n) {
        return new DataReference(source, n, seed, scaling);
    }

    public DataReference withScaling(Scaling s) {
        return new DataReference(source, limit, seed, s);
    }
}
