package org.aeworkbench.ui.shell;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.aeworkbench.engine.io.ModelFile;
import org.aeworkbench.ui.common.ErrorDialog;
import org.aeworkbench.ui.common.FileDialogs;
import org.aeworkbench.ui.project.CodesCsv;
import org.aeworkbench.ui.project.ProjectFile;
import org.aeworkbench.ui.project.ProjectModel;
import org.aeworkbench.ui.run.ModelSnapshot;
import org.aeworkbench.ui.workbench.WorkbenchModel;

/**
 * The File menu's project side: the questions and file dialogs around the {@link ProjectModel}'s
 * commands (a warning before unsaved work is discarded, where to save), the recent-files menu,
 * the exports, and the window title naming the file.
 */
final class ProjectMenu {

    private final WorkbenchModel wb;
    private final ProjectModel project;
    private final Stage stage;
    private final Menu recentMenu = new Menu("Open recent");

    ProjectMenu(WorkbenchModel wb, Stage stage) {
        this.wb = wb;
        this.project = wb.project();
        this.stage = stage;
        stage.titleProperty().bind(Bindings.createStringBinding(() -> "AE Workbench \u2014 "
                + (project.file() == null ? "untitled" : project.file().getFileName()) + (project.dirty() ? " *" : ""),
                project.fileProperty(), project.dirtyProperty()));
        stage.setOnCloseRequest(e -> {
            if (!confirmDiscard()) {
                e.consume();
            }
        });
        project.recentFiles().addListener((ListChangeListener<Path>) c -> refreshRecent());
        refreshRecent();
    }

    Menu recentMenu() {
        return recentMenu;
    }

    Menu exportMenu() {
        Menu export = new Menu("Export");
        MenuItem codes = new MenuItem("Codes as CSV\u2026");
        codes.setOnAction(e -> exportCodes());
        MenuItem model = new MenuItem("Model file (.aem, for the Java API)\u2026");
        model.setId("export-model-file");
        model.setOnAction(e -> exportModel());
        export.getItems().addAll(new ModelExports(wb, stage).items());
        export.getItems().addAll(new javafx.scene.control.SeparatorMenuItem(), model, codes);
        return export;
    }

    void newProject() {
        if (confirmDiscard()) {
            wb.newProject();
        }
    }

    void open() {
        if (!confirmDiscard()) {
            return;
        }
        FileChooser chooser = chooser("Open project");
        chooser.getExtensionFilters().add(0, new FileChooser.ExtensionFilter("AE Workbench project or model",
                "*." + ProjectFile.EXTENSION, "*." + org.aeworkbench.ui.project.ModelFileProject.EXTENSION));
        File f = FileDialogs.current().showOpen(chooser, stage);
        if (f != null) {
            openFile(f.toPath());
        }
    }

    void openFile(Path path) {
        project.open(path, msg -> error("Could not open the project", msg));
    }

    void save() {
        if (project.file() == null) {
            saveAs();
        } else {
            saveTo(project.file());
        }
    }

    void saveAs() {
        FileChooser chooser = chooser("Save project");
        chooser.setInitialFileName(wb.design().spec().name() + "." + ProjectFile.EXTENSION);
        File f = FileDialogs.current().showSave(chooser, stage);
        if (f != null) {
            Path p = f.toPath();
            if (!p.getFileName().toString().endsWith("." + ProjectFile.EXTENSION)) {
                p = p.resolveSibling(p.getFileName() + "." + ProjectFile.EXTENSION);
            }
            saveTo(p);
        }
    }

    void saveTo(Path path) {
        project.saveTo(path, msg -> error("Could not save the project", msg));
    }

    /** Asks before discarding unsaved work; true when it is fine to go on. */
    boolean confirmDiscard() {
        if (!project.dirty()) {
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

    private void refreshRecent() {
        recentMenu.getItems().clear();
        for (Path p : project.recentFiles()) {
            MenuItem mi = new MenuItem(p.getFileName() + "  (" + p.getParent() + ")");
            mi.setMnemonicParsing(false);
            mi.setOnAction(e -> {
                if (confirmDiscard()) {
                    openFile(p);
                }
            });
            recentMenu.getItems().add(mi);
        }
    }

    private void exportCodes() {
        ModelSnapshot model = wb.training().snapshot();
        var data = wb.training().model() == null ? null : wb.training().model().data();
        if (model == null || data == null) {
            error("Nothing to export", "Train a model first: the codes come from its encoder.");
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export codes");
        chooser.setInitialFileName(model.spec().name() + "-codes.csv");
        File f = FileDialogs.current().showSave(chooser, stage);
        if (f != null) {
            // Cancelled, the export leaves the file as it was: nothing to tell.
            wb.jobs().run("Exporting codes to " + f.getName(), () -> {
                CodesCsv.write(f.toPath(), model.build(), data.all());
                return f;
            }, done -> { }, msg -> error("Could not export the codes", f + ": " + msg), null);
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
        File f = FileDialogs.current().showSave(chooser, stage);
        // The preparation of the data the weights were trained on, so the CLI applies it to new data.
        var trainedOn = wb.training().trainedOn();
        var preparation = trainedOn == null ? null : trainedOn.preparation().toJson();
        if (f != null) {
            wb.jobs().run("Exporting the model to " + f.getName(), () -> {
                ModelFile.save(f.toPath(), model.build(), null, preparation);
                return f;
            }, done -> { }, msg -> error("Could not export the model", f + ": " + msg), null);
        }
    }

    private FileChooser chooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("AE Workbench project", "*." + ProjectFile.EXTENSION));
        Path file = project.file();
        if (file != null && file.getParent() != null) {
            chooser.setInitialDirectory(file.getParent().toFile());
        }
        return chooser;
    }

    private void error(String header, String text) {
        ErrorDialog.show(stage, header, text, null);
    }
}
