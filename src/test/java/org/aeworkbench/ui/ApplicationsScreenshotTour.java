package org.aeworkbench.ui;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.aeworkbench.ui.dataset.DataReference;
import org.aeworkbench.ui.clustering.ClusteringView;
import org.aeworkbench.ui.probe.ProbeView;
import org.aeworkbench.ui.retrieval.RetrievalView;
import org.aeworkbench.ui.shell.MainWindow;
import org.aeworkbench.ui.training.TrainingSession.State;
import org.aeworkbench.ui.workbench.WorkbenchModel;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Screenshots of the Retrieval, Clustering and Probe tabs for the README, after real training runs
 * on the bundled Fashion-MNIST sample:
 * <pre>mvn test -Dtest=ApplicationsScreenshotTour -Daeworkbench.screenshots=$PWD/assets/screenshots -Dheadless.geometry=1600x1000-32</pre>
 * Skipped unless the property is set.
 */
@ExtendWith(ApplicationExtension.class)
class ApplicationsScreenshotTour {

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

    private void shot(Path dir, String name) throws Exception {
        Thread.sleep(1500);
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage img = WaitForAsyncUtils.asyncFx(() -> stage.getScene().snapshot(null)).get(10, TimeUnit.SECONDS);
        File f = dir.resolve(name).toFile();
        ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", f);
        System.out.println("wrote " + f);
    }

    /**
     * Trains the preset at the code size to the end. A new design re-prepares the data in the
     * background, and Train is refused until that is done, so this waits for Train to be allowed;
     * the run has ended when the trained model is this design's and the session is idle.
     */
    private void train(String preset, int codeSize, int epochs) throws Exception {
        var spec = TestWindow.fx(() -> {
            wb.applyPreset(preset);
            wb.design().edit("code size", s -> s.withCodeSize(codeSize).withTraining(s.training().withEpochs(epochs).withSeed(1)));
            return wb.design().spec();
        });
        TestWindow.waitFor(300, () -> TestWindow.fx(() -> wb.trainBlockedProperty().get().isEmpty()));
        TestWindow.fx(() -> {
            wb.train();
            return null;
        });
        TestWindow.waitFor(1800, () -> TestWindow.fx(() -> wb.training().state() == State.IDLE
                && wb.training().model() != null && wb.training().model().weights().spec().equals(spec)
                && wb.training().epochsTrainedProperty().get() >= epochs));
    }

    @Test
    void applicationTabs(FxRobot robot) throws Exception {
        Assumptions.assumeTrue(System.getProperty("aeworkbench.screenshots") != null, "set -Daeworkbench.screenshots=DIR");
        Path dir = Path.of(System.getProperty("aeworkbench.screenshots"));
        Files.createDirectories(dir);
        robot.interact(() -> wb.loadData(DataReference.of("fashion-mnist")));
        TestWindow.waitFor(60, () -> wb.data().current() != null && wb.pca().fitted() != null);

        train("reference", 32, 10);
        CentreTab.select(robot, window, "tab-retrieval");
        RetrievalView retrieval = window.view(RetrievalView.class);
        TestWindow.waitFor(300, () -> retrieval.model().overviewProperty().get() != null);
        robot.clickOn("#retrieval-pick-3");
        TestWindow.waitFor(60, () -> retrieval.model().queryProperty().get() != null);
        shot(dir, "retrieval.png");

        CentreTab.select(robot, window, "tab-probe");
        ProbeView probe = window.view(ProbeView.class);
        robot.clickOn("#probe-button");
        TestWindow.waitFor(600, () -> probe.model().resultProperty().get() != null);
        shot(dir, "probe.png");

        train("reference", 10, 10);
        CentreTab.select(robot, window, "tab-clustering");
        ClusteringView clustering = window.view(ClusteringView.class);
        robot.clickOn("#cluster-button");
        TestWindow.waitFor(300, () -> clustering.model().resultProperty().get() != null);
        robot.clickOn("#dec-button");
        TestWindow.waitFor(900, () -> !clustering.model().busyProperty().get()
                && clustering.model().resultProperty().get().row("DEC") != null);
        shot(dir, "clustering.png");
    }
}
