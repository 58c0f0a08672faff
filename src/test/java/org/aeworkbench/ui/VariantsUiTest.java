package org.aeworkbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.scene.control.ComboBox;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import org.aeworkbench.engine.layer.Activation;
import org.aeworkbench.engine.model.AdversarialSpec;
import org.aeworkbench.engine.model.DenseSpec;
import org.aeworkbench.engine.model.RbmPretrainingSpec;
import org.aeworkbench.engine.variant.adversarial.CodePrior;
import org.aeworkbench.engine.variant.adversarial.HiddenWidths;
import org.aeworkbench.ui.dataset.PreparedData;
import org.aeworkbench.ui.design.Variant;
import org.aeworkbench.ui.generate.GenerateView;
import org.aeworkbench.ui.latent.LatentView;
import org.aeworkbench.ui.run.TrainingUpdate.StageMark;
import org.aeworkbench.ui.shell.MainWindow;
import org.aeworkbench.ui.training.TrainingSession.State;
import org.aeworkbench.ui.training.TrainingView;
import org.aeworkbench.ui.weights.WeightsView;
import org.aeworkbench.ui.workbench.WorkbenchModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The adversarial autoencoder and RBM pretraining in the window: each chosen in the variant chooser,
 * trained for an epoch on 500 digits, and the views showing what the variant adds (the figures
 * beside the loss, the prior behind the codes, its samples decoded; the RBM stages, each RBM's
 * filters, a Gibbs chain from the top RBM).
 */
@ExtendWith(ApplicationExtension.class)
class VariantsUiTest {

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
        // A small design, 784-32-2 mirrored, so that an epoch takes a moment.
        var encoder = List.<org.aeworkbench.engine.model.LayerSpec>of(new DenseSpec(32, Activation.RELU),
                new DenseSpec(2, Activation.IDENTITY));
        wb.design().reset(wb.design().spec().withLayers(encoder,
                        org.aeworkbench.engine.model.ModelSpec.mirrorDecoder(encoder, 784, Activation.SIGMOID))
                .withTraining(wb.design().spec().training().withEpochs(1).withBatchSize(50)));
    }

    private void choose(FxRobot robot, String title) {
        @SuppressWarnings("unchecked")
        ComboBox<Variant> chooser = robot.lookup("#variant-chooser").queryAs(ComboBox.class);
        robot.interact(() -> chooser.setValue(Variant.titled(title)));
    }

    private void trainOneRun(FxRobot robot) throws Exception {
        robot.clickOn("#train-button");
        TestWindow.waitFor(120, () -> wb.training().state() == State.IDLE && wb.training().epochsTrainedProperty().get() > 0);
    }

    @Test
    void theAdversarialAutoencoderShowsItsGameItsPriorAndSamplesOfIt(FxRobot robot) throws Exception {
        choose(robot, "Adversarial (AAE)");
        assertEquals(AdversarialSpec.of(CodePrior.GAUSSIAN), wb.design().spec().variant(AdversarialSpec.class));
        robot.interact(() -> wb.design().edit("supervised mixture", s -> s.with(new AdversarialSpec(
                CodePrior.SUPERVISED_MIXTURE, 10, HiddenWidths.of(64, 64), 1e-3, 1e-3))));
        trainOneRun(robot);
        assertFalse(wb.training().messageIsProblemProperty().get(), wb.training().messageProperty().get());

        TrainingView training = window.view(TrainingView.class);
        assertTrue(training.figurePoints() >= 4 * 2, "discriminator, generator and both accuracies, live");
        assertTrue(robot.lookup("#figures-chart").query().isVisible());

        robot.clickOn("#tab-latent-space");
        LatentView latent = window.view(LatentView.class);
        TestWindow.waitFor(10, () -> latent.aePoints() == 500);
        assertEquals(2000, latent.autoencoderPlot().backdropCount(), "the prior's draws behind the codes");

        robot.clickOn("#tab-generate");
        GenerateView generate = window.view(GenerateView.class);
        TestWindow.waitFor(10, () -> generate.plane().pointCount() == 500);
        assertTrue(robot.lookup("#sample-prior").query().isVisible());
        assertFalse(robot.lookup("#gibbs-panel").query().isVisible());
        robot.clickOn("#sample-prior");
        GridPane grid = robot.lookup("#manifold-grid").queryAs(GridPane.class);
        TestWindow.waitFor(10, () -> grid.getChildren().size() == 32);
        robot.clickOn("#random-pair");
        TestWindow.waitFor(10, () -> generate.stripImages() == 10);
    }

    @Test
    void rbmPretrainingShowsEachStageEachRbmsFiltersAndAGibbsChain(FxRobot robot) throws Exception {
        choose(robot, "Deep belief net (RBM pretraining)");
        var spec = wb.design().spec();
        assertEquals(Activation.SIGMOID, ((DenseSpec) spec.encoder().get(0)).activation(), "a logistic stack");
        robot.interact(() -> wb.design().edit("one epoch per RBM", s -> s.with(new RbmPretrainingSpec(1, 0.1, 0.9, 2e-4, 1))));
        trainOneRun(robot);
        assertFalse(wb.training().messageIsProblemProperty().get(), wb.training().messageProperty().get());
        assertEquals(List.of("rbm 1/2", "rbm 2/2", "fine-tune"),
                wb.training().history().stages().stream().map(StageMark::name).toList());
        TrainingView training = window.view(TrainingView.class);
        assertEquals(3 * 2, training.epochPoints(), "each RBM's reconstruction error, then fine-tuning, train and validation");
        assertEquals(2, training.figurePoints(), "each RBM's free-energy gap");

        robot.clickOn("#tab-weights");
        WeightsView weights = window.view(WeightsView.class);
        TestWindow.waitFor(10, () -> weights.filterCount() == 32);
        assertTrue(robot.lookup("#filter-layer").query().isVisible());
        robot.interact(() -> weights.showLayer(2));
        TestWindow.waitFor(10, () -> weights.filterCount() == 2 && weights.filterNote().contains("through the layers below"));

        robot.clickOn("#tab-generate");
        GenerateView generate = window.view(GenerateView.class);
        assertTrue(robot.lookup("#gibbs-panel").query().isVisible());
        robot.clickOn("#gibbs-button");
        TestWindow.waitFor(10, () -> generate.gibbsFrames() == 11 * 6);
    }
}
