package org.aeworkbench.ui.dataset;

import java.util.Objects;
import org.aeworkbench.data.ScaleChoice;

/**
 * Where the data comes from and how it is to be scaled, as saved in a project: the set is re-read
 * from its source when the project is opened, so a project file holds no copy of the data.
 *
 * @param source  a registry name ("mnist") or a file path
 * @param limit   use at most this many samples, drawn with the seed below (0 = all)
 * @param seed    seeds the subset draw
 * @param scaling the scaling asked for; {@link ScaleChoice#AUTO} leaves it to the rule every command
 *                uses ({@link org.aeworkbench.data.ScalingRule})
 */
public record DataReference(String source, int limit, long seed, ScaleChoice scaling) {

    public DataReference {
        Objects.requireNonNull(scaling, "scaling");
    }

    public static DataReference of(String source) {
        return new DataReference(source, 0, 42, ScaleChoice.AUTO);
    }

    public DataReference withLimit(int n) {
        return new DataReference(source, n, seed, scaling);
    }

    public DataReference withScaling(ScaleChoice s) {
        return new DataReference(source, limit, seed, s);
    }
}
