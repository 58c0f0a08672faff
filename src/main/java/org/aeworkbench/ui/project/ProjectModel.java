package org.aeworkbench.ui.project;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import org.aeworkbench.data.Preparation;
import org.aeworkbench.engine.model.ModelSpec;
import org.aeworkbench.report.runs.RunRecord;
import org.aeworkbench.ui.common.Background;
import org.aeworkbench.ui.common.Jobs;
import org.aeworkbench.ui.dataset.DataModel;
import org.aeworkbench.ui.dataset.DataReference;
import org.aeworkbench.ui.dataset.PreparationKey;
import org.aeworkbench.ui.dataset.PreparedData;
import org.aeworkbench.ui.design.DesignModel;
import org.aeworkbench.ui.run.ModelSnapshot;
import org.aeworkbench.ui.run.TrainingHistory;
import org.aeworkbench.ui.runs.RunsModel;
import org.aeworkbench.ui.training.TrainingSession;

/**
 * The project: the file it is saved in, whether it holds unsaved work, the files opened
 * recently, and the commands New, Open, Save and Recover. The menus ask the questions and
 * choose the files; this does the work, reading and writing in the background. A project holds
 * unsaved work when its design or its trained epochs differ from what was last saved or opened,
 * or when it is recovered work that was never saved.
 */
public final class ProjectModel {

    /** A project read from its file, with its data loaded and prepared, ready to install. */
    public record Opened(Project project, PreparedData data) {
    }

    /**
     * The project as it is now, cheap to take on the FX thread: the design, the data reference,
     * the history and the newest frozen copy of the weights, which {@link #project()} turns into
     * a model on a background thread.
     */
    public record Frozen(ModelSpec spec, boolean mirrored, DataReference data, TrainingHistory history,
                         ModelSnapshot weights, Preparation preparation, List<RunRecord> runs) {

        public Project project() {
            return new Project(spec, mirrored, data, history, weights == null ? null : weights.build(), preparation, runs);
        }
    }

    private final DesignModel design;
    private final DataModel data;
    private final TrainingSession training;
    private final RunsModel runs;
    private final Jobs jobs;
    private final RecentProjects recent;
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>();
    private final SimpleObjectProperty<ModelSpec> savedSpec = new SimpleObjectProperty<>();
    private final SimpleIntegerProperty savedEpochs = new SimpleIntegerProperty();
    private final SimpleIntegerProperty savedRuns = new SimpleIntegerProperty();
    /** Set when an autosave was recovered: its work was never saved, whatever the design is. */
    private final SimpleBooleanProperty recoveredUnsaved = new SimpleBooleanProperty();
    private final BooleanBinding dirty;
    private final ObservableList<Path> recentFiles = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");

    public ProjectModel(DesignModel design, DataModel data, TrainingSession training, RunsModel runs, Jobs jobs,
                        RecentProjects recent) {
        this.design = design;
        this.data = data;
        this.training = training;
        this.runs = runs;
        this.jobs = jobs;
        this.recent = recent;
        savedSpec.set(design.spec());
        dirty = Bindings.createBooleanBinding(() -> recoveredUnsaved.get() || !design.spec().equals(savedSpec.get())
                        || training.epochsTrainedProperty().get() != savedEpochs.get()
                        || runs.revisionProperty().get() != savedRuns.get(),
                design.stateProperty(), savedSpec, training.epochsTrainedProperty(), savedEpochs, recoveredUnsaved,
                runs.revisionProperty(), savedRuns);
        recentFiles.setAll(recent.list());
    }

    // ---- read side ----

    /** Where Save writes, or null for an untitled project. */
    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    public Path file() {
        return file.get();
    }

    public BooleanBinding dirtyProperty() {
        return dirty;
    }

    public boolean dirty() {
        return dirty.get();
    }

    /** Recently opened or saved projects, newest first. */
    public ObservableList<Path> recentFiles() {
        return FXCollections.unmodifiableObservableList(recentFiles);
    }

    /** "Opening x.aewb…" while a project is read, or empty. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The project as it is now, for saving in the background. */
    public Frozen freeze() {
        TrainingHistory history = training.history();
        PreparedData d = data.current();
        ModelSnapshot weights = training.snapshot();
        PreparedData trainedOn = training.trainedOn();
        return new Frozen(design.spec(), design.mirrored(), d == null ? null : d.reference(), history,
                history.epochs().isEmpty() ? null : weights, trainedOn == null ? null : trainedOn.preparation(), runs.list());
    }

    // ---- commands ----

    /** Starts an untitled project with {@code spec}, no history and no weights. */
    public void newProject(ModelSpec spec) {
        file.set(null);
        design.reset(spec);
        training.reset(spec);
        runs.restore(List.of());
        markSaved();
    }

    /**
     * Reads a project and its data in the background, then installs its design, data and weights;
     * Save then writes to {@code path}. A model file ({@code .aem}, {@link ModelFileProject}) opens
     * as unsaved untitled work.
     *
     * @param failed runs on the FX thread with a message naming the file; nothing was changed
     * @return the job, which the user may cancel (nothing changes then either); null when refused
     *         because a run is going
     */
    public Task<Opened> open(Path path, Consumer<String> failed) {
        if (ModelFileProject.isModelFile(path)) {
            // A model file opens as untitled work: Save writes a project, not over the model file.
            return open("Opening " + path.getFileName() + "\u2026", () -> ModelFileProject.load(path), null, true, () -> {
            }, failed);
        }
        return open("Opening " + path.getFileName() + "\u2026", () -> ProjectFile.load(path), path, false, () -> {
            recent.add(path);
            recentFiles.setAll(recent.list());
        }, failed);
    }

    /**
     * Reads recovered work in the background and installs it as unsaved work that saves to
     * {@code fileAfter} (its original file, or null).
     */
    public Task<Opened> recover(Callable<Project> read, Path fileAfter, Runnable done, Consumer<String> failed) {
        return open("Recovering the autosave\u2026", read, fileAfter, true, done, failed);
    }

    private Task<Opened> open(String what, Callable<Project> read, Path fileAfter, boolean unsaved, Runnable done,
                              Consumer<String> failed) {
        if (training.state() != TrainingSession.State.IDLE) {
            failed.accept("a project cannot be opened while the model trains; stop the run first");
            return null;
        }
        status.set(what);
        return jobs.run(what.replace("\u2026", ""), () -> {
            Project p = read.call();
            return new Opened(p, DataModel.prepare(p.data(), PreparationKey.of(p.spec())));
        }, opened -> {
            status.set("");
            if (training.state() != TrainingSession.State.IDLE) {
                failed.accept("a run was started while the project was read, so it was not opened; stop the run and open it again");
                return;
            }
            install(opened);
            file.set(fileAfter);
            markSaved();
            recoveredUnsaved.set(unsaved);
            done.run();
        }, msg -> {
            status.set("");
            failed.accept(msg);
        }, () -> status.set(""));
    }

    private void install(Opened opened) {
        Project p = opened.project();
        data.set(opened.data());
        design.reset(p.spec());
        if (p.mirrored() != design.mirrored()) {
            design.setMirrored(p.mirrored());
        }
        if (p.model() != null) {
            training.restore(p.model(), opened.data(), p.history());
        } else {
            training.reset(p.spec());
        }
        runs.restore(p.runs());
    }

    /**
     * Saves in the background (the weights saved are the newest frozen copy); once written, the
     * project is saved work in {@code path}.
     *
     * @param failed runs on the FX thread with a message; the previous file, if any, is unchanged
     */
    public void saveTo(Path path, Consumer<String> failed) {
        Frozen frozen = freeze();
        if (frozen.data() == null) {
            failed.accept(path + ": there is no data loaded yet; wait for it before saving");
            return;
        }
        Background.run("save project", () -> {
            ProjectFile.save(path, frozen.project());
            return path;
        }, saved -> {
            file.set(saved);
            savedSpec.set(frozen.spec());
            savedEpochs.set(frozen.history().epochs().size());
            // Runs recorded or renamed while the file was written keep the project unsaved.
            if (runs.list().equals(frozen.runs())) {
                savedRuns.set(runs.revisionProperty().get());
            }
            recoveredUnsaved.set(false);
            recent.add(saved);
            recentFiles.setAll(recent.list());
        }, msg -> failed.accept(path + ": " + msg + ". The previous file, if any, is unchanged."));
    }

    private void markSaved() {
        savedSpec.set(design.spec());
        savedEpochs.set(training.epochsTrainedProperty().get());
        savedRuns.set(runs.revisionProperty().get());
        recoveredUnsaved.set(false);
    }
}
