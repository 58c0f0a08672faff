package org.aeworkbench.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.stage.Stage;
import org.aeworkbench.ui.dataset.PreparedData;
import org.aeworkbench.ui.latent.LatentView;
import org.aeworkbench.ui.run.ProbeSet;
import org.aeworkbench.ui.training.TrainingSession.State;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Before any run the Latent space tab's PCA plot shows the samples the next run will follow, on
 * PCA's own axes; the run's first live update lays that same plane over its codes.
 */
@ExtendWith(ApplicationExtension.class)
class PcaBeforeARunUiTest {

    private static PreparedData digits;
    private TestWindow shown;

    @BeforeAll
    static void data() {
        digits = TestWindow.prepare(300);
    }

    @Start
    void start(Stage stage) {
        shown = TestWindow.show(stage, 1260, 780);
    }

    @Test
    void pcaOfTheNextRunsSamplesIsDrawnBeforeTheRunAndTheSamePlaneIsAlignedToTheCodesAfterIt(FxRobot robot) throws Exception {
        TestWindow.fx(() -> {
            shown.useDigitsDesign(digits, 3);
            return null;
        });
        TestWindow.waitFor(90, () -> shown.wb().pca().fitted() != null && shown.wb().pca().fitted().data() == digits);
        robot.clickOn("#tab-latent-space");
        LatentView latent = TestWindow.fx(() -> shown.main().view(LatentView.class));
        var t = TestWindow.fx(() -> shown.wb().design().spec().training());
        ProbeSet next = ProbeSet.forSplit(digits.all(), digits.split(t.validationFraction(), t.seed()), t.seed());
        TestWindow.waitFor(60, () -> latent.pcaPoints() == next.size());

        // The expected plane, from the fitted PCA's first two components of those very samples.
        var pca = TestWindow.fx(() -> shown.wb().pca().fitted().pca());
        float[] all = pca.transformLeading(next.values(), next.size());
        float[] expected = new float[2 * next.size()];
        for (int i = 0; i < next.size(); i++) {
            expected[2 * i] = all[i * pca.codeSize()];
            expected[2 * i + 1] = all[i * pca.codeSize() + 1];
        }
        float[] before = TestWindow.fx(() -> pcaCoordinates(latent)).clone();
        assertArrayEquals(expected, before, 1e-5f, "PCA of the samples the next run follows");
        assertEquals(0, TestWindow.fx(latent::aePoints), "no codes before a run");
        assertEquals(1, TestWindow.fx(latent::planeProjections));
        javafx.scene.control.ComboBox<?> views = TestWindow.fx(() -> (javafx.scene.control.ComboBox<?>) latent.lookup("#code-projection"));
        assertEquals("[PCA of the codes, z1, z2, z1, z3, z2, z3]", TestWindow.fx(() -> views.getItems().toString()),
                "the views a 3-wide code will offer");
        assertTrue(TestWindow.fx(views::isDisabled), "nothing to choose from before there are codes");

        robot.clickOn("#train-button");
        // After the run every sample is drawn, in the data set's order: sample next.indices()[i]
        // is the i-th point before the run.
        TestWindow.waitFor(90, () -> TestWindow.fx(() -> shown.wb().training().state() == State.IDLE
                && latent.wholePlane() != null && latent.aePoints() == digits.all().samples()));
        float[] after = TestWindow.fx(() -> pcaCoordinates(latent));
        assertEquals(1, TestWindow.fx(latent::planeProjections), "the run aligned the plane drawn before it, not one projected again");
        assertTrue(TestWindow.fx(() -> !views.isDisabled()), "the codes' views can be chosen once there are codes");
        int[] at = next.indices();
        // Procrustes moves the plane by a rotation or reflection, a scale and a shift: every
        // distance between two samples changes by the same factor.
        double scale = distance(after, at[0], at[1]) / distance(before, 0, 1);
        for (int i = 0; i < next.size(); i++) {
            int j = (i * 7 + 3) % next.size();
            if (i != j && distance(before, i, j) > 1e-3) {
                assertEquals(scale, distance(after, at[i], at[j]) / distance(before, i, j), 1e-3 * scale,
                        "samples " + at[i] + " and " + at[j] + " moved like the rest of the plane");
            }
        }
        assertTrue(Math.abs(scale - 1) > 1e-3, "the plane was scaled to the codes: " + scale);
    }

    private static float[] pcaCoordinates(LatentView latent) {
        return ((org.aeworkbench.ui.plot.ScatterPlot) latent.lookup("#latent-pca")).coordinates();
    }

    private static double distance(float[] xy, int i, int j) {
        return Math.hypot(xy[2 * i] - xy[2 * j], xy[2 * i + 1] - xy[2 * j + 1]);
    }
}
