package org.aeworkbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import javafx.stage.Stage;
import org.aeworkbench.engine.layer.Activation;
import org.aeworkbench.engine.model.DenseSpec;
import org.aeworkbench.engine.model.LayerSpec;
import org.aeworkbench.engine.model.ModelSpec;
import org.aeworkbench.ui.dataset.PreparedData;
import org.aeworkbench.ui.latent.LatentView;
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
 * As a run ends the Latent tab shows every sample, PCA's plane beside the codes. That plane
 * depends on the data and the PCA fit, not on the model, so a second run on the same data shows
 * the one projected after the first (all 60,000 samples of Fashion-MNIST were projected again at
 * every run's end).
 */
@ExtendWith(ApplicationExtension.class)
class WholePlaneProjectedOnceUiTest {

    private static PreparedData tiny;

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
        var encoder = List.<LayerSpec>of(new DenseSpec(32, Activation.RELU), new DenseSpec(2, Activation.IDENTITY));
        wb.design().reset(wb.design().spec().withLayers(encoder, ModelSpec.mirrorDecoder(encoder, 784, Activation.SIGMOID))
                .withTraining(wb.design().spec().training().withEpochs(1).withBatchSize(50)));
    }

    @Test
    void aSecondRunOnTheSameDataShowsThePlaneProjectedAfterTheFirst(FxRobot robot) throws Exception {
        robot.clickOn("#tab-latent-space");
        LatentView latent = window.view(LatentView.class);
        robot.clickOn("#train-button");
        TestWindow.waitFor(120, () -> wb.training().state() == State.IDLE && latent.wholePlane() != null);
        float[] first = TestWindow.fx(latent::wholePlane);
        assertEquals(2 * 500, first.length, "every sample on PCA's plane");

        robot.clickOn("#train-button");
        TestWindow.waitFor(120, () -> wb.training().state() == State.RUNNING || wb.training().epochsTrainedProperty().get() > 1);
        TestWindow.waitFor(120, () -> wb.training().state() == State.IDLE && wb.training().epochsTrainedProperty().get() > 1
                && latent.wholePlane() != null);
        assertSame(first, TestWindow.fx(latent::wholePlane), "the plane of the same samples under the same PCA fit, not projected again");
        assertEquals(500, TestWindow.fx(latent::pcaPoints));
    }
}
