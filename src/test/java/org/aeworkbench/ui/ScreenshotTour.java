package org.aeworkbench.ui;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.aeworkbench.ui.dataset.DataReference;
import org.aeworkbench.ui.design.LayerPath;
import org.aeworkbench.ui.shell.MainWindow;
import org.aeworkbench.ui.training.TrainingSession.State;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.aeworkbench.ui.workbench.WorkbenchModel;

/**
 * Saves a screenshot of each tab after a real training run, for the README:
 * <pre>mvn test -Dtest=ScreenshotTour -Daeworkbench.screenshots=$PWD/assets/screenshots -Dheadless.geometry=1600x1000-32</pre>
 * {@code everyTab} trains the reference design on the bundled MNIST sample (training, latent space,
 * reconstructions, weights), then the 2-D VAE (designer, generate); {@code customers} trains a
 * 6-4-2 design on the seeds' five customers, whose every value should be readable (customers-*.png).
 * Skipped unless the property is set.
 * {@code -Dtest=ScreenshotTour#variantTabs} takes the adversarial autoencoder's codes filling the
 * supervised mixture prior (aae-mixture.png) and the RBM stages of hinton-2006-rbm (rbm-stages.png).
 */
@ExtendWith(ApplicationExtension.class)
class ScreenshotTour {

    private WorkbenchModel wb;
    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage s) {
        if (System.getProperty("aeworkbench.screenshots") == null) {
            return;
        }
        stage = s;
        TestWindow shown = TestWindow.show(s, 1400, 860);
        wb = shown.wb();
        window = shown.main();
    }

    private static void waitFor(int seconds, Callable<Boolean> condition) throws Exception {
        TestWindow.waitFor(seconds, condition);
    }

    private void shot(FxRobot robot, Path dir, String name) throws Exception {
        Thread.sleep(1500); // background galleries and metrics settle
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage img = WaitForAsyncUtils.asyncFx(() -> stage.getScene().snapshot(null)).get(10, TimeUnit.SECONDS);
        File f = dir.resolve(name).toFile();
        ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", f);
        System.out.println("wrote " + f);
    }

    private void trainToEnd(int epochs) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            wb.design().edit("epochs", s -> s.withTraining(s.training().withEpochs(epochs)));
            wb.train();
        }).get();
        // The adversarial preset's 20 epochs of 784-1000-1000-2 take a quarter of an hour on a loaded machine.
        waitFor(3600, () -> wb.training().state() == State.IDLE && wb.training().epochsTrainedProperty().get() >= epochs);
    }

    /** The seeds' worked example: five customers by six products, each tab with its values readable. */
    @Test
    void customers(FxRobot robot) throws Exception {
        Assumptions.assumeTrue(System.getProperty("aeworkbench.screenshots") != null, "set -Daeworkbench.screenshots=DIR");
        Path dir = Path.of(System.getProperty("aeworkbench.screenshots"));
        Files.createDirectories(dir);
        robot.interact(() -> wb.loadData(DataReference.of("customers")));
        waitFor(60, () -> wb.data().current() != null && wb.data().current().all().samples() == 5 && wb.pca().fitted() != null);
        robot.interact(() -> {
            var encoder = java.util.List.<org.aeworkbench.engine.model.LayerSpec>of(
                    new org.aeworkbench.engine.model.DenseSpec(4, org.aeworkbench.engine.layer.Activation.RELU),
                    new org.aeworkbench.engine.model.DenseSpec(2, org.aeworkbench.engine.layer.Activation.IDENTITY));
            wb.design().replace("customers design", org.aeworkbench.engine.model.ModelSpec.of("customers", encoder,
                            org.aeworkbench.engine.model.ModelSpec.mirrorDecoder(encoder, 6, org.aeworkbench.engine.layer.Activation.SIGMOID),
                            org.aeworkbench.engine.loss.ReconstructionLoss.BCE)
                    .withOptimizer(org.aeworkbench.engine.optim.OptimizerSpec.adam(1e-2))
                    .withTraining(wb.design().spec().training().withBatchSize(4)));
        });
        trainToEnd(400);
        robot.clickOn("#tab-training");
        shot(robot, dir, "customers-training.png");

        robot.clickOn("#tab-latent-space");
        var latent = window.view(org.aeworkbench.ui.latent.LatentView.class);
        waitFor(60, () -> latent.aePoints() == 5);
        Thread.sleep(2000);
        double[] p = latent.autoencoderPlot().toScreen(latent.autoencoderPlot().coordinates()[0],
                latent.autoencoderPlot().coordinates()[1]);
        if (p != null) {
            robot.clickOn(p[0], p[1]);
            robot.moveTo("#tab-latent-space"); // the hover card off the plot
        }
        shot(robot, dir, "customers-latent.png");

        robot.clickOn("#tab-reconstructions");
        var recon = window.view(org.aeworkbench.ui.reconstructions.ReconstructionsView.class);
        waitFor(60, () -> !recon.valueCards().isEmpty());
        shot(robot, dir, "customers-reconstructions.png");

        robot.clickOn("#tab-generate");
        var generate = window.view(org.aeworkbench.ui.generate.GenerateView.class);
        waitFor(60, () -> generate.plane().pointCount() == 5);
        robot.clickOn("#random-pair");
        waitFor(30, () -> generate.stripImages() > 0);
        robot.interact(() -> ((javafx.scene.control.Spinner<Integer>) stage.getScene().lookup("#manifold-size"))
                .getValueFactory().setValue(6));
        robot.clickOn("#manifold-button");
        Thread.sleep(1500);
        shot(robot, dir, "customers-generate.png");

        robot.clickOn("#tab-weights");
        var weights = window.view(org.aeworkbench.ui.weights.WeightsView.class);
        waitFor(60, () -> !weights.filterNote().isEmpty());
        shot(robot, dir, "customers-weights.png");

        // The application tabs: each either works on five unlabelled-by-class rows or says in one line why not.
        robot.clickOn("#tab-anomaly");
        shot(robot, dir, "customers-anomaly.png");
        robot.clickOn("#tab-runs");
        robot.interact(() -> wb.runs().select(java.util.List.of(wb.runs().runs().get(0).id())));
        shot(robot, dir, "customers-runs.png");
        robot.clickOn("#tab-retrieval");
        var retrieval = window.view(org.aeworkbench.ui.retrieval.RetrievalView.class).model();
        waitFor(60, () -> retrieval.overviewProperty().get() != null);
        robot.interact(() -> retrieval.query(0));
        waitFor(30, () -> retrieval.queryProperty().get() != null);
        shot(robot, dir, "customers-retrieval.png");
        robot.clickOn("#tab-clustering");
        shot(robot, dir, "customers-clustering.png");
        robot.clickOn("#tab-probe");
        robot.clickOn("#probe-button");
        shot(robot, dir, "customers-probe.png");
    }

    /**
     * A lesson in progress (lesson.png: lesson 3 at its question, the scores under the plots) and
     * two runs overlaid in the Runs tab (runs.png: the lesson's reference design at k = 2 against k = 30).
     */
    @Test
    void lessonAndRuns(FxRobot robot) throws Exception {
        Assumptions.assumeTrue(System.getProperty("aeworkbench.screenshots") != null, "set -Daeworkbench.screenshots=DIR");
        Path dir = Path.of(System.getProperty("aeworkbench.screenshots"));
        Files.createDirectories(dir);
        robot.interact(() -> {
            stage.setWidth(1600);
            stage.setHeight(1000);
            window.showLessons();
        });
        var model = window.lessonPanel().model();
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<org.aeworkbench.lesson.Lesson> chooser =
                robot.lookup("#lesson-chooser").queryAs(javafx.scene.control.ComboBox.class);
        robot.interact(() -> chooser.setValue(chooser.getItems().get(2)));
        waitFor(120, () -> model.readyProperty().get());
        robot.clickOn("#lesson-show-me");
        waitFor(900, () -> model.canNextProperty().get());
        robot.clickOn("#lesson-next");
        waitFor(120, () -> model.readyProperty().get() && model.metProperty().get());
        robot.clickOn("#lesson-attempt").write("The autoencoder's: its clusters look more separate.");
        shot(robot, dir, "lesson.png");

        robot.clickOn("#lesson-close");
        robot.interact(() -> wb.design().edit("code size", s -> s.withCodeSize(30)));
        robot.clickOn("#train-button");
        waitFor(900, () -> wb.training().state() == State.IDLE && wb.runs().runs().size() == 2);
        robot.interact(() -> {
            wb.runs().rename(1, "k = 2");
            wb.runs().rename(2, "k = 30");
        });
        robot.interact(() -> {
            javafx.scene.control.TabPane tabs = (javafx.scene.control.TabPane) stage.getScene().lookup("#tabs");
            tabs.getSelectionModel().select(tabs.getTabs().stream().filter(t -> "tab-runs".equals(t.getId())).findFirst().orElseThrow());
            wb.runs().select(java.util.List.of(1, 2));
        });
        shot(robot, dir, "runs.png");
    }

    @Test
    void variantTabs(FxRobot robot) throws Exception {
        Assumptions.assumeTrue(System.getProperty("aeworkbench.screenshots") != null, "set -Daeworkbench.screenshots=DIR");
        Path dir = Path.of(System.getProperty("aeworkbench.screenshots"));
        Files.createDirectories(dir);
        robot.interact(() -> wb.loadData(DataReference.of("mnist")));
        waitFor(60, () -> wb.data().current() != null && wb.pca().fitted() != null);

        robot.interact(() -> wb.applyPreset("aae-mixture"));
        trainToEnd(wb.design().spec().training().epochs());
        robot.clickOn("#tab-latent-space");
        waitFor(120, () -> window.view(org.aeworkbench.ui.latent.LatentView.class).aePoints() > 0);
        Thread.sleep(4000); // metrics are computed once training has ended
        shot(robot, dir, "aae-mixture.png");

        robot.interact(() -> wb.applyPreset("hinton-2006-rbm"));
        trainToEnd(wb.design().spec().training().epochs());
        robot.clickOn("#tab-training");
        shot(robot, dir, "rbm-stages.png");
    }

    @Test
    void everyTab(FxRobot robot) throws Exception {
        Assumptions.assumeTrue(System.getProperty("aeworkbench.screenshots") != null, "set -Daeworkbench.screenshots=DIR");
        Path dir = Path.of(System.getProperty("aeworkbench.screenshots"));
        Files.createDirectories(dir);
        robot.interact(() -> wb.loadData(DataReference.of("mnist")));
        waitFor(60, () -> wb.data().current() != null && wb.pca().fitted() != null);

        trainToEnd(10);
        robot.clickOn("#tab-training");
        shot(robot, dir, "training.png");

        robot.clickOn("#tab-latent-space");
        waitFor(120, () -> window.view(org.aeworkbench.ui.latent.LatentView.class).aePoints() > 0);
        Thread.sleep(4000); // metrics are computed once training has ended
        double[] p = window.view(org.aeworkbench.ui.latent.LatentView.class).autoencoderPlot().toScreen(
                window.view(org.aeworkbench.ui.latent.LatentView.class).autoencoderPlot().coordinates()[0], window.view(org.aeworkbench.ui.latent.LatentView.class).autoencoderPlot().coordinates()[1]);
        if (p != null) {
            robot.clickOn(p[0], p[1]);
        }
        shot(robot, dir, "latent.png");

        robot.clickOn("#tab-reconstructions");
        waitFor(60, () -> window.view(org.aeworkbench.ui.reconstructions.ReconstructionsView.class).imageCount() > 0);
        shot(robot, dir, "reconstructions.png");

        robot.clickOn("#tab-weights");
        waitFor(60, () -> window.view(org.aeworkbench.ui.weights.WeightsView.class).filterCount() > 0);
        shot(robot, dir, "weights.png");

        robot.interact(() -> wb.applyPreset("vae-2d"));
        trainToEnd(15);
        robot.clickOn("#tab-generate");
        waitFor(60, () -> window.view(org.aeworkbench.ui.generate.GenerateView.class).plane().pointCount() > 0);
        robot.clickOn("#random-pair");
        waitFor(30, () -> window.view(org.aeworkbench.ui.generate.GenerateView.class).stripImages() > 0);
        robot.clickOn("#manifold-button");
        Thread.sleep(2000);
        shot(robot, dir, "generate.png");

        // The designer with a problem flagged: an output layer that does not match the input.
        robot.interact(() -> {
            wb.design().replaceLayer(LayerPath.decoder(1), new org.aeworkbench.engine.model.DenseSpec(100,
                    org.aeworkbench.engine.layer.Activation.SIGMOID), "units");
            wb.design().select(LayerPath.decoder(1));
        });
        robot.clickOn("#tab-training");
        shot(robot, dir, "designer.png");
    }
}
