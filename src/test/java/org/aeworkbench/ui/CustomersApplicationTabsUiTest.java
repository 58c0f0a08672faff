package org.aeworkbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.stage.Stage;
import org.aeworkbench.data.Dataset;
import org.aeworkbench.ui.anomaly.AnomalyView;
import org.aeworkbench.ui.clustering.ClusteringView;
import org.aeworkbench.ui.codes.ClassesNeeded;
import org.aeworkbench.ui.dataset.DataModel;
import org.aeworkbench.ui.dataset.DataReference;
import org.aeworkbench.ui.dataset.PreparedData;
import org.aeworkbench.ui.probe.ProbeView;
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
import org.testfx.util.WaitForAsyncUtils;

/**
 * The seeds' five customers, whose first column names each row: the application tabs say in one
 * line that these labels form no classes, instead of showing NaN precision or scoring a
 * classifier on a class it never saw; Retrieval still shows the held-out customer's neighbours.
 */
@ExtendWith(ApplicationExtension.class)
class CustomersApplicationTabsUiTest {

    private static PreparedData customers;
    private static PreparedData digits;

    private WorkbenchModel wb;
    private MainWindow window;

    @BeforeAll
    static void data() {
        digits = TestWindow.prepare(200);
        customers = DataModel.prepare(DataReference.of("customers"));
    }

    @Start
    void start(Stage s) {
        TestWindow shown = TestWindow.show(s, 1400, 860);
        wb = shown.wb();
        window = shown.main();
    }

    @Test
    void labelsThatNameEachSampleAreNoClasses() {
        Dataset all = customers.all();
        assertTrue(all.labelsNameEachSample());
        assertEquals("Every sample of customers has a label of its own (Customer1, Customer2, \u2026): the labels name"
                + " the samples and form no classes, so nothing is measured.", ClassesNeeded.note(all, "nothing is measured"));
        assertFalse(digits.all().labelsNameEachSample(), "200 digits share 10 classes");
        assertNull(ClassesNeeded.note(digits.all(), "x"));
    }

    /** Trains a small design on the customers table with the Train button, once PCA has been fitted to it. */
    private void trainOnCustomers(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            wb.data().set(customers);
            wb.design().replace("small", TestWindow.small(6, 30));
        }).get();
        TestWindow.waitFor(60, () -> wb.pca().fitted() != null && wb.pca().fitted().data() == customers);
        robot.clickOn("#train-button");
    }

    /** The run's figures side by side: every figure name and the run's header whole, not "validation squared...". */
    @Test
    void theRunsComparisonShowsItsNamesWhole(FxRobot robot) throws Exception {
        trainOnCustomers(robot);
        TestWindow.waitFor(60, () -> wb.training().state() == State.IDLE && wb.runs().runs().size() == 1);
        robot.clickOn("#tab-runs");
        robot.interact(() -> wb.runs().select(java.util.List.of(wb.runs().runs().get(0).id())));
        Thread.sleep(500);
        WaitForAsyncUtils.waitForFxEvents();
        java.util.List<String> cut = TestWindow.fx(() -> TruncatedTexts.in(
                (javafx.scene.Parent) window.root().lookup("#runs-comparison")));
        assertTrue(cut.isEmpty(), String.join("\n", cut));
    }

    @Test
    void eachApplicationTabSaysWhyItsMeasuresDoNotApply(FxRobot robot) throws Exception {
        trainOnCustomers(robot);
        TestWindow.waitFor(60, () -> wb.training().state() == State.IDLE && wb.training().epochsTrainedProperty().get() == 30);
        String own = "has a label of its own";

        assertTrue(window.view(AnomalyView.class).model().statusProperty().get().contains(own));
        assertTrue(window.view(ClusteringView.class).model().statusProperty().get().contains(own));
        robot.clickOn("#tab-probe");
        robot.clickOn("#probe-button");
        TestWindow.waitFor(10, () -> !window.view(ProbeView.class).model().busyProperty().get());
        assertTrue(window.view(ProbeView.class).model().statusProperty().get().contains(own));
        assertNull(window.view(ProbeView.class).model().resultProperty().get(), "no accuracy on a class never trained on");

        robot.clickOn("#tab-retrieval");
        var retrieval = window.view(RetrievalView.class).model();
        TestWindow.waitFor(60, () -> retrieval.overviewProperty().get() != null);
        assertTrue(retrieval.statusProperty().get().contains(own), retrieval.statusProperty().get());
        assertNull(retrieval.overviewProperty().get().scores(), "no NaN precision");
        robot.interact(() -> retrieval.query(0));
        TestWindow.waitFor(30, () -> retrieval.queryProperty().get() != null);
        assertNotNull(retrieval.queryProperty().get(), "the neighbours are still shown");
        for (var row : retrieval.queryProperty().get().rows()) {
            assertTrue(Double.isNaN(row.precision()), "no precision@k against names: " + row.method());
        }
    }
}
