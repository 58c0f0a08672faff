package org.aeworkbench.ui.shell;

import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.aeworkbench.ui.WorkbenchModel;
import org.aeworkbench.ui.common.Theme;
import org.aeworkbench.ui.design.DesignerView;
import org.aeworkbench.ui.design.LayerDrag;
import org.aeworkbench.ui.design.ObjectiveView;
import org.aeworkbench.ui.design.PaletteView;
import org.aeworkbench.ui.design.SpecSheet;
import org.aeworkbench.ui.training.TrainingView;

/**
 * The main window's layout: menus and toolbar on top; palette and designer on the left; the
 * Training, Latent space, Reconstructions, Generate and Weights tabs in the centre; the variant
 * and loss choosers and the property sheet on the right; the status bar at the bottom. A
 * transparent overlay above everything carries the drag ghost.
 */
public final class MainWindow {

    private final WorkbenchModel wb;
    private final StackPane root;
    private final TabPane tabs = new TabPane();
    private final Views views;
    private final ProjectActions project;
    private final Stage stage;

    /** The centre views, so menus, export and tests can reach them. */
    public record Views(TrainingView training, org.aeworkbench.ui.latent.LatentView latent,
                        org.aeworkbench.ui.reconstructions.ReconstructionsView reconstructions,
                        org.aeworkbench.ui.generate.GenerateView generate, org.aeworkbench.ui.weights.WeightsView weights,
                        DesignerView designer, SpecSheet sheet) {
    }

    public MainWindow(WorkbenchModel wb, Stage stage) {
        this.wb = wb;
        this.stage = stage;
        Pane overlay = new Pane();
        LayerDrag drag = new LayerDrag(overlay);

        PaletteView palette = new PaletteView(wb.design(), drag);
        DesignerView designer = new DesignerView(wb.design(), drag);
        VBox left = new VBox(palette, designer);
        VBox.setVgrow(designer, Priority.ALWAYS);
        left.getStyleClass().addAll("side-pane", "left-pane");
        left.setMinWidth(280);

        ObjectiveView objective = new ObjectiveView(wb.design());
        SpecSheet sheet = new SpecSheet(wb.design());
        sheet.setDataItems(new DataItems(wb)::items);
        wb.data().currentProperty().addListener((obs, old, now) -> sheet.update());
        // The right pane keeps the width the divider gives it; its contents wrap rather than widen it.
        objective.setMinWidth(0);
        sheet.setMinWidth(0);
        VBox right = new VBox(objective, sheet);
        VBox.setVgrow(sheet, Priority.ALWAYS);
        right.getStyleClass().addAll("side-pane", "right-pane");
        right.setMinWidth(260);

        TrainingView training = new TrainingView(wb.training());
        views = new Views(training, new org.aeworkbench.ui.latent.LatentView(wb), new org.aeworkbench.ui.reconstructions.ReconstructionsView(wb),
                new org.aeworkbench.ui.generate.GenerateView(wb), new org.aeworkbench.ui.weights.WeightsView(wb), designer, sheet);
        tabs.setId("tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getTabs().addAll(tab("Training", views.training()), tab("Latent space", views.latent()),
                tab("Reconstructions", views.reconstructions()), tab("Generate", views.generate()),
                tab("Weights", views.weights()));
        for (Tab t : tabs.getTabs()) {
            if (t.getContent() instanceof TabView v) {
                v.setShowing(t.isSelected());
                t.selectedProperty().addListener((obs, was, now) -> v.setShowing(now));
            }
        }
        // Only the loss charts need nothing but the snapshots; every other tab follows the weights.
        wb.training().setWeightsWanted(tabs.getSelectionModel().getSelectedIndex() != 0);
        tabs.getSelectionModel().selectedIndexProperty().addListener((obs, was, now) ->
                wb.training().setWeightsWanted(now.intValue() != 0));

        SplitPane split = new SplitPane(left, tabs, right);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.215, 0.805);
        SplitPane.setResizableWithParent(left, false);
        SplitPane.setResizableWithParent(right, false);

        BorderPane main = new BorderPane();
        Actions actions = new Actions(wb, stage, tabs, this);
        project = actions.project();
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
        wb.themeProperty().addListener((obs, old, now) -> applyTheme(now));
        applyTheme(wb.themeProperty().get());
    }

    /**
     * Shows the window with the designer holding the focus. Left to itself, JavaFX focuses the
     * first focusable node, a layer's units spinner, and a focused field's blinking caret keeps
     * the window pulsing 60 times a second, idle or training.
     */
    public void show() {
        stage.show();
        views.designer().requestFocus();
    }

    public Parent root() {
        return root;
    }

    public Views views() {
        return views;
    }

    public ProjectActions project() {
        return project;
    }

    /**
     * Starts autosaving the project to {@code store} every {@code every} while it has unsaved
     * changes ({@link Autosave#EVERY} in the application; tests use seconds).
     */
    public Autosave startAutosave(org.aeworkbench.ui.project.AutosaveStore store, javafx.util.Duration every) {
        return new Autosave(project, store, stage, every);
    }

    public TabPane tabs() {
        return tabs;
    }

    private void applyTheme(Theme theme) {
        theme.apply();
        views.training().setTheme(theme);
        for (Node v : new Node[] {views.latent(), views.reconstructions(), views.generate(), views.weights()}) {
            if (v instanceof Themed t) {
                t.setTheme(theme);
            }
        }
    }

    /** A view that restyles its charts when the theme changes. */
    public interface Themed {
        void setTheme(Theme theme);
    }

    /**
     * A tab's view, told when its tab is shown: hidden views neither draw nor run inference, so
     * what the user is not looking at costs training nothing; they catch up when shown.
     */
    public interface TabView {
        void setShowing(boolean showing);
    }

    private static Tab tab(String title, Node content) {
        Tab t = new Tab(title, content);
        t.setId("tab-" + title.toLowerCase().replace(' ', '-'));
        return t;
    }

}
