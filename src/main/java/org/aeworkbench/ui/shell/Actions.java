package org.aeworkbench.ui.shell;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.aeworkbench.engine.model.Presets;
import org.aeworkbench.engine.model.TiedWeightsSpec;
import org.aeworkbench.ui.common.FileDialogs;
import org.aeworkbench.ui.common.Icons;
import org.aeworkbench.ui.dataset.DataReference;
import org.aeworkbench.ui.design.DesignModel;
import org.aeworkbench.ui.training.TrainingSession.State;
import org.aeworkbench.ui.training.TrainingSession;
import org.aeworkbench.ui.workbench.WorkbenchModel;

/**
 * The menu bar and the toolbar. Each action exists once, with its shortcut from
 * {@link Shortcuts}, and both bars enable it from the same bindings.
 */
final class Actions {

    private final WorkbenchModel wb;
    private final Stage stage;
    private final TabPane tabs;
    private final ProjectMenu project;
    private final BooleanBinding running;
    private final BooleanBinding trainDisabled;
    private final MainWindow window;

    Actions(WorkbenchModel wb, Stage stage, TabPane tabs, MainWindow window, ProjectMenu project) {
        this.wb = wb;
        this.window = window;
        this.stage = stage;
        this.tabs = tabs;
        this.project = project;
        TrainingSession t = wb.training();
        running = Bindings.createBooleanBinding(() -> t.state() != State.IDLE, t.stateProperty());
        trainDisabled = Bindings.createBooleanBinding(() -> t.state() != State.IDLE || !wb.trainBlockedProperty().get().isEmpty(),
                t.stateProperty(), wb.trainBlockedProperty());
    }

    /**
     * Trains from wherever the focus is. A value half typed into a spinner or text field is
     * committed first (they commit when they lose the focus), so the run uses what the user sees;
     * and the focus does not stay in the field, whose blinking caret keeps JavaFX pulsing 60 times
     * a second for the whole run (measured: 62 pulses a second instead of 4).
     */
    private void train() {
        if (stage.getScene() != null && isTextEntry(stage.getScene().getFocusOwner())) {
            window.designer().requestFocus();
        }
        wb.train();
    }

    private static boolean isTextEntry(Node n) {
        return n instanceof javafx.scene.control.TextInputControl
                || n instanceof javafx.scene.control.Spinner<?> s && s.isEditable()
                || n instanceof javafx.scene.control.ComboBoxBase<?> c && c.isEditable();
    }

    MenuBar menuBar() {
        DesignModel d = wb.design();
        Menu file = new Menu("_File");
        MenuItem newDesign = item(Shortcuts.NEW, project::newProject);
        MenuItem open = item(Shortcuts.OPEN, project::open);
        Menu recent = project.recentMenu();
        MenuItem save = item(Shortcuts.SAVE, project::save);
        MenuItem saveAs = item(Shortcuts.SAVE_AS, project::saveAs);
        MenuItem openData = new MenuItem("Open data file\u2026");
        openData.setId("open-data-file");
        openData.setOnAction(e -> openDataFile());
        // A project or other data replaces the model being trained: stop the run first.
        for (MenuItem mi : new MenuItem[] {newDesign, open, openData}) {
            mi.disableProperty().bind(running);
        }
        recent.disableProperty().bind(running.or(Bindings.isEmpty(recent.getItems())));
        Menu export = project.exportMenu();
        MenuItem exportReport = new MenuItem("Export report\u2026");
        exportReport.setId("export-report");
        exportReport.setOnAction(e -> window.report().export());
        MenuItem openLesson = new MenuItem("Open lesson\u2026");
        openLesson.setId("open-lesson");
        openLesson.setOnAction(e -> window.lessons().open());
        MenuItem quit = item(Shortcuts.QUIT, () -> stage.fireEvent(new javafx.stage.WindowEvent(stage,
                javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST)));
        file.getItems().addAll(newDesign, open, recent, new SeparatorMenuItem(), save, saveAs, new SeparatorMenuItem(),
                openData, openLesson, export, exportReport, new SeparatorMenuItem(), quit);

        Menu edit = new Menu("_Edit");
        MenuItem undo = item(Shortcuts.UNDO, d::undo);
        undo.textProperty().bind(d.undoTextProperty());
        undo.disableProperty().bind(d.canUndoProperty().not());
        MenuItem redo = item(Shortcuts.REDO, d::redo);
        redo.textProperty().bind(d.redoTextProperty());
        redo.disableProperty().bind(d.canRedoProperty().not());
        MenuItem delete = new MenuItem(Shortcuts.DELETE.action());
        delete.setOnAction(e -> d.removeSelected());
        delete.disableProperty().bind(d.selectionProperty().isNull());
        edit.getItems().addAll(undo, redo, new SeparatorMenuItem(), delete);

        Menu model = new Menu("_Model");
        Menu presets = new Menu("Presets");
        presets.setId("presets-menu");
        for (Presets.Preset p : Presets.all()) {
            MenuItem mi = new MenuItem(p.title());
            mi.setId("preset-" + p.name());
            mi.setOnAction(e -> wb.applyPreset(p.name()));
            presets.getItems().add(mi);
        }
        CheckMenuItem mirror = new CheckMenuItem(Shortcuts.MIRROR.action());
        mirror.setAccelerator(Shortcuts.MIRROR.keys());
        mirror.setOnAction(e -> d.setMirrored(mirror.isSelected()));
        d.stateProperty().addListener((obs, old, now) -> mirror.setSelected(now.mirrored()));
        mirror.setSelected(d.mirrored());
        CheckMenuItem tie = new CheckMenuItem("Tie weights");
        tie.setOnAction(e -> d.setTiedWeights(tie.isSelected()));
        d.stateProperty().addListener((obs, old, now) -> tie.setSelected(now.spec().has(TiedWeightsSpec.class)));
        tie.setSelected(d.spec().has(TiedWeightsSpec.class));
        model.getItems().addAll(presets, new SeparatorMenuItem(), mirror, tie);

        Menu train = new Menu("_Train");
        MenuItem trainItem = item(Shortcuts.TRAIN, this::train);
        trainItem.disableProperty().bind(trainDisabled);
        MenuItem pause = item(Shortcuts.PAUSE, wb::togglePause);
        pause.disableProperty().bind(running.not());
        MenuItem stop = item(Shortcuts.STOP, wb::stop);
        stop.disableProperty().bind(running.not());
        MenuItem reset = item(Shortcuts.RESET, wb::reset);
        train.getItems().addAll(trainItem, pause, stop, reset);

        Menu view = new Menu("_View");
        MenuItem theme = item(Shortcuts.THEME, wb::toggleTheme);
        CheckMenuItem presentation = new CheckMenuItem(Shortcuts.PRESENTATION.action());
        presentation.setId("presentation-mode");
        presentation.setAccelerator(Shortcuts.PRESENTATION.keys());
        presentation.setOnAction(e -> wb.setPresentation(presentation.isSelected()));
        wb.presentationProperty().addListener((obs, was, on) -> presentation.setSelected(on));
        view.getItems().addAll(theme, presentation);
        view.getItems().add(new SeparatorMenuItem());
        for (int i = 0; i < CentreTabs.ALL.size(); i++) {
            int index = i;
            view.getItems().add(item(Shortcuts.tab(i, CentreTabs.ALL.get(i).title()), () -> tabs.getSelectionModel().select(index)));
        }

        Menu help = new Menu("_Help");
        MenuItem keys = item(Shortcuts.HELP, () -> ShortcutsDialog.show(stage, CentreTabs.ALL.stream()
                .map(CentreTabs.Registration::title).toList()));
        keys.setId("help-shortcuts");
        MenuItem about = new MenuItem("About AE Workbench");
        about.setOnAction(e -> ShortcutsDialog.about(stage));
        MenuItem lessons = new MenuItem("Lessons");
        lessons.setId("help-lessons");
        lessons.setOnAction(e -> window.lessons().show());
        help.getItems().addAll(lessons, new SeparatorMenuItem(), keys, about);

        MenuBar bar = new MenuBar(file, edit, model, train, view, help);
        bar.setId("menu-bar");
        return bar;
    }

    ToolBar toolBar() {
        DesignModel d = wb.design();
        TrainingSession t = wb.training();
        Button train = button("Train", Icons.play(), "train-button", this::train);
        train.getStyleClass().addAll("accent", "train-button");
        train.disableProperty().bind(trainDisabled);
        // A disabled button shows no tooltip, so the reason hangs on a wrapper that stays enabled.
        StackPane trainWrap = new StackPane(train);
        trainWrap.setId("train-wrap");
        Tooltip why = new Tooltip();
        why.textProperty().bind(Bindings.createStringBinding(() -> {
            String blocked = wb.trainBlockedProperty().get();
            return blocked.isEmpty() ? "Train the design on the data (" + Shortcuts.TRAIN.display() + ")" : blocked;
        }, wb.trainBlockedProperty()));
        why.setShowDelay(javafx.util.Duration.millis(200));
        why.setWrapText(true);
        why.setMaxWidth(520);
        Tooltip.install(trainWrap, why);

        // One icon of each kind, swapped: a new icon at every change of state had to be styled and laid out.
        Node pauseIcon = Icons.pause();
        Node resumeIcon = Icons.play();
        Button pause = button("Pause", pauseIcon, "pause-button", wb::togglePause);
        pause.textProperty().bind(Bindings.createStringBinding(() -> t.state() == State.PAUSED ? "Resume" : "Pause",
                t.stateProperty()));
        pause.graphicProperty().bind(Bindings.createObjectBinding(() -> t.state() == State.PAUSED ? resumeIcon : pauseIcon,
                t.stateProperty()));
        pause.disableProperty().bind(Bindings.createBooleanBinding(
                () -> t.state() != State.RUNNING && t.state() != State.PAUSED, t.stateProperty()));
        Button stop = button("Stop", Icons.stop(), "stop-button", wb::stop);
        stop.disableProperty().bind(pause.disableProperty());
        Button reset = button("Reset", Icons.reset(), "reset-button", wb::reset);
        reset.setTooltip(new Tooltip("New weights drawn with the seed; clears the curves (" + Shortcuts.RESET.display() + ")"));

        Label dataLabel = new Label("Data");
        ComboBox<String> dataset = new ComboBox<>();
        dataset.setId("dataset-chooser");
        dataset.getStyleClass().add("dataset-chooser");
        dataset.getItems().setAll(org.aeworkbench.ui.dataset.DataModel.bundledNames());
        dataset.setEditable(false);
        dataset.setValue(WorkbenchModel.DEFAULT_DATA);
        dataset.setTooltip(new Tooltip("The data set to train on; File > Open data file for your own"));
        dataset.disableProperty().bind(running);
        dataset.setOnAction(e -> {
            String v = dataset.getValue();
            if (v != null && (wb.data().current() == null || !v.equals(wb.data().current().reference().source()))) {
                wb.loadData(DataReference.of(v));
            }
        });
        wb.data().currentProperty().addListener((obs, old, now) -> {
            if (now != null) {
                String src = now.reference().source();
                if (!dataset.getItems().contains(src)) {
                    dataset.getItems().add(src);
                }
                dataset.setValue(src);
            }
        });

        MenuButton presets = new MenuButton("Presets");
        presets.setId("presets-button");
        for (Presets.Preset p : Presets.all()) {
            Label title = new Label(p.title());
            title.setTooltip(new Tooltip(p.description()));
            javafx.scene.control.CustomMenuItem mi = new javafx.scene.control.CustomMenuItem(title);
            mi.setOnAction(e -> wb.applyPreset(p.name()));
            presets.getItems().add(mi);
        }
        presets.disableProperty().bind(running);

        Button undo = button(null, Icons.undo(), "undo-button", d::undo);
        undo.disableProperty().bind(d.canUndoProperty().not());
        undo.setTooltip(tooltipBound(d.undoTextProperty(), Shortcuts.UNDO));
        Button redo = button(null, Icons.redo(), "redo-button", d::redo);
        redo.disableProperty().bind(d.canRedoProperty().not());
        redo.setTooltip(tooltipBound(d.redoTextProperty(), Shortcuts.REDO));

        Button theme = button(null, Icons.moon(), "theme-button", wb::toggleTheme);
        theme.setTooltip(new Tooltip("Light / dark theme (" + Shortcuts.THEME.display() + ")"));

        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox dataBox = new HBox(6, dataLabel, dataset);
        dataBox.setAlignment(Pos.CENTER_LEFT);
        ToolBar bar = new ToolBar(trainWrap, pause, stop, reset, new javafx.scene.control.Separator(), dataBox, presets,
                new javafx.scene.control.Separator(), undo, redo, gap, theme);
        bar.setId("tool-bar");
        return bar;
    }

    private void openDataFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open data (CSV, TSV, IDX, NPY)");
        java.io.File f = FileDialogs.current().showOpen(chooser, stage);
        if (f != null) {
            wb.loadData(DataReference.of(f.getPath()));
        }
    }

    private static Tooltip tooltipBound(javafx.beans.value.ObservableStringValue text, Shortcuts.Shortcut s) {
        Tooltip t = new Tooltip();
        t.textProperty().bind(Bindings.concat(text, " (", s.display(), ")"));
        return t;
    }

    private static Button button(String text, Node icon, String id, Runnable action) {
        Button b = new Button(text, icon);
        b.setId(id);
        b.setOnAction(e -> action.run());
        b.setFocusTraversable(false);
        return b;
    }

    private static MenuItem item(Shortcuts.Shortcut s, Runnable action) {
        MenuItem mi = new MenuItem(s.action());
        mi.setAccelerator(s.keys());
        mi.setOnAction(e -> action.run());
        return mi;
    }
}
