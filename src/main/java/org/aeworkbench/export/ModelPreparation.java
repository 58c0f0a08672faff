package org.aeworkbench.export;

import java.nio.file.Path;
import org.aeworkbench.data.Preprocessing;
import org.aeworkbench.engine.io.ModelFile;

/**
 * The data preparation a model file records, for whatever applies the model outside the workbench
 * (the exported {@code prepare(x)}, the Java API). Files that record none give
 * {@link Preprocessing#none()}.
 */
public final class ModelPreparation {

    private ModelPreparation() {
    }

    /** The preparation {@code loaded} (read from {@code file}) records. */
    public static Preprocessing of(ModelFile.Loaded loaded, Path file) {
        return Preprocessing.none();
    }
}
