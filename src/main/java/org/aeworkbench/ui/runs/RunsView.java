package org.aeworkbench.ui.runs;

import java.io.File;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.aeworkbench.report.runs.RunCurvesChart;
import org.aeworkbench.report.runs.RunCurvesChart.Curve;
import org.aeworkbench.report.runs.RunMetrics;
import org.aeworkbench.report.runs.RunRecord;
import org.aeworkbench.report.runs.RunsCsv;
import org.aeworkbench.ui.common.Background;
import org.aeworkbench.ui.common.ChartStyle;
import org.aeworkbench.ui.common.ErrorDialog;
import org.aeworkbench.ui.common.FileDialogs;
import org.aeworkbench.ui.common.Formats;
import org.aeworkbench.ui.common.TabView;
import org.aeworkbench.ui.common.Theme;
import org.aeworkbench.ui.training.TrainingSession;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;

/**
 * The Runs tab: every training run of the project in a table (double-click a name to rename it);
 * the runs selected together (Ctrl+click, Shift+click) have their curves overlaid on the same axes,
 * one colour per run, and their final figures side by side; Delete, Re-open design and Export
 * CSV act on the selection and the table.
 */
public final class RunsView extends VBox implements TabView {

    private final RunsModel runs;
    private final TableView<RunRecord> table = new TableView<>();
    private final TableView<String> comparison = new TableView<>();
    private final ComboBox<Curve> curve = new ComboBox<>();
    private final ChartViewer viewer = new ChartViewer(null);
    private final Label hint = new Label();
    private final ReadOnlyObjectWrapper<JFreeChart> chart = new ReadOnlyObjectWrapper<>();
    private Theme theme = Theme.LIGHT;
    private boolean showing;
    private boolean redrawDue = true;
    /** Set while the table's selection is made to follow the model's, so it is not echoed back. */
    private boolean following;

    /**
     * @param reopen puts a run's design back in the designer (with its data)
     */
    public RunsView(RunsModel runs, Consumer<RunRecord> reopen, TrainingSession training) {
        this.runs = runs;
        getStyleClass().add("view");
        setId("runs-view");
        setSpacing(8);

        curve.getItems().setAll(Curve.values());
        curve.setValue(Curve.VALIDATION_LOSS);
        curve.setId("runs-curve");
        curve.setTooltip(new Tooltip("Which curve of each selected run is overlaid"));
        curve.valueProperty().addListener((obs, old, now) -> redraw());

        Button delete = new Button("Delete");
        delete.setId("runs-delete");
        delete.setOnAction(e -> runs.delete(runs.selectedIds()));
        delete.disableProperty().bind(Bindings.isEmpty(runs.selection()));
        Button reopenButton = new Button("Re-open design");
        reopenButton.setId("runs-reopen");
        reopenButton.setTooltip(new Tooltip("Put the selected run's design back in the designer (with its data); Ctrl+Z undoes it"));
        reopenButton.setOnAction(e -> reopen.accept(runs.selection().get(0)));
        reopenButton.disableProperty().bind(Bindings.size(runs.selection()).isNotEqualTo(1)
                .or(training.stateProperty().isNotEqualTo(TrainingSession.State.IDLE)));
        Button export = new Button("Export CSV\u2026");
        export.setId("runs-export");
        export.setOnAction(e -> exportCsv());
        export.disableProperty().bind(Bindings.isEmpty(runs.runs()));
        Label curveLabel = new Label("Overlay");
        for (Region r : new Region[] {curveLabel, curve, delete, reopenButton, export}) {
            r.setMinWidth(Region.USE_PREF_SIZE);
        }
        // Wraps onto a second line in a narrow window rather than pushing the buttons off the pane.
        FlowPane bar = new FlowPane(8, 6, curveLabel, curve, reopenButton, delete, export);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("view-toolbar");

        buildTable();
        comparison.setId("runs-comparison");
        Label compareHint = new Label("Select runs to compare their final figures");
        compareHint.setWrapText(true);
        comparison.setPlaceholder(compareHint);
        // Each run keeps a readable column; more runs than fit scroll sideways.
        comparison.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);

        viewer.setId("runs-chart");
        hint.setId("runs-hint");
        hint.setWrapText(true);
        hint.getStyleClass().add("metrics");
        StackPane chartPane = new StackPane(viewer, hint);
        HBox lower = new HBox(8, chartPane, comparison);
        HBox.setHgrow(chartPane, Priority.ALWAYS);
        chartPane.setPrefWidth(400);
        comparison.setPrefWidth(345);
        comparison.setMinWidth(180);
        SplitPane split = new SplitPane(table, lower);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.38);
        VBox.setVgrow(split, Priority.ALWAYS);
        getChildren().addAll(bar, split);

        runs.selection().addListener((ListChangeListener<RunRecord>) c -> {
            followSelection();
            redraw();
        });
        runs.runs().addListener((ListChangeListener<RunRecord>) c -> redraw());
        redraw();
    }

    /** The overlaid chart as it is drawn now, or null when nothing is selected (tests, the report). */
    public JFreeChart chart() {
        return chart.get();
    }

    public TableView<RunRecord> table() {
        return table;
    }

    /** The comparison table's text, row by row ("figure: value | value"), for tests. */
    public List<String> comparisonRows() {
        return comparison.getItems().stream().map(f -> f + ": " + String.join(" | ", runs.selection().stream()
                .map(r -> cell(RunMetrics.of(r).get(f))).toList())).toList();
    }

    @Override
    public void setShowing(boolean on) {
        showing = on;
        // Hidden, the table holds no rows: a run ending while the user watches another tab would
        // otherwise have JavaFX lay out and style the new row in this hidden tab, on the FX thread
        // at the run's end (one of its longest pauses in UiCostMeasurement). The model keeps the
        // runs and the selection; shown again, the table takes both back.
        following = true;
        try {
            table.setItems(on ? runs.runs() : javafx.collections.FXCollections.emptyObservableList());
        } finally {
            following = false;
        }
        if (on) {
            followSelection();
        }
        if (on && redrawDue) {
            redraw();
        }
    }

    @Override
    public void setTheme(Theme t) {
        theme = t;
        if (chart.get() != null) {
            ChartStyle.apply(chart.get(), t);
        }
    }

    @Override
    public boolean followsWeights() {
        return false;
    }

    private void buildTable() {
        table.setId("runs-table");
        table.setItems(runs.runs());
        table.setEditable(true);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setPlaceholder(new Label("No runs yet: every training run is listed here when it ends"));
        TableColumn<RunRecord, String> name = column("Name", RunRecord::name, 150);
        name.setId("runs-name");
        name.setCellFactory(TextFieldTableCell.forTableColumn());
        name.setEditable(true);
        name.setOnEditCommit(e -> runs.rename(e.getRowValue().id(), e.getNewValue()));
        table.getColumns().addAll(List.of(
                column("#", r -> Integer.toString(r.id()), 40),
                name,
                column("Design", r -> r.spec().name(), 110),
                column("Data", r -> r.data().describe(), 280),
                column("Settings", RunRecord::settings, 340),
                column("Epochs", r -> Long.toString(Math.round(r.last().x())), 75),
                column("Train loss", r -> Formats.loss(r.last().train()), 90),
                column("Val. loss", r -> cell(r.last().validation()), 90),
                column("Val. error", r -> cell(r.last().validationError()), 90),
                column("Time", r -> Formats.duration(r.seconds()), 70),
                column("Ended", RunRecord::outcome, 90),
                column("BLAS", RunRecord::blas, 220),
                column("Started", r -> r.started().replace('T', ' '), 150)));
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<RunRecord>) c -> {
            if (!following) {
                runs.select(table.getSelectionModel().getSelectedItems().stream().map(RunRecord::id).toList());
            }
        });
    }

    /** Makes the table show the model's selection (a lesson's Show me, a deletion). */
    private void followSelection() {
        List<Integer> wanted = runs.selectedIds();
        List<Integer> shown = table.getSelectionModel().getSelectedItems().stream().map(RunRecord::id).toList();
        if (wanted.equals(shown)) {
            return;
        }
        following = true;
        try {
            table.getSelectionModel().clearSelection();
            for (int i = 0; i < table.getItems().size(); i++) {
                if (wanted.contains(table.getItems().get(i).id())) {
                    table.getSelectionModel().select(i);
                }
            }
        } finally {
            following = false;
        }
    }

    private void redraw() {
        if (!showing) {
            redrawDue = true;
            return;
        }
        redrawDue = false;
        List<RunRecord> selected = List.copyOf(runs.selection());
        buildComparison(selected);
        if (selected.isEmpty()) {
            chart.set(null);
            viewer.setVisible(false); // a ChartViewer takes no null chart

            hint.setText(runs.runs().isEmpty() ? "Train a design: each run appears in the table above."
                    : "Select two or more runs (Ctrl+click) to overlay their curves.");
            hint.setVisible(true);
            return;
        }
        JFreeChart c = RunCurvesChart.create(selected, curve.getValue());
        ChartStyle.apply(c, theme);
        chart.set(c);
        viewer.setChart(c);
        viewer.setVisible(true);
        boolean empty = selected.stream().allMatch(r -> r.epochs().stream().noneMatch(e -> Double.isFinite(curve.getValue().of(e))));
        hint.setText(empty ? "These runs have no " + curve.getValue().title() + " (no validation samples); choose another curve." : "");
        hint.setVisible(empty);
    }

    private void buildComparison(List<RunRecord> selected) {
        comparison.getColumns().clear();
        comparison.getItems().setAll(RunMetrics.names(selected));
        if (selected.isEmpty()) {
            comparison.getItems().clear();
            return;
        }
        TableColumn<String, String> figure = new TableColumn<>("Figure");
        figure.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue()));
        figure.setSortable(false);
        figure.setPrefWidth(textWidth(RunMetrics.names(selected)));
        comparison.getColumns().add(figure);
        for (RunRecord r : selected) {
            Map<String, Double> m = RunMetrics.of(r);
            TableColumn<String, String> col = new TableColumn<>(RunCurvesChart.legend(r));
            col.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(cell(m.get(f.getValue()))));
            col.setSortable(false);
            col.setPrefWidth(Math.max(95, textWidth(List.of(col.getText()))));
            comparison.getColumns().add(col);
        }
    }

    /**
     * A column wide enough for the longest of {@code texts} in the window's body font (14 px), so the
     * headers and figure names are whole rather than ellipsised; more runs than fit scroll sideways.
     */
    private static double textWidth(List<String> texts) {
        double widest = 0;
        for (String t : texts) {
            javafx.scene.text.Text probe = new javafx.scene.text.Text(t);
            probe.setFont(javafx.scene.text.Font.font(14));
            widest = Math.max(widest, probe.getLayoutBounds().getWidth());
        }
        return Math.ceil(widest) + 32; // cell padding and the column's border
    }

    private static String cell(Double v) {
        return v == null || v.isNaN() ? "\u2014" : v == Math.rint(v) && Math.abs(v) < 1e6 ? Long.toString(Math.round(v))
                : Formats.loss(v);
    }

    private static TableColumn<RunRecord, String> column(String title, Function<RunRecord, String> value, double width) {
        TableColumn<RunRecord, String> c = new TableColumn<>(title);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
        c.setPrefWidth(width);
        c.setEditable(false);
        return c;
    }

    private void exportCsv() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the runs as CSV");
        chooser.setInitialFileName("runs.csv");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        File f = FileDialogs.current().showSave(chooser, getScene().getWindow());
        if (f == null) {
            return;
        }
        List<RunRecord> all = runs.list();
        Background.run("export runs", () -> {
            RunsCsv.write(f.toPath(), all);
            return f;
        }, done -> { }, msg -> ErrorDialog.show(getScene().getWindow(), "Could not export the runs",
                f + ": " + msg + ". Choose another folder or free some space.", null));
    }
}
