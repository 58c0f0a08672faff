package org.aeworkbench.ui;

import java.util.List;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.aeworkbench.engine.model.ModelSpec;
import org.aeworkbench.engine.model.Presets;
import org.aeworkbench.engine.model.SpecProblem;
import org.aeworkbench.engine.tensor.Shape;
import org.aeworkbench.ui.common.Jobs;
import org.aeworkbench.ui.common.Theme;
import org.aeworkbench.engine.blas.Backend;
import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.ui.dataset.DataModel;
import org.aeworkbench.ui.dataset.PcaModel;
import org.aeworkbench.ui.dataset.DataReference;
import org.aeworkbench.ui.dataset.PreparedData;
import org.aeworkbench.ui.design.DesignModel;
import org.aeworkbench.ui.training.TrainingSession;

/**
 * The workbench's state in one place: the design being edited, the data, the training session
 * and the look. Views bind to these and act through the commands here, so no view reaches into
 * another.
 */
public final class WorkbenchModel {

    /** The design the window opens with: a 2-D code, so the latent scatters need no projection. */
    public static final String DEFAULT_PRESET = "reference";
    public static final String DEFAULT_DATA = "mnist";

    private final DesignModel design;
    private final Jobs jobs = new Jobs();
    private final DataModel data = new DataModel(jobs);
    private final TrainingSession training = new TrainingSession();
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(Theme.LIGHT);
    private final StringProperty dataStatus = new SimpleStringProperty("");
    private final StringBinding trainBlocked;
    private final PcaModel pca = new PcaModel(jobs);
    /** Compute context for the views' background inference (galleries, metrics), apart from training's. */
    private final Compute inference = Compute.create(Backend.AUTO, 0);

    public WorkbenchModel() {
        Shape mnist = Shape.image(28, 28, 1);
        design = new DesignModel(Presets.get(DEFAULT_PRESET, mnist), mnist, Boolean.TRUE);
        trainBlocked = Bindings.createStringBinding(this::whyTrainIsBlocked, design.problemsProperty(),
                data.currentProperty(), dataStatus);
        training.prepare(design.spec());
        data.currentProperty().addListener((obs, old, now) -> {
            if (now != null) {
                Shape shape = now.all().sampleShape();
                String name = design.spec().name();
                if (!shape.equals(design.inputShape()) && Presets.names().contains(name)) {
                    // A preset is sized to its data: rebuild it for the new shape rather than stretch it.
                    design.setData(shape, now.inUnitInterval());
                    design.replace("Preset " + name + " for " + now.all().name(), Presets.get(name, shape));
                } else {
                    design.setData(shape, now.inUnitInterval());
                }
                fitPca();
            }
        });
        design.stateProperty().addListener((obs, old, now) -> fitPca());
    }

    public DesignModel design() {
        return design;
    }

    public DataModel data() {
        return data;
    }

    public TrainingSession training() {
        return training;
    }

    public PcaModel pca() {
        return pca;
    }

    /** Loading, opening, PCA and exports: what the status bar offers to cancel. */
    public Jobs jobs() {
        return jobs;
    }

    public Compute inference() {
        return inference;
    }

    /** PCA of the current data with at least the design's code size, fitted in the background. */
    private void fitPca() {
        PreparedData d = data.current();
        if (d != null) {
            var t = design.spec().training();
            pca.ensure(d, design.codeWidth(), t.validationFraction(), t.seed());
        }
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    /** "Loading mnist…", or a load failure, or empty. */
    public StringProperty dataStatusProperty() {
        return dataStatus;
    }

    /** Why Train is disabled, one reason per line; empty when training can start. */
    public StringBinding trainBlockedProperty() {
        return trainBlocked;
    }

    private String whyTrainIsBlocked() {
        if (data.current() == null) {
            return dataStatus.get().isEmpty() ? "No data loaded yet" : dataStatus.get();
        }
        List<SpecProblem> problems = design.problems();
        if (problems.isEmpty()) {
            return "";
        }
        return "The design cannot be trained:\n" + problems.stream().map(p -> "\u2022 " + p.field() + ": " + p.message())
                .collect(Collectors.joining("\n"));
    }

    /** Stops training and releases threads (the window is closing). */
    public void close() {
        training.close();
        inference.close();
    }

    // ---- commands ----

    public void train() {
        PreparedData d = data.current();
        if (d != null && trainBlocked.get().isEmpty()) {
            training.train(design.spec(), d);
        }
    }

    public void togglePause() {
        if (training.state() == TrainingSession.State.PAUSED) {
            training.resume();
        } else {
            training.pause();
        }
    }

    public void stop() {
        training.stop();
    }

    public void reset() {
        training.reset(design.spec());
    }

    /**
     * Loads a data set in the background, cancelling a load still running; the design follows its
     * shape. Cancelled, it leaves the current data as it was.
     */
    public void loadData(DataReference ref) {
        data.load(ref, d -> dataStatus.set(""), msg -> dataStatus.set("Could not load " + ref.source() + ": " + msg),
                () -> dataStatus.set(""));
        // After load(): cancelling the previous load has cleared the status, which now names this one.
        dataStatus.set("Loading " + ref.source() + "\u2026");
    }

    /** Replaces the design with a preset sized to the current data (one undoable step). */
    public void applyPreset(String name) {
        ModelSpec spec = Presets.get(name, design.inputShape());
        design.replace("Preset " + name, spec);
    }
}
