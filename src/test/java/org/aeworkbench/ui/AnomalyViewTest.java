package org.aeworkbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.Slider;
import javafx.scene.control.TableView;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.aeworkbench.analysis.anomaly.AnomalyResult;
import org.aeworkbench.analysis.ranking.Confusion;
import org.aeworkbench.engine.layer.Activation;
import org.aeworkbench.engine.model.DenseSpec;
import org.aeworkbench.ui.anomaly.AnomalyModel;
import org.aeworkbench.ui.anomaly.AnomalyView;
import org.aeworkbench.ui.dataset.PreparedData;
import org.aeworkbench.ui.shell.MainWindow;
import org.aeworkbench.ui.workbench.WorkbenchModel;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Anomaly tab driven as a user would: choose "all digits but 7" with the checkboxes, train on
 * the normal samples, move the threshold and read precision, recall, F1 and the false-positive rate,
 * which must be the counts of the scores at that threshold. 2,000 MNIST digits and 2 epochs of a
 * small design keep it short. With {@code -Daeworkbench.screenshots=DIR} it also saves
 * {@code anomaly.png} of the reference design at code size 32 trained 10 epochs on the whole sample.
 */
@ExtendWith(ApplicationExtension.class)
class AnomalyViewTest {

    private static PreparedData digits;

    private WorkbenchModel wb;
    private MainWindow window;
    private Stage stage;

    @BeforeAll
    static void data() {
        digits = TestWindow.prepare(System.getProperty("aeworkbench.screenshots") == null ? 2000 : 10_000);
    }

    @Start
    void start(Stage s) {
        stage = s;
        TestWindow shown = TestWindow.show(s, 1400, 900);
        wb = shown.wb();
        window = shown.main();
        wb.data().set(digits);
    }

    private void chooseAllBut7AndTrain(FxRobot robot) throws Exception {
        robot.clickOn("#tab-anomaly");
        AnomalyModel m = window.view(AnomalyView.class).model();
        // The view opens with all classes but the last normal; "all" then unticking 7 gives "all but 7".
        robot.clickOn("#normal-all");
        assertTrue(m.normal().all());
        robot.clickOn("#normal-7");
        assertEquals("all but 7", m.normal().describe());
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 8, 9), m.normal().indices());
        robot.clickOn("#anomaly-train");
        TestWindow.waitFor(600, () -> m.result() != null && !m.runningProperty().get());
    }

    @Test
    void choosingNormalClassesTrainingAndMovingTheThresholdGivesTheMetricsOfThoseCounts(FxRobot robot) throws Exception {
        // A small, fast design: 784-32-8-32-784, two epochs.
        robot.interact(() -> wb.design().reset(wb.design().spec().withLayers(
                List.of(new DenseSpec(32, Activation.RELU), new DenseSpec(8, Activation.IDENTITY)),
                List.of(new DenseSpec(32, Activation.RELU), new DenseSpec(784, Activation.SIGMOID)))
                .withTraining(wb.design().spec().training().withEpochs(2).withBatchSize(64))));
        chooseAllBut7AndTrain(robot);
        AnomalyView view = window.view(AnomalyView.class);
        AnomalyModel m = view.model();
        AnomalyResult r = m.result();
        // 20% of the digits held out (2,000, or the 10,000 a screenshot run loads), stratified; the
        // normal training samples are the other 80% without the 7s.
        assertEquals(digits.all().samples() / 5, r.split().test().samples());
        for (int l : r.split().trainNormal().labels()) {
            assertNotEquals(7, l);
        }
        assertTrue(r.ae().summary().auroc() > 0 && r.ae().summary().auroc() < 1, r.ae().summary().toString());
        // The threshold starts at the best F1.
        assertEquals(r.ae().summary().thresholdAtBestF1(), m.thresholdProperty().get(), 0.0);
        String atBest = view.metricsText();

        // Move the threshold with the keyboard, as a user would, and read the metrics again.
        robot.clickOn("#anomaly-threshold");
        robot.type(KeyCode.HOME);
        for (int i = 0; i < 20; i++) {
            robot.type(KeyCode.RIGHT);
        }
        WaitForAsyncUtils.waitForFxEvents();
        double t = m.thresholdProperty().get();
        assertNotEquals(r.ae().summary().thresholdAtBestF1(), t);
        Confusion at = r.ae().sweep().at(t);
        assertEquals(at, m.atThresholdProperty().get());
        String text = view.metricsText();
        assertNotEquals(atBest, text);
        assertTrue(text.contains(String.format(Locale.ROOT, "precision %.3f", at.precision())), text);
        assertTrue(text.contains(String.format(Locale.ROOT, "recall %.3f", at.recall())), text);
        assertTrue(text.contains(String.format(Locale.ROOT, "F1 %.3f", at.f1())), text);
        assertTrue(text.contains(String.format(Locale.ROOT, "false-positive rate %.3f", at.falsePositiveRate())), text);
        // Counting by hand: the anomalies (7s) flagged at that threshold.
        int tp = 0;
        for (int i = 0; i < r.split().test().samples(); i++) {
            tp += r.ae().scores()[i] >= t && r.split().test().labels()[i] == 7 ? 1 : 0;
        }
        assertEquals(tp, at.truePositives());

        // The per-class table lists the ten digits, 7 alone with an AUROC.
        TableView<?> table = robot.lookup("#anomaly-class-table").queryAs(TableView.class);
        assertEquals(10, table.getItems().size());
        assertFalse(r.perClass().get(7).normal());
        assertTrue(Double.isFinite(r.perClass().get(7).aeAuroc()));

        // Moving the slider all the way right flags only the top score.
        robot.interact(() -> robot.lookup("#anomaly-threshold").queryAs(Slider.class).setValue(1000));
        assertEquals(1, m.atThresholdProperty().get().flagged());
    }

    @Test
    void screenshot(FxRobot robot) throws Exception {
        Assumptions.assumeTrue(System.getProperty("aeworkbench.screenshots") != null, "set -Daeworkbench.screenshots=DIR");
        Path dir = Path.of(System.getProperty("aeworkbench.screenshots"));
        Files.createDirectories(dir);
        robot.interact(() -> {
            wb.applyPreset("reference");
            wb.design().edit("code size", s -> s.withCodeSize(32).withTraining(s.training().withEpochs(10).withSeed(1)));
        });
        chooseAllBut7AndTrain(robot);
        Thread.sleep(1500);
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage img = WaitForAsyncUtils.asyncFx(() -> stage.getScene().snapshot(null)).get(10, TimeUnit.SECONDS);
        File f = dir.resolve("anomaly.png").toFile();
        ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", f);
        System.out.println("wrote " + f);
    }
}
