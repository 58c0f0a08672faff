package org.aeworkbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.aeworkbench.engine.model.DenseSpec;
import org.aeworkbench.engine.model.ModelSpec;
import org.aeworkbench.report.runs.RunRecord;
import org.aeworkbench.report.runs.RunsCsv;
import org.aeworkbench.ui.dataset.PreparedData;
import org.aeworkbench.ui.runs.RunsModel;
import org.aeworkbench.ui.runs.RunsView;
import org.aeworkbench.ui.shell.MainWindow;
import org.aeworkbench.ui.training.TrainingSession.State;
import org.aeworkbench.ui.workbench.WorkbenchModel;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Runs tab driven as a student would: two runs of a small design that differ in code size are
 * recorded when they end, selected together with Ctrl+click in the table, their validation curves
 * overlaid on one chart (one series per run, named after it, epoch by epoch as trained) and their
 * final figures compared; a run renamed, the runs saved in the project and read back, written as
 * CSV, deleted. 500 MNIST digits and 2 epochs keep it short.
 */
@ExtendWith(ApplicationExtension.class)
class RunsUiTest {

    private static PreparedData tiny;

    @TempDir
    Path dir;

    private WorkbenchModel wb;
    private MainWindow window;

    @BeforeAll
    static void data() {
        tiny = TestWindow.prepare(500);
    }

    @Start
    void start(Stage stage) {
        TestWindow shown = TestWindow.show(stage, 1260, 780);
        wb = shown.wb();
        window = shown.main();
        wb.data().set(tiny);
        wb.design().reset(design(2));
    }

    /** 784-32-k-32-784, two epochs. */
    private static ModelSpec design(int code) {
        return TestWindow.small(784, 2).withCodeSize(code);
    }

    private void trainAndWait(FxRobot robot, int runs) throws Exception {
        robot.clickOn("#train-button");
        TestWindow.waitFor(120, () -> wb.training().state() == State.IDLE && wb.runs().runs().size() == runs);
    }

    @Test
    void runsAreRecordedOverlaidComparedSavedAndExported(FxRobot robot) throws Exception {
        RunsModel runs = wb.runs();
        assertTrue(runs.runs().isEmpty());
        trainAndWait(robot, 1);
        robot.interact(() -> {
            wb.design().reset(design(8));
            wb.reset();
        });
        trainAndWait(robot, 2);

        RunRecord first = runs.runs().get(0);
        RunRecord second = runs.runs().get(1);
        assertEquals(2, first.epochs().size());
        assertEquals(2, ((DenseSpec) first.spec().encoder().get(1)).units());
        assertEquals(8, ((DenseSpec) second.spec().encoder().get(1)).units());
        assertEquals("completed", first.outcome());
        assertEquals(500, first.data().trainSamples() + first.data().validationSamples());
        assertTrue(first.data().validationSamples() > 0);
        assertFalse(first.blas().isEmpty(), "the BLAS backend is recorded");
        assertTrue(first.seconds() > 0);
        // The recorded curve is the one the trainer reported, epoch by epoch.
        assertEquals(wb.training().history().epochs().get(wb.training().history().epochs().size() - 1).snapshot()
                .validation().total(), second.last().validation(), 0.0);

        // Select both rows with the mouse, as a student would, and read the overlay.
        robot.clickOn("#tab-runs");
        RunsView view = window.view(RunsView.class);
        assertNull(view.chart(), "nothing selected, nothing drawn");
        robot.clickOn(robot.lookup("#runs-table .table-row-cell").nth(0).queryAs(javafx.scene.Node.class));
        robot.press(KeyCode.CONTROL).clickOn(robot.lookup("#runs-table .table-row-cell").nth(1).queryAs(javafx.scene.Node.class))
                .release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(first.id(), second.id()), runs.selectedIds());
        JFreeChart chart = view.chart();
        assertNotNull(chart);
        XYPlot plot = chart.getXYPlot();
        XYDataset data = plot.getDataset();
        assertEquals(2, data.getSeriesCount(), "one curve per run, on the same axes");
        assertEquals(first.id() + ": " + first.name(), data.getSeriesKey(0).toString(), "the legend names the run");
        for (int s = 0; s < 2; s++) {
            RunRecord r = runs.runs().get(s);
            assertEquals(2, data.getItemCount(s));
            for (int i = 0; i < 2; i++) {
                assertEquals(r.epochs().get(i).x(), data.getXValue(s, i), 0.0);
                assertEquals(r.epochs().get(i).validation(), data.getYValue(s, i), 1e-12);
            }
        }
        assertTrue(plot.getRenderer().getSeriesPaint(0) != null
                && !plot.getRenderer().getSeriesPaint(0).equals(plot.getRenderer().getSeriesPaint(1)), "one colour per run");
        List<String> rows = view.comparisonRows();
        assertTrue(rows.stream().anyMatch(r -> r.startsWith("validation loss: ")), rows.toString());
        assertEquals(2, rows.get(0).split("\\|").length, "a column per run: " + rows.get(0));

        // Rename, save, read back: the runs travel in the project file.
        robot.interact(() -> runs.rename(first.id(), "code 2"));
        assertEquals("code 2", runs.runs().get(0).name());
        assertTrue(wb.project().dirtyProperty().get());
        Path file = dir.resolve("runs.aewb");
        robot.interact(() -> wb.project().saveTo(file, msg -> {
            throw new AssertionError(msg);
        }));
        TestWindow.waitFor(20, () -> Files.exists(file) && !wb.project().dirtyProperty().get());

        // Re-open the first run's design: the designer holds it again, one undoable step.
        robot.interact(() -> runs.select(List.of(first.id())));
        robot.clickOn("#runs-reopen");
        TestWindow.waitFor(20, () -> wb.design().spec().equals(first.spec()));
        robot.interact(() -> wb.design().undo());
        assertEquals(second.spec(), wb.design().spec());

        robot.interact(() -> runs.delete(List.of(first.id(), second.id())));
        assertTrue(runs.runs().isEmpty());
        robot.interact(() -> window.openProject(file));
        TestWindow.waitFor(20, () -> runs.runs().size() == 2);
        assertEquals("code 2", runs.runs().get(0).name());
        assertEquals(runs.runs().get(1).epochs(), second.epochs());
        assertEquals(3, runs.nextId(), "ids are not reused");

        // The CSV: a header and one row per run, the figures in full precision.
        Path csv = dir.resolve("runs.csv");
        RunsCsv.write(csv, runs.list());
        List<String> lines = Files.readAllLines(csv);
        assertEquals(3, lines.size());
        assertTrue(lines.get(0).startsWith("id,name,design,data,"), lines.get(0));
        List<String> header = fields(lines.get(0));
        int validation = header.indexOf("validation_loss");
        assertTrue(validation > 0, lines.get(0));
        assertEquals(header.size(), fields(lines.get(2)).size(), lines.get(2));
        assertEquals(second.last().validation(), Double.parseDouble(fields(lines.get(2)).get(validation)), 0.0);
        assertTrue(lines.get(1).startsWith("1,code 2,"), lines.get(1));
    }

    @Test
    void aHiddenRunsTabHoldsNoRowsAndShownAgainHasEveryRunAndTheSelection(FxRobot robot) throws Exception {
        RunsModel runs = wb.runs();
        trainAndWait(robot, 1);
        robot.clickOn("#tab-runs");
        RunsView view = window.view(RunsView.class);
        robot.clickOn(robot.lookup("#runs-table .table-row-cell").nth(0).queryAs(javafx.scene.Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        int first = runs.runs().get(0).id();
        assertEquals(List.of(first), runs.selectedIds());

        // Away from the tab, a run ends: the model has it, the hidden table lays out no row for it.
        robot.clickOn("#tab-training");
        robot.interact(() -> wb.reset());
        trainAndWait(robot, 2);
        assertTrue(view.table().getItems().isEmpty(), "the hidden table holds no rows");
        assertEquals(List.of(first), runs.selectedIds(), "hiding the table kept the selection");

        robot.clickOn("#tab-runs");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(runs.runs(), view.table().getItems());
        assertEquals(List.of(first), view.table().getSelectionModel().getSelectedItems().stream().map(RunRecord::id).toList(),
                "the table shows the model's selection again");
        assertEquals(List.of(first), runs.selectedIds());
        assertNotNull(view.chart(), "the selected run's curve is drawn");
    }

    /** The fields of a CSV line, commas inside quotes kept (the BLAS and preparation texts hold some). */
    private static List<String> fields(String line) {
        return List.of(line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1));
    }
}
