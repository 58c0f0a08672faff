package org.aeworkbench.ui.dataset;

import java.util.List;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.aeworkbench.data.DataSources;
import org.aeworkbench.data.Dataset;
import org.aeworkbench.data.DatasetInfo;
import org.aeworkbench.data.DatasetRegistry;
import org.aeworkbench.ui.common.Background;

/**
 * The data the workbench trains on: which set (a registry name or a file), how it is split, and
 * the loaded result. Loading and splitting run off the FX thread; the property changes on it.
 */
public final class DataModel {

    private final ObjectProperty<PreparedData> current = new SimpleObjectProperty<>();

    public ReadOnlyObjectProperty<PreparedData> currentProperty() {
        return current;
    }

    public PreparedData current() {
        return current.get();
    }

    /** Names the dataset chooser offers. */
    public static List<String> bundledNames() {
        return DatasetRegistry.list().stream().map(DatasetInfo::name).toList();
    }

    /**
     * Loads and splits in the background; {@code done} runs on the FX thread with the result,
     * {@code failed} with a message naming the file and what to do.
     */
    public void load(DataReference ref, Consumer<PreparedData> done, Consumer<String> failed) {
        Background.run("load " + ref.source(), () -> prepare(ref), prepared -> {
            current.set(prepared);
            if (done != null) {
                done.accept(prepared);
            }
        }, failed);
    }

    /** Loads on the calling thread (tests, project files). */
    public static PreparedData prepare(DataReference ref) {
        Dataset set = DataSources.load(ref.source());
        return PreparedData.of(ref, set);
    }

    /** Sets already-prepared data (from a project or a test) on the FX thread. */
    public void set(PreparedData data) {
        if (Platform.isFxApplicationThread()) {
            current.set(data);
        } else {
            Platform.runLater(() -> current.set(data));
        }
    }
}
