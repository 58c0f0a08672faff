package org.aeworkbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.aeworkbench.engine.layer.Activation;
import org.aeworkbench.engine.model.DenseSpec;
import org.aeworkbench.engine.model.LayerSpec;
import org.aeworkbench.engine.model.ModelSpec;
import org.aeworkbench.ui.dataset.DataModel;
import org.aeworkbench.ui.dataset.DataReference;
import org.aeworkbench.ui.dataset.PreparedData;
import org.aeworkbench.ui.generate.GenerateView;
import org.aeworkbench.ui.latent.LatentView;
import org.aeworkbench.ui.reconstructions.ReconstructionsView;
import org.aeworkbench.ui.shell.MainWindow;
import org.aeworkbench.ui.training.TrainingSession.State;
import org.aeworkbench.ui.weights.WeightsView;
import org.aeworkbench.ui.workbench.WorkbenchModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window at its minimum size, {@link MainWindow#MIN_WIDTH} x {@link MainWindow#MIN_HEIGHT}:
 * on every tab, trained on digits and on the five customers, and with a stopped run's status,
 * no text is cut short or runs past its pane (see {@link TruncatedTexts}).
 */
@ExtendWith(ApplicationExtension.class)
class WindowLayoutUiTest {

    private static PreparedData digits;
    private static PreparedData customers;

    private WorkbenchModel wb;
    private MainWindow window;
    private Stage stage;

    @BeforeAll
    static void data() {
        digits = TestWindow.prepare(300);
        customers = DataModel.prepare(DataReference.of("customers"));
    }

    @Start
    void start(Stage s) {
        stage = s;
        TestWindow shown = TestWindow.show(s, (int) MainWindow.MIN_WIDTH, (int) MainWindow.MIN_HEIGHT);
        wb = shown.wb();
        window = shown.main();
    }

    private static void waitFor(int seconds, Callable<Boolean> condition) throws Exception {
        TestWindow.waitFor(seconds, condition);
    }

    private void use(PreparedData data, int epochs) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            wb.data().set(data);
            wb.design().replace("small", TestWindow.small(data.all().features(), epochs));
        }).get();
        waitFor(90, () -> wb.pca().fitted() != null && wb.pca().fitted().data() == data);
    }

    /**
     * Shows each centre tab in turn (the ones registered later too), lets its background work
     * settle, and lists what is cut on it.
     */
    private List<String> cutOnEveryTab(FxRobot robot) throws Exception {
        List<String> cut = new ArrayList<>();
        List<String> ids = TestWindow.fx(() -> window.tabs().getTabs().stream().map(t -> "#" + t.getId()).toList());
        for (String id : ids) {
            robot.clickOn(id);
            switch (id) {
                case "#tab-latent-space" -> waitFor(60, () -> window.view(LatentView.class).aePoints() > 0);
                case "#tab-reconstructions" -> waitFor(60, () -> !window.view(ReconstructionsView.class).summary().isEmpty());
                case "#tab-generate" -> {
                    waitFor(60, () -> window.view(GenerateView.class).plane().pointCount() > 0);
                    robot.clickOn("#random-pair");
                    waitFor(60, () -> window.view(GenerateView.class).stripImages() > 0);
                }
                case "#tab-weights" -> waitFor(60, () -> !window.view(WeightsView.class).filterNote().isEmpty());
                default -> Thread.sleep(500);
            }
            Thread.sleep(300);
            WaitForAsyncUtils.waitForFxEvents();
            for (String c : TestWindow.fx(() -> TruncatedTexts.in(stage.getScene().getRoot(), "status-blas"))) {
                cut.add(id + ": " + c);
            }
        }
        return cut;
    }

    /**
     * Every name in the design's property sheet is shown whole at the smallest window, in every
     * category, for every preset (their variants bring fields of their own): "Validation
     * fraction" showed as "Validation fr...". The sheet fits the side pane's width (it scrolled
     * sideways, cutting the fields' right edges), and a choice too long for it ("supervised-mixture")
     * is said whole in its tooltip.
     */
    @Test
    void everyDesignPropertyIsShownInFull(FxRobot robot) throws Exception {
        List<String> cut = new ArrayList<>();
        for (String preset : org.aeworkbench.engine.model.Presets.names()) {
            int categories = WaitForAsyncUtils.asyncFx(() -> {
                wb.design().replace(preset, org.aeworkbench.engine.model.Presets.get(preset, digits.all().sampleShape()));
                return stage.getScene().lookup("#property-sheet").lookupAll(".titled-pane").size();
            }).get();
            // The categories are an accordion: one open at a time.
            for (int i = 0; i < categories; i++) {
                int open = i;
                String title = WaitForAsyncUtils.asyncFx(() -> {
                    var pane = (javafx.scene.control.TitledPane) new ArrayList<>(
                            stage.getScene().lookup("#property-sheet").lookupAll(".titled-pane")).get(open);
                    pane.setExpanded(true);
                    return pane.getText();
                }).get();
                WaitForAsyncUtils.waitForFxEvents();
                Thread.sleep(400); // the pane's opening animation
                WaitForAsyncUtils.waitForFxEvents();
                javafx.scene.Parent sheet = TestWindow.fx(() -> (javafx.scene.Parent) stage.getScene().lookup("#property-sheet"));
                for (String c : TestWindow.fx(() -> TruncatedTexts.in(sheet))) {
                    if (!c.contains("list-cell")) { // a choice's cell: its tooltip is checked below
                        cut.add(preset + ", " + title + ": " + c);
                    }
                }
                TestWindow.fx(() -> {
                    var scroll = (javafx.scene.control.ScrollPane) sheet.lookup(".scroll-pane");
                    if (scroll.getContent().minWidth(-1) > scroll.getViewportBounds().getWidth()) {
                        cut.add(preset + ", " + title + ": the sheet needs " + scroll.getContent().minWidth(-1)
                                + " px, the pane shows " + scroll.getViewportBounds().getWidth());
                    }
                    for (var node : sheet.lookupAll(".combo-box")) {
                        @SuppressWarnings("unchecked")
                        var box = (javafx.scene.control.ComboBox<Object>) node;
                        String value = box.getConverter().toString(box.getValue());
                        if (box.getTooltip() == null || !value.equals(box.getTooltip().getText())) {
                            cut.add(preset + ", " + title + ": the choice " + value + " has no tooltip saying it");
                        }
                    }
                    return null;
                });
            }
        }
        assertTrue(cut.isEmpty(), String.join("\n", cut));
    }

    /**
     * Every layer card of every preset names its kind and parameter count whole at the smallest
     * window; the card's place in the stack ("encoder[1]") gives way first. The 1000-unit layers of
     * the adversarial presets showed "De..." and "1,001,000 para...".
     */
    @Test
    void everyLayerCardNamesItsKindAndParameterCount() throws Exception {
        List<String> cut = new ArrayList<>();
        for (String preset : org.aeworkbench.engine.model.Presets.names()) {
            WaitForAsyncUtils.asyncFx(() -> wb.design().replace(preset,
                    org.aeworkbench.engine.model.Presets.get(preset, digits.all().sampleShape()))).get();
            WaitForAsyncUtils.waitForFxEvents();
            for (String c : TestWindow.fx(() -> TruncatedTexts.in((javafx.scene.Parent) stage.getScene().lookup("#designer")))) {
                if (c.contains("layer-kind") || c.contains("layer-params")) {
                    cut.add(preset + ": " + c);
                }
            }
        }
        assertTrue(cut.isEmpty(), String.join("\n", cut));
    }

    @Test
    void theWindowCannotBeMadeSmallerThanTheSizeAtWhichEverythingFits() {
        assertEquals(MainWindow.MIN_WIDTH, stage.getMinWidth());
        assertEquals(MainWindow.MIN_HEIGHT, stage.getMinHeight());
        assertEquals(1100, MainWindow.MIN_WIDTH, "the size the issue measured");
        assertEquals(700, MainWindow.MIN_HEIGHT);
    }

    /**
     * All ten centre tabs' headers are on screen at the minimum size, inside the centre pane, none
     * over another, their titles whole, and a click on each shows its tab. A single header row
     * hid the last four tabs under an overflow menu at this width.
     */
    @Test
    void everyTabHeaderIsShownWholeAndAClickShowsItsTab(FxRobot robot) throws Exception {
        List<String> ids = TestWindow.fx(() -> window.tabs().getTabs().stream().map(t -> "#" + t.getId()).toList());
        assertEquals(10, ids.size());
        javafx.geometry.Bounds centre = TestWindow.fx(() -> {
            javafx.scene.Node c = stage.getScene().lookup("#centre");
            return c.localToScene(c.getLayoutBounds());
        });
        List<javafx.geometry.Bounds> seen = new ArrayList<>();
        for (String id : ids) {
            javafx.scene.Node header = robot.lookup(id).match(org.testfx.util.NodeQueryUtils.isVisible()).query();
            javafx.geometry.Bounds b = TestWindow.fx(() -> header.localToScene(header.getLayoutBounds()));
            assertTrue(centre.contains(b), id + " at " + b + " is outside the centre pane " + centre);
            for (javafx.geometry.Bounds other : seen) {
                assertTrue(!other.intersects(b.getMinX() + 1, b.getMinY() + 1, b.getWidth() - 2, b.getHeight() - 2),
                        id + " overlaps another header");
            }
            seen.add(b);
            robot.clickOn(id);
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(id.substring(1), TestWindow.fx(() -> window.tabs().getSelectionModel().getSelectedItem().getId()));
        }
        List<String> cut = TestWindow.fx(() -> TruncatedTexts.in(stage.getScene().lookup("#centre").getParent(), "status-blas"));
        assertTrue(cut.isEmpty(), String.join("\n", cut));
    }

    @Test
    void everyTabShowsItsTextsWholeForDigits(FxRobot robot) throws Exception {
        use(digits, 2);
        robot.clickOn("#train-button");
        waitFor(60, () -> wb.training().state() == State.IDLE && wb.training().epochsTrainedProperty().get() == 2);
        List<String> cut = cutOnEveryTab(robot);
        assertTrue(cut.isEmpty(), String.join("\n", cut));
    }

    /**
     * After a run the Reconstructions gallery shows its three rows whole, each with its figures, and
     * the table under it takes the room left. Before, at this smallest window the gallery showed
     * 128 px of its 221 px of rows (the view shrank it as much as the table), and at 1400x900 187
     * px, the PCA row's figures hidden: its height followed its rows' laid-out height, which
     * changes within a layout pass, so the pass kept an older one.
     */
    @Test
    void theReconstructionsGalleryShowsItsRowsWhole(FxRobot robot) throws Exception {
        use(digits, 2);
        robot.clickOn("#train-button");
        waitFor(60, () -> wb.training().state() == State.IDLE && wb.training().epochsTrainedProperty().get() == 2);
        robot.clickOn("#tab-reconstructions");
        waitFor(60, () -> !window.view(ReconstructionsView.class).summary().isEmpty());
        Thread.sleep(300);
        WaitForAsyncUtils.waitForFxEvents();
        double[] heights = TestWindow.fx(() -> {
            Region grid = (Region) stage.getScene().lookup("#reconstruction-grid");
            Node scroll = grid;
            while (!(scroll instanceof ScrollPane)) {
                scroll = scroll.getParent();
            }
            return new double[] {grid.getHeight(), ((ScrollPane) scroll).getViewportBounds().getHeight()};
        });
        assertTrue(heights[0] > 100, "the gallery's rows: " + heights[0] + " px");
        assertTrue(heights[1] >= heights[0] - 0.5, "the gallery shows " + heights[1] + " px of its " + heights[0] + " px of rows");
    }

    @Test
    void everyTabShowsItsTextsWholeForATableOfValues(FxRobot robot) throws Exception {
        use(customers, 30);
        robot.clickOn("#train-button");
        waitFor(60, () -> wb.training().state() == State.IDLE && wb.training().epochsTrainedProperty().get() == 30);
        List<String> cut = cutOnEveryTab(robot);
        assertTrue(cut.isEmpty(), String.join("\n", cut));
    }

    @Test
    void aStoppedRunSaysSoInFull(FxRobot robot) throws Exception {
        use(digits, 500);
        javafx.scene.control.Label status = (javafx.scene.control.Label) stage.getScene().lookup("#status-message");
        javafx.scene.control.Tooltip tip = TestWindow.fx(status::getTooltip);
        robot.clickOn("#train-button");
        waitFor(90, () -> wb.training().epochsTrainedProperty().get() >= 2);
        robot.clickOn("#stop-button");
        waitFor(90, () -> wb.training().state() == State.IDLE);
        WaitForAsyncUtils.waitForFxEvents();
        String message = wb.training().messageProperty().get();
        assertTrue(message.startsWith("Stopped"), message);
        // The tooltip says the message in full, and is the one the bar had: a new one per message
        // cost the FX thread a popup scene at every change.
        assertSame(tip, TestWindow.fx(status::getTooltip));
        assertEquals(TestWindow.fx(status::getText), TestWindow.fx(tip::getText));
        assertTrue(TestWindow.fx(tip::getText).startsWith("Stopped"), TestWindow.fx(tip::getText));
        List<String> cut = TestWindow.fx(() -> TruncatedTexts.in(stage.getScene().lookup("#status-bar").getParent(), "status-blas"));
        assertTrue(cut.isEmpty(), String.join("\n", cut));
    }
}
