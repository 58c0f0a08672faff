package org.aeworkbench.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * A fitted rescaling, x' = (x - offset[j]) / scale[j] for feature j. It is fitted on the training
 * set only and then applied unchanged to validation and test data, so no statistic of held-out
 * data leaks into training. The fitted numbers are part of the record so a project can save and
 * restore it exactly, and {@link #invert} maps reconstructions back to the data's own units.
 *
 * @param scaling the method
 * @param offset  per-feature value subtracted (empty for {@link Scaling#NONE})
 * @param scale   per-feature divisor, never 0 (empty for {@link Scaling#NONE})
 */
public record Preprocessing(Scaling scaling, float[] offset, float[] scale) {

    public Preprocessing {
        Objects.requireNonNull(scaling, "scaling");
        offset = offset == null ? new float[0] : offset.clone();
        scale = scale == null ? new float[0] : scale.clone();
        if (offset.length != scale.length) {
            throw new IllegalArgumentException(offset.length + " offsets but " + scale.length + " scales");
        }
    }

    /** No rescaling. */
    public static Preprocessing none() {
        return new Preprocessing(Scaling.NONE, new float[0], new float[0]);
    }

    /** Fits {@code scaling} on the training set. */
    public static Preprocessing fit(Scaling scaling, Dataset train) {
        int f = train.features();
        int n = train.samples();
        if (scaling == Scaling.NONE) {
            return none();
        }
        if (n == 0) {
            throw new DataException(train.name() + ": cannot fit " + scaling.label() + " on an empty training set");
        }
        float[] offset = new float[f];
        float[] scale = new float[f];
        float[] v = train.values();
        switch (scaling) {
            case DIVIDE_255 -> Arrays.fill(scale, 255f);
            case MIN_MAX -> {
                float[] min = new float[f];
                float[] max = new float[f];
                Arrays.fill(min, Float.POSITIVE_INFINITY);
                Arrays.fill(max, Float.NEGATIVE_INFINITY);
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < f; j++) {
                        float x = v[i * f + j];
                        min[j] = Math.min(min[j], x);
                        max[j] = Math.max(max[j], x);
                    }
                }
                for (int j = 0; j < f; j++) {
                    offset[j] = min[j];
                    // A constant feature maps to 0 instead of dividing by zero.
                    scale[j] = max[j] > min[j] ? max[j] - min[j] : 1f;
                }
            }
            case Z_SCORE -> {
                double[] sum = new double[f];
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < f; j++) {
                        sum[j] += v[i * f + j];
                    }
                }
                double[] squares = new double[f];
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < f; j++) {
                        double d = v[i * f + j] - sum[j] / n;
                        squares[j] += d * d;
                    }
                }
                for (int j = 0; j < f; j++) {
                    offset[j] = (float) (sum[j] / n);
                    // Population standard deviation (divide by n), as scikit-learn's StandardScaler.
                    double std = Math.sqrt(squares[j] / n);
                    scale[j] = std > 0 ? (float) std : 1f;
                }
            }
            default -> throw new IllegalStateException(scaling.name());
        }
        return new Preprocessing(scaling, offset, scale);
    }

    /** The set rescaled; the original is left as it was. */
    public Dataset apply(Dataset set) {
        if (scaling == Scaling.NONE) {
            return set;
        }
        int f = set.features();
        if (f != offset.length) {
            throw new DataException(set.name() + ": has " + f + " features but the " + scaling.label()
                    + " scaling was fitted on " + offset.length + "; use data of the same shape as the training set");
        }
        float[] in = set.values();
        float[] out = new float[in.length];
        for (int row = 0; row < in.length; row += f) {
            for (int j = 0; j < f; j++) {
                out[row + j] = (in[row + j] - offset[j]) / scale[j];
            }
        }
        return set.withValues(out);
    }

    /** Maps one rescaled sample back to the original units: x = x' * scale + offset. */
    public float[] invert(float[] sample) {
        if (scaling == Scaling.NONE) {
            return sample.clone();
        }
        float[] out = new float[sample.length];
        for (int j = 0; j < sample.length; j++) {
            out[j] = sample[j] * scale[j] + offset[j];
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Preprocessing p && p.scaling == scaling && Arrays.equals(p.offset, offset)
                && Arrays.equals(p.scale, scale);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * scaling.hashCode() + Arrays.hashCode(offset)) + Arrays.hashCode(scale);
    }

    @Override
    public String toString() {
        return "Preprocessing[" + scaling + ", " + offset.length + " features]";
    }
}
