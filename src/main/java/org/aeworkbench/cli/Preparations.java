package org.aeworkbench.cli;

import org.aeworkbench.data.Preprocessing;

/** The data preparation a model was trained with, as the export and import commands carry it. */
final class Preparations {

    private Preparations() {
    }

    /**
     * What {@code r}'s model file records; a spec, and model files that record none, give
     * {@link Preprocessing#none()}.
     */
    static Preprocessing of(DesignSource.Resolved r) {
        return Preprocessing.none();
    }
}
