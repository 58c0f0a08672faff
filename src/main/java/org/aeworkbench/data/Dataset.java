package org.aeworkbench.data;

import java.util.List;
import java.util.Objects;
import org.aeworkbench.engine.tensor.Shape;

/**
 * A set of samples, row-major: sample i occupies {@code values[i * features() .. (i + 1) * features())}.
 * Image-shaped samples keep their height, width and channels (stored channels-last) in
 * {@code sampleShape} so views can draw them as pictures.
 *
 * @param name        short name shown to the user ("mnist", or the file name)
 * @param sampleShape shape of one sample
 * @param values      all samples, row-major, in float
 * @param labels      one class index per sample, or {@code null} when the set has no labels
 * @param classNames  display name of each class index (empty when unlabelled)
 * @param source      where the data came from: a bundled set's provenance or the file path
 * @param unsignedBytes whether the values were stored as unsigned bytes 0..255 (IDX type 0x08, NPY
 *                    uint8, the gray levels of an image folder), which {@link ScalingRule} divides
 *                    by 255 under {@code auto}; false once the values have been rescaled
 * @param featureNames the name of each value of a sample, from a table's header ("Product1",
 *                    "sepal length (cm)"), or empty when the source names none
 */
public record Dataset(String name, Shape sampleShape, float[] values, int[] labels,
                      List<String> classNames, String source, boolean unsignedBytes, List<String> featureNames) {

    /** A data set whose values are not bytes as stored. */
    public Dataset(String name, Shape sampleShape, float[] values, int[] labels, List<String> classNames, String source) {
        this(name, sampleShape, values, labels, classNames, source, false);
    }

    /** A data set whose values have no names. */
    public Dataset(String name, Shape sampleShape, float[] values, int[] labels, List<String> classNames, String source,
                   boolean unsignedBytes) {
        this(name, sampleShape, values, labels, classNames, source, unsignedBytes, List.of());
    }

    public Dataset {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sampleShape, "sampleShape");
        Objects.requireNonNull(values, "values");
        classNames = classNames == null ? List.of() : List.copyOf(classNames);
        featureNames = featureNames == null ? List.of() : List.copyOf(featureNames);
        if (!featureNames.isEmpty() && featureNames.size() != sampleShape.size()) {
            throw new IllegalArgumentException(name + ": " + featureNames.size() + " feature names for samples of "
                    + sampleShape.size() + " values");
        }
        if (values.length % sampleShape.size() != 0) {
            throw new IllegalArgumentException(name + ": " + values.length
                    + " values do not divide into samples of shape " + sampleShape);
        }
        if (labels != null && labels.length != values.length / sampleShape.size()) {
            throw new IllegalArgumentException(name + ": " + labels.length + " labels for "
                    + values.length / sampleShape.size() + " samples");
        }
    }

    public int samples() {
        return values.length / sampleShape.size();
    }

    public int features() {
        return sampleShape.size();
    }

    public boolean hasLabels() {
        return labels != null;
    }

    /**
     * Whether every sample has a label of its own, as when a table's first column names its rows
     * (the customers' "Customer1" to "Customer5"): the labels name the samples and group none of
     * them, so a measure against classes (precision, ACC, AUROC, a classifier's accuracy) has
     * nothing to measure.
     */
    public boolean labelsNameEachSample() {
        if (labels == null || samples() < 2) {
            return false;
        }
        return java.util.Arrays.stream(labels).distinct().count() == samples();
    }

    /** A copy of sample i. */
    public float[] sample(int i) {
        float[] row = new float[features()];
        System.arraycopy(values, i * features(), row, 0, features());
        return row;
    }

    /** Smallest value over all samples (+infinity for an empty set). */
    public float minValue() {
        float min = Float.POSITIVE_INFINITY;
        for (float v : values) {
            min = Math.min(min, v);
        }
        return min;
    }

    /** Largest value over all samples (-infinity for an empty set). */
    public float maxValue() {
        float max = Float.NEGATIVE_INFINITY;
        for (float v : values) {
            max = Math.max(max, v);
        }
        return max;
    }

    /**
     * Whether every value lies in [0, 1], as binary cross-entropy needs of its targets (it treats
     * each value as a probability); the UI and CLI warn when BCE is chosen and this is false.
     */
    public boolean inUnitInterval() {
        for (float v : values) {
            if (!(v >= 0f && v <= 1f)) {
                return false;
            }
        }
        return true;
    }

    /** The same samples with new values of the same length (after preprocessing, for example): no longer bytes as stored. */
    public Dataset withValues(float[] newValues) {
        return new Dataset(name, sampleShape, newValues, labels, classNames, source, false, featureNames);
    }

    /** The same samples with labels (one class index per sample) and their class names. */
    public Dataset withLabels(int[] newLabels, List<String> newClassNames) {
        return new Dataset(name, sampleShape, values, newLabels, newClassNames, source, unsignedBytes, featureNames);
    }

    /** The same samples with a name for each of their values. */
    public Dataset withFeatureNames(List<String> names) {
        return new Dataset(name, sampleShape, values, labels, classNames, source, unsignedBytes, names);
    }

    /** The samples at the given indices, in that order, as a new data set. */
    public Dataset subset(int[] indices, String subsetName) {
        int f = features();
        float[] v = new float[indices.length * f];
        int[] l = labels == null ? null : new int[indices.length];
        for (int r = 0; r < indices.length; r++) {
            System.arraycopy(values, indices[r] * f, v, r * f, f);
            if (l != null) {
                l[r] = labels[indices[r]];
            }
        }
        return new Dataset(subsetName, sampleShape, v, l, classNames, source, unsignedBytes, featureNames);
    }
}
