package org.aeworkbench.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.aeworkbench.ui.anomaly.AnomalyView;
import org.aeworkbench.ui.common.ChartStyle;
import org.aeworkbench.ui.clustering.ClusteringView;
import org.aeworkbench.ui.dataset.PreparedData;
import org.aeworkbench.ui.plot.ScatterPlot;
import org.aeworkbench.ui.probe.ProbeView;
import org.aeworkbench.ui.retrieval.RetrievalView;
import org.aeworkbench.ui.shell.MainWindow;
import org.aeworkbench.ui.training.TrainingSession.State;
import org.aeworkbench.ui.workbench.WorkbenchModel;
import org.jfree.chart.fx.ChartViewer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The lessons panel open beside the centre tabs at the window's minimum size leaves the tabs about
 * 320 px: on Anomaly, Retrieval, Clustering and Probe every chart still gets at least
 * {@link ChartStyle#MIN_WIDTH} and lies inside the tab (side columns go under the charts, a row of
 * charts wraps), where side by side they were squeezed to nothing (Clustering, Probe) or ran past
 * the pane (Anomaly). {@code -Daeworkbench.layoutshots=DIR} saves each tab as a PNG.
 */
@ExtendWith(ApplicationExtension.class)
class LessonsPanelLayoutUiTest {

    private static PreparedData digits;

    private WorkbenchModel wb;
    private MainWindow window;
    private Stage stage;

    @BeforeAll
    static void data() {
        digits = TestWindow.prepare(300);
    }

    @Start
    void start(Stage s) {
        stage = s;
        TestWindow shown = TestWindow.show(s, (int) MainWindow.MIN_WIDTH, (int) MainWindow.MIN_HEIGHT);
        wb = shown.wb();
        window = shown.main();
    }

    private static void charts(Node n, List<Node> out) {
        if (!n.isVisible()) {
            return;
        }
        if (n instanceof ScatterPlot || n instanceof ChartViewer) {
            out.add(n);
            return;
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                charts(c, out);
            }
        }
    }

    /** Presses a button as a click would, wherever the narrow layout put it. */
    private void fire(FxRobot robot, String id) {
        robot.interact(() -> ((javafx.scene.control.ButtonBase) stage.getScene().lookup(id)).fire());
    }

    private void shot(String name) throws Exception {
        String dir = System.getProperty("aeworkbench.layoutshots");
        if (dir == null) {
            return;
        }
        var img = WaitForAsyncUtils.asyncFx(() -> stage.getScene().snapshot(null)).get();
        ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", new File(dir, name));
    }

    @Test
    void chartsKeepTheirWidthBesideTheLessonsPanel(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            wb.data().set(digits);
            wb.design().replace("small", TestWindow.small(digits.all().features(), 2));
        }).get();
        TestWindow.waitFor(90, () -> wb.pca().fitted() != null && wb.pca().fitted().data() == digits);
        robot.clickOn("#train-button");
        TestWindow.waitFor(60, () -> wb.training().state() == State.IDLE && wb.training().epochsTrainedProperty().get() == 2);
        robot.interact(() -> window.showLessons());

        CentreTab.select(robot, window, "tab-retrieval");
        TestWindow.waitFor(60, () -> window.view(RetrievalView.class).model().overviewProperty().get() != null);
        robot.interact(() -> window.view(RetrievalView.class).model().query(0));
        TestWindow.waitFor(60, () -> window.view(RetrievalView.class).model().queryProperty().get() != null);
        CentreTab.select(robot, window, "tab-clustering");
        fire(robot, "#cluster-button");
        TestWindow.waitFor(120, () -> window.view(ClusteringView.class).model().resultProperty().get() != null);
        CentreTab.select(robot, window, "tab-probe");
        fire(robot, "#probe-button");
        TestWindow.waitFor(120, () -> window.view(ProbeView.class).model().resultProperty().get() != null);

        CentreTab.select(robot, window, "tab-anomaly");
        fire(robot, "#anomaly-train");
        TestWindow.waitFor(300, () -> window.view(AnomalyView.class).model().result() != null
                && !window.view(AnomalyView.class).model().runningProperty().get());
        List<String> narrow = narrowCharts(robot, "lessons-");
        assertTrue(narrow.isEmpty(), String.join("\n", narrow));

        // Without the panel, at the window's usual size, the columns are back beside the charts.
        robot.interact(() -> {
            stage.setWidth(1400);
            stage.setHeight(860);
        });
        robot.clickOn("#lesson-close");
        TestWindow.waitFor(10, () -> TestWindow.fx(() -> window.lessonPanel().getParent() == null));
        List<String> wide = narrowCharts(robot, "wide-");
        assertTrue(wide.isEmpty(), String.join("\n", wide));
    }

    /** Each application tab's charts that are narrower than {@link ChartStyle#MIN_WIDTH} or reach outside the tab. */
    private List<String> narrowCharts(FxRobot robot, String shotPrefix) throws Exception {
        List<String> narrow = new ArrayList<>();
        for (String id : List.of("tab-anomaly", "tab-retrieval", "tab-clustering", "tab-probe")) {
            CentreTab.select(robot, window, id);
            Thread.sleep(500);
            WaitForAsyncUtils.waitForFxEvents();
            shot(shotPrefix + id + ".png");
            narrow.addAll(TestWindow.fx(() -> {
                Node tab = window.tabs().getSelectionModel().getSelectedItem().getContent();
                Bounds pane = tab.localToScene(tab.getLayoutBounds());
                List<Node> found = new ArrayList<>();
                charts(tab, found);
                List<String> r = new ArrayList<>();
                if (found.isEmpty()) {
                    r.add(id + ": no chart shown");
                }
                for (Node c : found) {
                    Bounds b = c.localToScene(c.getLayoutBounds());
                    if (b.getWidth() < ChartStyle.MIN_WIDTH || b.getMinX() < pane.getMinX() - 1 || b.getMaxX() > pane.getMaxX() + 1) {
                        r.add(String.format("%s: %s %s is %.0f px wide at x %.0f..%.0f, the tab %.0f..%.0f", id,
                                c.getClass().getSimpleName(), c.getId(), b.getWidth(), b.getMinX(), b.getMaxX(),
                                pane.getMinX(), pane.getMaxX()));
                    }
                }
                return r;
            }));
        }
        return narrow;
    }
}
