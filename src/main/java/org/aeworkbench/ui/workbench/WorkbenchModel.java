package org.aeworkbench.ui.workbench;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.aeworkbench.data.ScaleChoice;
import org.aeworkbench.engine.blas.Backend;
import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.model.ModelSpec;
import org.aeworkbench.engine.model.Presets;
import org.aeworkbench.engine.model.SpecProblem;
import org.aeworkbench.engine.tensor.Shape;
import org.aeworkbench.report.runs.RunData;
import org.aeworkbench.report.runs.RunRecord;
import org.aeworkbench.ui.common.BackgroundPriority;
import org.aeworkbench.ui.common.Jobs;
import org.aeworkbench.ui.common.Theme;
import org.aeworkbench.ui.dataset.DataModel;
import org.aeworkbench.ui.dataset.DataReference;
import org.aeworkbench.ui.dataset.PcaModel;
import org.aeworkbench.ui.dataset.PreparationKey;
import org.aeworkbench.ui.dataset.PreparedData;
import org.aeworkbench.ui.design.DesignModel;
import org.aeworkbench.ui.project.ProjectModel;
import org.aeworkbench.ui.project.RecentProjects;
import org.aeworkbench.ui.run.TrainedModel;
import org.aeworkbench.ui.runs.RunsModel;
import org.aeworkbench.ui.training.TrainingSession;

/**
 * The workbench's state in one place: the design being edited, the data, the training session,
 * the project and the look. Views bind to these read-only properties and act through the
 * commands here and on the area models, so no view reaches into another.
 */
public final class WorkbenchModel {

    /** The design the window opens with: a 2-D code, so the latent scatters need no projection. */
    public static final String DEFAULT_PRESET = "reference";
    public static final String DEFAULT_DATA = "mnist";
    /** The bundled data's images: 28 x 28, one channel. */
    static final Shape DEFAULT_INPUT = Shape.image(28, 28, 1);

    private final DesignModel design;
    private final Jobs jobs = new Jobs();
    private final DataModel data = new DataModel(jobs);
    private final TrainingSession training = new TrainingSession();
    private final RunsModel runs = new RunsModel(training);
    private final ProjectModel project;
    private final ReadOnlyObjectWrapper<Theme> theme = new ReadOnlyObjectWrapper<>(Theme.LIGHT);
    private final ReadOnlyBooleanWrapper presentation = new ReadOnlyBooleanWrapper();
    private final StringBinding trainBlocked;
    private final StringBinding outOfDate;
    private final PcaModel pca = new PcaModel(jobs);
    /** Compute context for the views' background inference (galleries, metrics), apart from training's. */
    private final Compute inference = inferenceCompute();

    public WorkbenchModel() {
        this(RecentProjects.forUser());
    }

    /** The design the window opens with, for the bundled data. */
    static ModelSpec defaultDesign() {
        return Presets.get(DEFAULT_PRESET, DEFAULT_INPUT);
    }

    private static Compute inferenceCompute() {
        BackgroundPriority.loadNativeBlas(); // before the first context, so OpenBLAS's workers start low
        BackgroundPriority.lowerJvmHelpers();
        return Compute.create(Backend.AUTO, 0);
    }

    /** @param recent where the recently opened projects are remembered (tests pass their own) */
    public WorkbenchModel(RecentProjects recent) {
        this(recent, FirstRunWarmup.ofThisJvm());
    }

    /** @param warmup the engine's warm-up this window starts and a run's start stops (tests pass their own) */
    WorkbenchModel(RecentProjects recent, FirstRunWarmup warmup) {
        design = new DesignModel(defaultDesign(), DEFAULT_INPUT, Boolean.TRUE);
        project = new ProjectModel(design, data, training, runs, jobs, recent);
        trainBlocked = Bindings.createStringBinding(this::whyTrainIsBlocked, design.problemsProperty(),
                design.stateProperty(), data.currentProperty(), data.statusProperty());
        outOfDate = Bindings.createStringBinding(this::whyViewsAreOutOfDate, design.stateProperty(), training.modelProperty());
        training.prepare(design.spec());
        warmup.startUnlessTurnedOff();
        training.stateProperty().addListener((obs, old, now) -> {
            if (now == TrainingSession.State.RUNNING) {
                warmup.stop(); // without waiting: the run does not compete with it for long
            }
        });
        data.currentProperty().addListener((obs, old, now) -> {
            if (now != null) {
                dataChanged(old, now);
            }
        });
        design.stateProperty().addListener((obs, old, now) -> {
            prepareForDesign();
            fitPca();
        });
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

    public ProjectModel project() {
        return project;
    }

    /** Every training run recorded in this project, for the Runs tab, lessons and the report. */
    public RunsModel runs() {
        return runs;
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

    public ReadOnlyObjectProperty<Theme> themeProperty() {
        return theme.getReadOnlyProperty();
    }

    /** Presentation mode: larger fonts and thicker lines, full screen, for a projector. */
    public ReadOnlyBooleanProperty presentationProperty() {
        return presentation.getReadOnlyProperty();
    }

    /** Why Train is disabled, one reason per line; empty when training can start. */
    public StringBinding trainBlockedProperty() {
        return trainBlocked;
    }

    /**
     * Why the views show a model that is not the current design's, or empty when they show the
     * current one (or none): the design was changed after training, so what the tabs show belongs
     * to the design as it was, and the next Train starts over.
     */
    public StringBinding outOfDateProperty() {
        return outOfDate;
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
     * shape, and the trained model, which belongs to the old data, is reset. Cancelled, it leaves
     * the current data as it was.
     */
    public void loadData(DataReference ref) {
        data.load(ref, preparationKey(), null, null, null);
    }

    /**
     * As {@link #loadData(DataReference)}, then {@code done} with the data once the design follows
     * it, or {@code failed} with why it could not be loaded (FX thread).
     */
    public void loadData(DataReference ref, Consumer<PreparedData> done, Consumer<String> failed) {
        data.load(ref, preparationKey(), done, failed, null);
    }

    /**
     * Puts a recorded run's design back in the designer, one undoable step; when other data is
     * loaded, the run's data (same source, sample draw and scaling) is loaded first.
     */
    public void reopenRun(RunRecord run) {
        RunData rd = run.data();
        DataReference ref = new DataReference(rd.source(), rd.limit(), rd.subsetSeed(), ScaleChoice.parse(rd.scaling()));
        Runnable reopen = () -> design.replace("Re-open run " + run.id() + " (" + run.name() + ")", run.spec());
        PreparedData d = data.current();
        if (d != null && d.reference().equals(ref)) {
            reopen.run();
        } else {
            loadData(ref, loaded -> reopen.run(), failed -> { });
        }
    }

    /** Replaces the design with a preset sized to the current data (one undoable step). */
    public void applyPreset(String name) {
        ModelSpec spec = Presets.get(name, design.inputShape());
        design.replace("Preset " + name, spec);
    }

    public void setTheme(Theme t) {
        theme.set(t);
    }

    public void toggleTheme() {
        setTheme(theme.get() == Theme.LIGHT ? Theme.DARK : Theme.LIGHT);
    }

    public void setPresentation(boolean on) {
        presentation.set(on);
    }

    public void togglePresentation() {
        setPresentation(!presentation.get());
    }

    /** Starts an untitled project with the default preset for the current data. */
    public void newProject() {
        project.newProject(Presets.get(DEFAULT_PRESET, design.inputShape()));
    }

    // ---- internals ----

    /** The split and loss the data is prepared for: the design's, as {@code train} prepares it for its design. */
    private PreparationKey preparationKey() {
        return PreparationKey.of(design.spec());
    }

    /**
     * Fits the data's preparation again when the design's split or loss changed (in the background;
     * Train waits for it), so the window trains on the matrix {@code train} would.
     */
    private void prepareForDesign() {
        data.reprepare(preparationKey());
    }

    /**
     * New data: a preset is rebuilt for its shape (keeping the training settings the user chose),
     * the trained model, which belongs to the old data, is reset, and PCA is fitted anew. The same
     * data prepared anew for the design keeps the trained model, which keeps the data it was trained on.
     */
    private void dataChanged(PreparedData old, PreparedData now) {
        if (old != null && now.preparedFromSameLoad(old)) {
            design.setData(now.all().sampleShape(), now.inUnitInterval());
            prepareForDesign();
            fitPca();
            return;
        }
        Shape shape = now.all().sampleShape();
        String name = design.spec().name();
        training.dataReplaced(now.all().name());
        if (!shape.equals(design.inputShape()) && Presets.names().contains(name)) {
            // A preset is sized to its data: rebuild it for the new shape rather than stretch it.
            design.setData(shape, now.inUnitInterval());
            design.replace("Preset " + name + " for " + now.all().name(),
                    Presets.get(name, shape).withTraining(design.spec().training()));
        } else {
            design.setData(shape, now.inUnitInterval());
        }
        prepareForDesign();
        fitPca();
    }

    /** PCA of the current data with at least the design's code size, fitted in the background. */
    private void fitPca() {
        PreparedData d = data.current();
        // Data being prepared anew for the design is fitted once it lands.
        if (d != null && d.fittedFor(preparationKey())) {
            var t = design.spec().training();
            pca.ensure(d, design.codeWidth(), t.validationFraction(), t.seed());
        }
    }

    private String whyTrainIsBlocked() {
        if (data.current() == null) {
            return data.status().isEmpty() ? "No data loaded yet" : data.status();
        }
        if (!data.current().fittedFor(preparationKey())) {
            return data.status().isEmpty() ? "The data is prepared for another split or loss" : data.status();
        }
        List<SpecProblem> problems = design.problems();
        if (problems.isEmpty()) {
            return "";
        }
        return "The design cannot be trained:\n" + problems.stream().map(p -> "\u2022 " + p.field() + ": " + p.message())
                .collect(Collectors.joining("\n"));
    }

    private String whyViewsAreOutOfDate() {
        TrainedModel m = training.model();
        if (m == null || m.weights().spec().equals(design.spec())) {
            return "";
        }
        return "Out of date: this shows the model trained before the design changed (" + m.weights().spec().name()
                + ", " + m.epochs() + (m.epochs() == 1 ? " epoch" : " epochs") + "). Train to start over with the design as it is now.";
    }
}
