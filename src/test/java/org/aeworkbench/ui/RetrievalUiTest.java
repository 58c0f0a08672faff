package org.aeworkbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import org.aeworkbench.engine.model.BinaryCodeSpec;
import org.aeworkbench.ui.dataset.PreparedData;
import org.aeworkbench.ui.retrieval.RetrievalView;
import org.aeworkbench.ui.shell.MainWindow;
import org.aeworkbench.ui.training.TrainingSession.State;
import org.aeworkbench.ui.workbench.WorkbenchModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Retrieval tab in the real window (Monocle): after training, clicking a held-out sample
 * shows its neighbours by code, PCA code and raw input with their precision, and the
 * precision-recall curve and mAP appear; with a binary code, Hamming neighbours and the count at
 * each radius. 500 MNIST digits and a small design keep it short.
 */
@ExtendWith(ApplicationExtension.class)
class RetrievalUiTest {

    private static PreparedData tiny;

    private WorkbenchModel wb;
    private MainWindow window;

    @BeforeAll
    static void data() {
        tiny = TestWindow.prepare(500);
    }

    @Start
    void start(Stage stage) {
        TestWindow shown = TestWindow.show(stage, 1400, 900);
        wb = shown.wb();
        window = shown.main();
        shown.useDigitsDesign(tiny, 8);
    }

    private void train(FxRobot robot) throws Exception {
        robot.clickOn("#train-button");
        TestWindow.waitFor(60, () -> wb.training().state() == State.IDLE && wb.training().model() != null);
    }


    @Test
    void clickingAHeldOutSampleShowsItsNeighboursByEachMethodWithPrecisionAndTheCurves(FxRobot robot) throws Exception {
        train(robot);
        CentreTab.select(robot, window, "tab-retrieval");
        RetrievalView view = window.view(RetrievalView.class);
        TestWindow.waitFor(60, () -> view.model().overviewProperty().get() != null);
        assertEquals(TestWindow.heldOut(wb), view.scatter().pointCount(), "the held-out tenth of 500 samples");
        clickPick(robot, 0);
        TestWindow.waitFor(20, () -> view.model().queryProperty().get() != null);
        for (int m = 0; m < 3; m++) {
            String title = robot.lookup("#retrieval-row-" + m).queryAs(Label.class).getText();
            assertTrue(title.contains("precision@10"), title);
        }
        assertTrue(robot.lookup("#retrieval-row-0").queryAs(Label.class).getText().startsWith("By code (Euclidean, 8 values)"));
        assertTrue(robot.lookup("#retrieval-row-1").queryAs(Label.class).getText().startsWith("By PCA code (Euclidean, 8 values)"));
        assertTrue(robot.lookup("#retrieval-row-2").queryAs(Label.class).getText().startsWith("By raw input (Euclidean, 784"));
        double[] widths = TestWindow.fx(() -> {
            Node n = robot.lookup("#retrieval-query").query();
            while (!(n instanceof ScrollPane)) {
                n = n.getParent();
            }
            ScrollPane column = (ScrollPane) n;
            return new double[] {column.getContent().getLayoutBounds().getWidth(), column.getViewportBounds().getWidth()};
        });
        assertTrue(widths[0] <= widths[1] + 0.5, "the neighbours' column is " + widths[0] + " px wide in a view of " + widths[1] + " px");
        String map = robot.lookup("#retrieval-map").queryAs(Label.class).getText();
        assertTrue(map.contains("autoencoder: mAP") && map.contains("PCA: mAP") && map.contains("raw: mAP"), map);
        assertTrue(map.endsWith(".") && !map.contains(";."), "one sentence, not a list left open: " + map);
        assertTrue(robot.lookup("#retrieval-pr").query().isVisible());
        // Fewer neighbours: the rows follow.
        robot.interact(() -> view.model().setNeighbours(5));
        TestWindow.waitFor(20, () -> view.model().queryProperty().get().rows().get(0).neighbours().length == 5);
    }

    @Test
    void aBinaryCodeIsRankedByHammingDistanceBesidePcahAndLsh(FxRobot robot) throws Exception {
        robot.interact(() -> wb.design().edit("binary code", s -> s.with(new BinaryCodeSpec(BinaryCodeSpec.DEFAULT_NOISE))));
        train(robot);
        CentreTab.select(robot, window, "tab-retrieval");
        RetrievalView view = window.view(RetrievalView.class);
        TestWindow.waitFor(60, () -> view.model().overviewProperty().get() != null);
        clickPick(robot, 1);
        TestWindow.waitFor(20, () -> view.model().queryProperty().get() != null);
        assertTrue(robot.lookup("#retrieval-row-0").queryAs(Label.class).getText().startsWith("By code (Hamming, 8 bits)"));
        assertTrue(robot.lookup("#retrieval-row-1").queryAs(Label.class).getText().startsWith("By PCAH code (Hamming, 8 bits)"));
        assertTrue(robot.lookup("#retrieval-row-2").queryAs(Label.class).getText().startsWith("By LSH code (Hamming, 8 bits)"));
        String radius = robot.lookup("#retrieval-radius").queryAs(Label.class).getText();
        assertTrue(radius.startsWith("Training samples at each Hamming radius"), radius);
        int[] counts = view.model().queryProperty().get().radiusCounts();
        assertEquals(500 - TestWindow.heldOut(wb), java.util.Arrays.stream(counts).sum(), "every training sample is at some radius");
    }

    /**
     * Clicks a held-out sample's cell once it is laid out on screen: the cells are added as the
     * overview arrives, and a click before the next pulse found one with no place yet ("no nodes
     * were visible", in a full run).
     */
    private static void clickPick(FxRobot robot, int i) throws Exception {
        String id = "#retrieval-pick-" + i;
        TestWindow.waitFor(20, () -> robot.lookup(id).match(org.testfx.util.NodeQueryUtils.isVisible()).tryQuery().isPresent());
        robot.clickOn(id);
    }
}
