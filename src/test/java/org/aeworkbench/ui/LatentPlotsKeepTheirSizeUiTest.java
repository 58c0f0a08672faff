package org.aeworkbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.aeworkbench.ui.dataset.PreparedData;
import org.aeworkbench.ui.latent.LatentView;
import org.aeworkbench.ui.shell.MainWindow;
import org.aeworkbench.ui.training.TrainingSession.State;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The latent plots keep their size while the texts under them change (empty before a run, the
 * Procrustes line at the first live update, "computing…", then the scores): a resize would move the
 * points under the pointer and redraw both charts on the FX thread, during a run or as it ends.
 */
@ExtendWith(ApplicationExtension.class)
class LatentPlotsKeepTheirSizeUiTest {

    private static PreparedData digits;
    private TestWindow shown;
    private MainWindow window;
    private Stage stage;

    @BeforeAll
    static void data() {
        digits = TestWindow.prepare(300);
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        shown = TestWindow.show(stage, 1260, 780);
        window = shown.main();
    }

    @Test
    void thePlotsAreAsTallAsEachOtherBeforeDuringAndAfterARun(FxRobot robot) throws Exception {
        shown.latentSpaceOnDigits(robot, digits);
        LatentView latent = TestWindow.fx(() -> window.view(LatentView.class));
        Bounds[] before = plots();
        assertEquals(before[0].getHeight(), before[1].getHeight(), 0.5, "the two plots are as tall");
        assertTrue(TestWindow.fx(() -> text("#ae-metrics").isEmpty() && text("#procrustes-distance").isEmpty()),
                "nothing is written under the plots before a run");

        List<Bounds[]> seen = new ArrayList<>();
        robot.clickOn("#train-button");
        TestWindow.waitFor(90, () -> {
            seen.add(plots());
            return TestWindow.fx(() -> shown.wb().training().state() == State.IDLE && text("#ae-metrics").startsWith("Autoencoder"));
        });
        WaitForAsyncUtils.waitForFxEvents();
        seen.add(plots());
        assertTrue(TestWindow.fx(() -> !text("#procrustes-distance").isEmpty() && !text("#metrics-basis").isEmpty()),
                "the texts under the plots are filled in");
        for (Bounds[] b : seen) {
            assertEquals(before[0], b[0], "the autoencoder's plot kept its place and size");
            assertEquals(before[1], b[1], "PCA's plot kept its place and size");
        }
        assertTrue(TestWindow.fx(() -> latent.aePoints() > 0));
    }

    private Bounds[] plots() throws Exception {
        return TestWindow.fx(() -> {
            Node ae = stage.getScene().lookup("#latent-ae");
            Node pca = stage.getScene().lookup("#latent-pca");
            return new Bounds[] {ae.localToScene(ae.getLayoutBounds()), pca.localToScene(pca.getLayoutBounds())};
        });
    }

    private String text(String id) {
        return ((Label) stage.getScene().lookup(id)).getText();
    }
}
