package org.aeworkbench.ui.shell;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Orientation;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.aeworkbench.ui.common.ChartStyle;
import org.aeworkbench.ui.common.FxFrames;
import org.aeworkbench.ui.common.PresentationStyle;
import org.aeworkbench.ui.common.TabView;
import org.aeworkbench.ui.common.Theme;
import org.aeworkbench.ui.design.DesignerView;
import org.aeworkbench.ui.design.LayerDrag;
import org.aeworkbench.ui.design.ObjectiveView;
import org.aeworkbench.ui.design.PaletteView;
import org.aeworkbench.ui.design.SpecSheet;
import org.aeworkbench.ui.workbench.WorkbenchModel;

/**
 * The main window's layout: menus and toolbar on top; palette and designer on the left; the
 * {@link CentreTabs} in the centre; the variant and loss choosers and the property sheet on the
 * right; the status bar at the bottom. A transparent overlay above everything carries the drag ghost.
 */
public final class MainWindow {

    /** Narrowest and lowest window in which every control and text fits (checked by the UI tests). */
    public static final double MIN_WIDTH = 1100;
    public static final double MIN_HEIGHT = 700;

    private final WorkbenchModel wb;
    private final StackPane root;
    private final TabPane tabs = new TabPane();
    private final List<TabView> views = new ArrayList<>();
    private final DesignerView designer;
    private final ProjectMenu project;
    private final LessonsMenu lessons;
    private final ReportMenu report;
    private final Stage stage;
    /** Esc left full screen: leave presentation mode too. */
    private final javafx.beans.value.ChangeListener<Boolean> leftFullScreen;

    public MainWindow(WorkbenchModel wb, Stage stage) {
        this.wb = wb;
        this.stage = stage;
        Pane overlay = new Pane();
        LayerDrag drag = new LayerDrag(overlay);

        PaletteView palette = new PaletteView(wb.design(), drag);
        designer = new DesignerView(wb.design(), drag);
        VBox left = new VBox(palette, designer);
        VBox.setVgrow(designer, Priority.ALWAYS);
        left.getStyleClass().addAll("side-pane", "left-pane");
        left.setMinWidth(280);

        ObjectiveView objective = new ObjectiveView(wb.design());
        SpecSheet sheet = new SpecSheet(wb.design());
        sheet.setDataItems(new DataItems(wb)::items);
        wb.data().currentProperty().addListener((obs, old, now) -> sheet.update());
        wb.data().statusProperty().addListener((obs, old, now) -> sheet.update());
        // The right pane keeps the width the divider gives it; its contents wrap rather than widen it.
        objective.setMinWidth(0);
        sheet.setMinWidth(0);
        VBox right = new VBox(objective, sheet);
        VBox.setVgrow(sheet, Priority.ALWAYS);
        right.getStyleClass().addAll("side-pane", "right-pane");
        right.setMinWidth(250);

        tabs.setId("tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        for (CentreTabs.Registration r : CentreTabs.ALL) {
            CentreTabs.Built built = r.build().apply(wb);
            views.add(built.view());
            VBox content = new VBox(outOfDateNote(), built.node());
            VBox.setVgrow(built.node(), Priority.ALWAYS);
            Tab t = new Tab(r.title(), content);
            t.setId(r.id());
            built.view().setShowing(t.isSelected());
            t.selectedProperty().addListener((obs, was, now) -> built.view().setShowing(now));
            tabs.getTabs().add(t);
        }
        wb.training().setWeightsWanted(selectedView().followsWeights());
        tabs.getSelectionModel().selectedIndexProperty().addListener((obs, was, now) ->
                wb.training().setWeightsWanted(selectedView().followsWeights()));

        // The centre holds the tabs, and the lessons panel beside them while it is open.
        VBox tabsWithStrip = new VBox(new CentreTabStrip(tabs), tabs);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        SplitPane centre = new SplitPane(tabsWithStrip);
        centre.setId("centre");
        lessons = new LessonsMenu(wb, stage, tabs, centre, this::view);
        report = new ReportMenu(wb, stage);
        SplitPane split = new SplitPane(left, centre, right);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.215, 0.79);
        SplitPane.setResizableWithParent(left, false);
        SplitPane.setResizableWithParent(right, false);

        BorderPane main = new BorderPane();
        project = new ProjectMenu(wb, stage);
        Actions actions = new Actions(wb, stage, tabs, this, project);
        main.setTop(new VBox(actions.menuBar(), actions.toolBar()));
        main.setCenter(split);
        main.setBottom(new StatusBar(wb));

        root = new StackPane(main, overlay);
        // A handler, not a filter: a control that uses Escape itself (a menu, a combo box) keeps it.
        root.addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (Shortcuts.CANCEL_JOB.keys().match(e) && wb.jobs().cancelNewest()) {
                e.consume();
            }
        });
        root.getStylesheets().add(MainWindow.class.getResource("/org/aeworkbench/ui/workbench.css").toExternalForm());
        root.getStylesheets().add(PresentationStyle.forResource("/org/aeworkbench/ui/workbench.css"));
        wb.themeProperty().addListener((obs, old, now) -> applyTheme(now));
        applyTheme(wb.themeProperty().get());
        wb.presentationProperty().addListener((obs, old, on) -> presentation(on));
        // A stage shows one workbench at a time. A window built on a stage that showed another
        // (tests and measurements build one per run) takes the other's listener off the stage:
        // else the stage keeps every earlier window alive, about 80 MB each.
        leftFullScreen = (obs, was, full) -> {
            if (!full && wb.presentationProperty().get()) {
                wb.setPresentation(false);
            }
        };
        if (stage.getProperties().put(MainWindow.class, this) instanceof MainWindow before) {
            stage.fullScreenProperty().removeListener(before.leftFullScreen);
        }
        stage.fullScreenProperty().addListener(leftFullScreen);
    }

    /** Larger type and thicker lines for a projector, full screen. */
    private void presentation(boolean on) {
        ChartStyle.setPresentation(on);
        if (on) {
            root.getStyleClass().add(PresentationStyle.CLASS);
        } else {
            root.getStyleClass().remove(PresentationStyle.CLASS);
        }
        stage.setFullScreen(on);
        applyTheme(wb.themeProperty().get());
    }

    LessonsMenu lessons() {
        return lessons;
    }

    ReportMenu report() {
        return report;
    }

    /** Opens the lessons panel, as Help > Lessons does. */
    public void showLessons() {
        lessons.show();
    }

    /** Reads a lesson file and starts it, as File > Open lesson does after its dialog. */
    public void openLesson(java.nio.file.Path file) {
        lessons.openFile(file);
    }

    /** The lessons panel, or null before it was first opened (tests). */
    public org.aeworkbench.ui.lesson.LessonPanel lessonPanel() {
        return lessons.panel();
    }

    /** Writes the report as File > Export report does after its dialog (tests). */
    public void exportReport(java.nio.file.Path file, java.util.function.Consumer<java.nio.file.Path> done,
                             java.util.function.Consumer<String> failed) {
        report.exportTo(file, done, failed);
    }

    /**
     * Shows the window with the designer holding the focus. Left to itself, JavaFX focuses the
     * first focusable node, a layer's units spinner, and a focused field's blinking caret keeps
     * the window pulsing 60 times a second, idle or training.
     */
    public void show() {
        stage.setMinWidth(MIN_WIDTH);
        stage.setMinHeight(MIN_HEIGHT);
        stage.show();
        designer.requestFocus();
        // A Train press waits for its frame this way; the first such wait links JavaFX's
        // animation-timer code on the FX thread, here rather than at the first press
        // (docs/performance.md, round twenty-four).
        FxFrames.afterNextPulse(() -> { });
    }

    public Parent root() {
        return root;
    }

    /** The centre view of this class (tests, and whoever needs to reach one view). */
    public <T> T view(Class<T> type) {
        for (TabView v : views) {
            if (type.isInstance(v)) {
                return type.cast(v);
            }
        }
        throw new IllegalArgumentException("no centre view of type " + type.getSimpleName());
    }

    public DesignerView designer() {
        return designer;
    }

    /**
     * Starts autosaving the project to {@code store} every {@code every} while it has unsaved
     * changes ({@link Autosave#EVERY} in the application; tests use seconds).
     */
    public Autosave startAutosave(org.aeworkbench.ui.project.AutosaveStore store, javafx.util.Duration every) {
        return new Autosave(wb.project(), store, stage, every);
    }

    public TabPane tabs() {
        return tabs;
    }

    /** Opens a project file as File > Open does after its dialog (tests, recent files). */
    public void openProject(java.nio.file.Path file) {
        project.openFile(file);
    }

    private TabView selectedView() {
        return views.get(Math.max(0, tabs.getSelectionModel().getSelectedIndex()));
    }

    /** A line above a view, shown while the view shows a model older than the design. */
    private Label outOfDateNote() {
        Label note = new Label();
        note.getStyleClass().add("out-of-date");
        note.setWrapText(true);
        note.setMaxWidth(Double.MAX_VALUE);
        note.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        note.textProperty().bind(wb.outOfDateProperty());
        note.visibleProperty().bind(wb.outOfDateProperty().isNotEmpty());
        note.managedProperty().bind(note.visibleProperty());
        return note;
    }

    private void applyTheme(Theme theme) {
        theme.apply();
        for (TabView v : views) {
            v.setTheme(theme);
        }
    }
}
