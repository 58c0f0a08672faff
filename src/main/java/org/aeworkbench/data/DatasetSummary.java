package org.aeworkbench.data;

import java.util.List;
import org.aeworkbench.engine.tensor.Shape;

/**
 * The facts a person checks first about a data set: how many samples, of what shape, which
 * classes with how many each, the value range, and where it came from.
 *
 * @param classCounts samples per class, indexed like {@code classNames} (empty when unlabelled)
 */
public record DatasetSummary(String name, int samples, int features, Shape shape, List<String> classNames,
                             int[] classCounts, float min, float max, boolean inUnitInterval, String source) {

    public static DatasetSummary of(Dataset d) {
        int[] counts = d.hasLabels() ? Labels.counts(d.labels(), d.classNames().size()) : new int[0];
        return new DatasetSummary(d.name(), d.samples(), d.features(), d.sampleShape(), d.classNames(), counts,
                d.minValue(), d.maxValue(), d.inUnitInterval(), d.source());
    }

    public boolean labelled() {
        return classCounts.length > 0;
    }

    /** Whether views should draw samples as pictures: a 2-D grid of at least 4x4 pixels. */
    public boolean imageShaped() {
        return shape.height() >= 4 && shape.width() >= 4;
    }
}
