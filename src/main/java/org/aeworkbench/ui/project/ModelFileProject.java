package org.aeworkbench.ui.project;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.aeworkbench.data.DatasetRegistry;
import org.aeworkbench.engine.core.SpecException;
import org.aeworkbench.engine.io.ModelFile;
import org.aeworkbench.ui.dataset.DataReference;
import org.aeworkbench.ui.run.TrainingHistory;
import org.aeworkbench.ui.workbench.WorkbenchModel;

/**
 * A model file ({@code .aem}: from {@code train --out}, File > Export, or {@code import pytorch})
 * opened in the window as an untitled project: its design and weights, and the data it records it
 * was trained on (the file, when it still exists, else the bundled set of that name, else the
 * default sample), so that the views work on it at once. It has no training history.
 */
public final class ModelFileProject {

    /** The extension of model files. */
    public static final String EXTENSION = "aem";

    private ModelFileProject() {
    }

    public static boolean isModelFile(Path file) {
        return file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith("." + EXTENSION);
    }

    public static Project load(Path file) throws IOException {
        ModelFile.Loaded loaded;
        try {
            loaded = ModelFile.load(file);
        } catch (SpecException e) {
            throw new IOException(e.getMessage(), e);
        }
        return new Project(loaded.model().spec(), false, DataReference.of(dataSource(loaded.info())),
                TrainingHistory.EMPTY, loaded.model());
    }

    /** The data the model file names: its file when it exists, a bundled set's name, or the default. */
    static String dataSource(JsonNode info) {
        String source = info == null ? "" : info.path("data_source").asText("");
        if (!source.isEmpty() && Files.isRegularFile(Path.of(source))) {
            return source;
        }
        String name = info == null ? "" : info.path("data").asText("");
        return !name.isEmpty() && DatasetRegistry.contains(name) ? name : WorkbenchModel.DEFAULT_DATA;
    }
}
