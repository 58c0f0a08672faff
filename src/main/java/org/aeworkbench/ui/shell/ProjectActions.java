package org.aeworkbench.ui.shell;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.aeworkbench.engine.io.ModelFile;
import org.aeworkbench.ui.dataset.DataReference;
import org.aeworkbench.ui.training.ModelSnapshot;
import org.aeworkbench.engine.model.ModelSpec;
import org.aeworkbench.ui.WorkbenchModel;
import org.aeworkbench.ui.common.Background;
import org.aeworkbench.ui.project.CodesCsv;
import org.aeworkbench.ui.project.Project;
import org.aeworkbench.ui.project.ProjectFile;
import org.aeworkbench.ui.project.RecentProjects;
import org.aeworkbench.ui.training.TrainingUpdate.EpochPoint;

/**
 * New, open, save, recent projects and exports, with a warning before unsaved work is
 * discarded. A project is "unsaved" when its design or its trained epochs differ from what was
 * last saved or opened.
 */
public final class ProjectActions {

    private final WorkbenchModel wb;
    private final Stage stage;
    private final RecentProjects recent;
    private final ObjectProperty<Path> file = new SimpleObjectProperty<>();
    private final ObjectProperty<ModelSpec> savedSpec = new SimpleObjectProperty<>();
    private final ObjectProperty<Integer> savedEpochs = new SimpleObjectProperty<>(0);
    /** Set when an autosave was recovered: its work was never saved, whatever the design is. */
    private final BooleanProperty recoveredUnsaved = new SimpleBooleanProperty();
    private final BooleanBinding dirty;
    private final Menu recentMenu = new Menu("Open recent");

    ProjectActions(WorkbenchModel wb, Stage stage) {
        this(wb, stage, RecentProjects.forUser());
    }

    ProjectActions(WorkbenchModel wb, Stage stage, RecentProjects recent) {
        this.wb = wb;
        this.stage = stage;
        this.recent = recent;
        savedSpec.set(wb.design().spec());
        dirty = Bindings.createBooleanBinding(() -> recoveredUnsaved.get() || !wb.design().spec().equals(savedSpec.get())
                        || wb.training().epochsTrainedProperty().get() != savedEpochs.get(),
                wb.design().stateProperty(), savedSpec, wb.training().epochsTrainedProperty(), savedEpochs, recoveredUnsaved);
        if (stage != null) {
            stage.titleProperty().bind(Bindings.createStringBinding(() -> "AE Workbench \u2014 "
                    + (file.get() == null ? "untitled" : file.get().getFileName()) + (dirty.get() ? " *" : ""), file, dirty));
            stage.setOnCloseRequest(e -> {
                if (!confirmDiscard()) {
                    e.consume();
                }
            });
        }
        refreshRecent();
    }

    public BooleanBinding dirtyProperty() {
        return dirty;
    }

    public ObjectProperty<Path> fileProperty() {
        return file;
    }

    Menu recentMenu() {
        return recentMenu;
    }

    Menu exportMenu() {
        Menu export = new Menu("Export");
        MenuItem codes = new MenuItem("Codes as CSV\u2026");
        codes.setOnAction(e -> exportCodes());
        MenuItem model = new MenuItem("Model file (.aem)\u2026");
        model.setOnAction(e -> exportModel());
        export.getItems().addAll(codes, model);
        return export;
    }

    void newProject() {
        if (!confirmDiscard()) {
            return;
        }
        file.set(null);
        wb.design().reset(org.aeworkbench.engine.model.Presets.get(WorkbenchModel.DEFAULT_PRESET, wb.design().inputShape()));
        wb.reset();
        markSaved();
    }

    void open() {
        if (!confirmDiscard()) {
            return;
        }
        FileChooser chooser = chooser("Open project");
        File f = chooser.showOpenDialog(stage);
        if (f != null) {
            openFile(f.toPath());
        }
    }

    /** Reads a project in the background, then installs its design, data and weights. */
    public void openFile(Path path) {
        open("Opening " + path.getFileName() + "\u2026", () -> ProjectFile.load(path), path, false, () -> {
            recent.add(path);
            refreshRecent();
        }, msg -> error("Could not open the project", msg));
    }

    /**
     * Reads a project and its data in the background, then installs its design, data and weights.
     *
     * @param fileAfter where Save will write it afterwards (null: untitled)
     * @param unsaved   whether it stays unsaved work (a recovered autosave) rather than matching its file
     * @param done      runs on the FX thread once installed
     * @param failed    runs on the FX thread with a message; nothing was changed
     *                  (nor when the user cancels it)
     * @return the job, which the user may cancel
     */
    javafx.concurrent.Task<Object[]> open(String status, Callable<Project> read, Path fileAfter, boolean unsaved, Runnable done,
                                        Consumer<String> failed) {
        wb.dataStatusProperty().set(status);
        return wb.jobs().run(status.replace("\u2026", ""), () -> {
            Project p = read.call();
            return new Object[] {p, org.aeworkbench.ui.dataset.DataModel.prepare(p.data())};
        }, result -> {
            Project p = (Project) result[0];
            var data = (org.aeworkbench.ui.dataset.PreparedData) result[1];
            wb.dataStatusProperty().set("");
            wb.data().set(data);
            wb.design().reset(p.spec());
            if (p.mirrored() != wb.design().mirrored()) {
                wb.design().setMirrored(p.mirrored());
            }
            if (p.model() != null) {
                wb.training().restore(p.model(), data, p.history());
            } else {
                wb.training().reset(p.spec());
            }
            file.set(fileAfter);
            markSaved();
            recoveredUnsaved.set(unsaved);
            done.run();
        }, msg -> {
            wb.dataStatusProperty().set("");
            failed.accept(msg);
        }, () -> wb.dataStatusProperty().set(""));
    }

    void save() {
        if (file.get() == null) {
            saveAs();
        } else {
            saveTo(file.get());
        }
    }

    void saveAs() {
        FileChooser chooser = chooser("Save project");
        chooser.setInitialFileName(wb.design().spec().name() + "." + ProjectFile.EXTENSION);
        File f = chooser.showSaveDialog(stage);
        if (f != null) {
            Path p = f.toPath();
            if (!p.getFileName().toString().endsWith("." + ProjectFile.EXTENSION)) {
                p = p.resolveSibling(p.getFileName() + "." + ProjectFile.EXTENSION);
            }
            saveTo(p);
        }
    }

    /** Saves in the background; the weights saved are the newest frozen copy. */
    public void saveTo(Path path) {
        Frozen frozen = freeze();
        Background.run("save project", () -> {
            ProjectFile.save(path, frozen.project());
            return path;
        }, saved -> {
            file.set(saved);
            savedSpec.set(frozen.spec());
            savedEpochs.set(frozen.history().size());
            recoveredUnsaved.set(false);
            recent.add(saved);
            refreshRecent();
            wb.dataStatusProperty().set("");
        }, msg -> error("Could not save the project", path + ": " + msg + ". The previous file, if any, is unchanged."));
    }

    /**
     * The project as it is now, cheap to take on the FX thread: the design, the data reference,
     * the history and the newest frozen copy of the weights, which {@link #project()} turns into
     * a model on a background thread.
     */
    record Frozen(ModelSpec spec, boolean mirrored, DataReference data, List<EpochPoint> history, ModelSnapshot weights) {

        Project project() {
            return new Project(spec, mirrored, data, history, weights == null ? null : weights.build());
        }
    }

    Frozen freeze() {
        var history = wb.training().history();
        var data = wb.data().current();
        return new Frozen(wb.design().spec(), wb.design().mirrored(),
                data == null ? DataReference.of(WorkbenchModel.DEFAULT_DATA) : data.reference(), history,
                history.isEmpty() ? null : wb.training().snapshot());
    }

    /** Asks before discarding unsaved work; true when it is fine to go on. */
    boolean confirmDiscard() {
        if (!dirty.get() || stage == null) {
            return true;
        }
        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Discard", ButtonBar.ButtonData.NO);
        Alert alert = new Alert(Alert.AlertType.WARNING, "The design or the trained model has changes that are not saved.",
                save, discard, ButtonType.CANCEL);
        alert.setHeaderText("Save your work first?");
        alert.getDialogPane().lookupButton(save).setId("save-changes");
        alert.getDialogPane().lookupButton(discard).setId("discard-changes");
        alert.getDialogPane().lookupButton(ButtonType.CANCEL).setId("keep-editing");
        alert.initOwner(stage);
        Optional<ButtonType> answer = alert.showAndWait();
        if (answer.isEmpty() || answer.get() == ButtonType.CANCEL) {
            return false;
        }
        if (answer.get() == save) {
            save();
            return false; // the save runs in the background; the user repeats the action afterwards
        }
        return true;
    }

    private void markSaved() {
        savedSpec.set(wb.design().spec());
        savedEpochs.set(wb.training().epochsTrainedProperty().get());
        recoveredUnsaved.set(false);
    }

    private void refreshRecent() {
        recentMenu.getItems().clear();
        for (Path p : recent.list()) {
            MenuItem mi = new MenuItem(p.getFileName() + "  (" + p.getParent() + ")");
            mi.setMnemonicParsing(false);
            mi.setOnAction(e -> {
                if (confirmDiscard()) {
                    openFile(p);
                }
            });
            recentMenu.getItems().add(mi);
        }
        recentMenu.setDisable(recentMenu.getItems().isEmpty());
    }

    private void exportCodes() {
        ModelSnapshot model = wb.training().snapshot();
        var data = wb.data().current();
        if (model == null || data == null) {
            error("Nothing to export", "Train a model first: the codes come from its encoder.");
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export codes");
        chooser.setInitialFileName(model.spec().name() + "-codes.csv");
        File f = chooser.showSaveDialog(stage);
        if (f != null) {
            // Cancelled, the export leaves the file as it was: nothing to tell.
            wb.jobs().run("Exporting codes to " + f.getName(), () -> {
                CodesCsv.write(f.toPath(), model.build(), data.all());
                return f;
            }, done -> wb.dataStatusProperty().set(""), msg -> error("Could not export the codes", f + ": " + msg), null);
        }
    }

    private void exportModel() {
        ModelSnapshot model = wb.training().snapshot();
        if (model == null) {
            error("Nothing to export", "Train a model first.");
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export model");
        chooser.setInitialFileName(model.spec().name() + ".aem");
        File f = chooser.showSaveDialog(stage);
        if (f != null) {
            wb.jobs().run("Exporting the model to " + f.getName(), () -> {
                ModelFile.save(f.toPath(), model.build(), null);
                return f;
            }, done -> { }, msg -> error("Could not export the model", f + ": " + msg), null);
        }
    }

    private FileChooser chooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("AE Workbench project", "*." + ProjectFile.EXTENSION));
        if (file.get() != null && file.get().getParent() != null) {
            chooser.setInitialDirectory(file.get().getParent().toFile());
        }
        return chooser;
    }

    private void error(String header, String text) {
        if (stage == null) {
            wb.dataStatusProperty().set(header + ": " + text);
            return;
        }
        org.aeworkbench.ui.common.ErrorDialog.show(stage, header, text, null);
    }
}
