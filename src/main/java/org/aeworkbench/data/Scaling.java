package org.aeworkbench.data;

/** How input values are rescaled before training; see {@link Preprocessing}. */
public enum Scaling {
    /** Values as loaded. */
    NONE("none"),
    /** x / 255: bytes (0..255) to [0, 1], the same for every feature. */
    DIVIDE_255("divide by 255"),
    /** (x - min) / (max - min) per feature, min and max from the training set: [0, 1] on it. */
    MIN_MAX("min-max to [0, 1] per feature"),
    /** (x - mean) / std per feature, mean and std from the training set: mean 0, variance 1 on it. */
    Z_SCORE("z-score per feature");

    private final String label;

    Scaling(String label) {
        this.label = label;
    }

    /** What the UI and CLI show. */
    public String label() {
        return label;
    }
}
