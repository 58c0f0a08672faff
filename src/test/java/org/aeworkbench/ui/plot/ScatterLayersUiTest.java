package org.aeworkbench.ui.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.image.PixelFormat;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The software renderer paints every visible layer of a plot's region at each live update, so a
 * layer with nothing on it is hidden, and the chart's canvas is left unpainted while a frame drawn
 * in the background covers it.
 */
@ExtendWith(ApplicationExtension.class)
class ScatterLayersUiTest {

    private static final List<String> NAMES = List.of("a", "b");
    private ScatterPlot plot;

    @BeforeAll
    static void headless() {
        System.setProperty("headless.geometry", "1600x1000-32");
    }

    @Start
    void start(Stage stage) {
        plot = new ScatterPlot("layers");
        stage.setScene(new javafx.scene.Scene(plot, 500, 500));
        stage.show();
    }

    @Test
    void emptyPointAndMarkLayersAreHiddenAndShowAgainWithContent() throws Exception {
        float[] xy = points(3, 2000);
        int[] labels = java.util.stream.IntStream.range(0, 2000).map(i -> i % 2).toArray();
        onFx(() -> plot.setPoints(xy, 2000, labels, NAMES, "x", "y", ""));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(onFx(() -> layer(".scatter-points").isVisible()), "points drawn");
        assertFalse(onFx(() -> layer(".scatter-marks").isVisible()), "no marks yet: nothing to paint over the points");

        onFx(() -> plot.setMarks(new float[] {0, 0, 1, 1}, 2, java.awt.Color.RED));
        assertTrue(onFx(() -> layer(".scatter-marks").isVisible()), "marks shown");
        onFx(plot::clearMarks);
        assertFalse(onFx(() -> layer(".scatter-marks").isVisible()), "marks cleared");

        // A run starts: the plot empties, and the layer goes until the first codes arrive.
        onFx(() -> plot.setPoints(new float[0], 0, null, NAMES, "x", "y", "Train the model"));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(onFx(() -> layer(".scatter-points").isVisible()), "no points: the layer is not painted");
        onFx(() -> plot.setPoints(xy, 1000, labels, NAMES, "x", "y", ""));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(onFx(() -> layer(".scatter-points").isVisible()), "points again");
    }

    @Test
    void theCanvasIsNotPaintedUnderAFrameDrawnInTheBackgroundButStillTakesThePointer() throws Exception {
        float[] xy = points(5, 3000);
        int[] labels = java.util.stream.IntStream.range(0, 3000).map(i -> i % 2).toArray();
        onFx(() -> {
            plot.setDrawsInBackground(true);
            plot.setPoints(xy, 3000, labels, NAMES, "x", "y", "");
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> layer(".scatter-frame").isVisible()));
        Node canvas = onFx(() -> ((org.jfree.chart.fx.ChartViewer) plot.getChildren().get(0)).getCanvas());
        assertEquals(0.0, onFx(canvas::getOpacity), "covered by the frame image");
        assertTrue(onFx(canvas::isVisible), "visible, so hover and click still reach it");
        // The canvas draws the next frame itself (no run): it shows again.
        onFx(() -> {
            plot.setDrawsInBackground(false);
            plot.setPoints(points(6, 3000), 3000, labels, NAMES, "x", "y", "a new note");
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(onFx(() -> layer(".scatter-frame").isVisible()));
        assertEquals(1.0, onFx(canvas::getOpacity));
    }

    @Test
    void theLayersImagesAreMadeAtRestAndARunsFirstPointsAndFramesReuseThem() throws Exception {
        // At rest, empty (the autoencoder's plot before a run): both images are made, and drawn once out of sight.
        onFx(() -> plot.setPoints(new float[0], 0, null, NAMES, "x", "y", "Train the model"));
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.image.Image points = onFx(() -> image(".scatter-points"));
        javafx.scene.image.Image frame = onFx(() -> image(".scatter-frame"));
        assertTrue(points != null && frame != null, "both layers have an image before any run");
        assertFalse(onFx(() -> layer(".scatter-points").isVisible()), "still nothing painted on the empty plot");
        assertEquals(2, onFx(() -> primers().size()));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(() -> primers().stream().noneMatch(Node::isVisible)));

        // A run: its first points and frames, drawn in the background, land in those very images.
        float[] xy = points(7, 3000);
        int[] labels = java.util.stream.IntStream.range(0, 3000).map(i -> i % 2).toArray();
        onFx(() -> {
            plot.setDrawsInBackground(true);
            plot.setPoints(xy, 3000, labels, NAMES, "a wider axis label", "y", "");
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> layer(".scatter-frame").isVisible()
                && layer(".scatter-points").isVisible() && plot.pointsShown()));
        assertTrue(points == onFx(() -> image(".scatter-points")), "the points' image made at rest");
        assertTrue(frame == onFx(() -> image(".scatter-frame")), "the frame's image made at rest");
        javafx.geometry.Rectangle2D shown = onFx(() -> ((javafx.scene.image.ImageView) layer(".scatter-points")).getViewport());
        assertTrue(shown.getWidth() <= points.getWidth() && shown.getHeight() <= points.getHeight()
                && points.getWidth() - shown.getWidth() < LayerImage.STEP + 64, "the layer shows the part the data area covers: " + shown);
        onFx(() -> plot.setDrawsInBackground(false));
    }

    @Test
    void aLayerImageTakesPixelsSmallerThanItselfInItsCornerAndGrowsOnlyWhenTheyDoNotFit() throws Exception {
        int[][] read = onFx(() -> {
            javafx.scene.image.ImageView layer = new javafx.scene.image.ImageView();
            LayerImage image = new LayerImage(layer, new org.aeworkbench.ui.common.TexturePrimer());
            image.prepare(100, 50);
            int[] made = image.size();
            int[] argb = new int[90 * 40];
            for (int i = 0; i < argb.length; i++) {
                argb[i] = 0xff000000 | i;
            }
            image.show(argb, 90, 40);
            javafx.scene.image.Image fx = layer.getImage();
            int[] corner = new int[90 * 40];
            fx.getPixelReader().getPixels(0, 0, 90, 40, PixelFormat.getIntArgbPreInstance(), corner, 0, 90);
            image.show(new int[200 * 40], 200, 40);
            int[] grown = image.size();
            return new int[][] {made, corner, argb, grown, {layer.getImage() == fx ? 1 : 0,
                (int) layer.getViewport().getWidth(), (int) layer.getViewport().getHeight()}};
        });
        assertArrayEquals(new int[] {128, 64}, read[0], "rounded up to whole steps");
        assertArrayEquals(read[2], read[1], "the pixels, row by row, in the top left corner");
        assertArrayEquals(new int[] {256, 64}, read[3], "a new image only for pixels that do not fit");
        assertArrayEquals(new int[] {0, 200, 40}, read[4]);
    }

    @Test
    void anIntArgbImageShowsThePixelsPutInIt() throws Exception {
        int w = 7;
        int h = 5;
        int[] argbPre = new int[w * h];
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < argbPre.length; i++) {
            int a = r.nextInt(256);
            // premultiplied: no channel above alpha
            argbPre[i] = a << 24 | r.nextInt(a + 1) << 16 | r.nextInt(a + 1) << 8 | r.nextInt(a + 1);
        }
        int[] read = onFx(() -> {
            IntArgbImage image = new IntArgbImage(w, h);
            image.put(new int[w * h], w, h);
            image.put(argbPre, w, h);
            int[] out = new int[w * h];
            image.image().getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbPreInstance(), out, 0, w);
            return out;
        });
        assertArrayEquals(argbPre, read);
    }

    private Node layer(String styleClass) {
        return plot.lookup(styleClass);
    }

    private javafx.scene.image.Image image(String styleClass) {
        return ((javafx.scene.image.ImageView) layer(styleClass)).getImage();
    }

    private List<Node> primers() {
        return List.copyOf(plot.lookupAll(".texture-primer"));
    }

    private static float[] points(long seed, int n) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] xy = new float[2 * n];
        for (int i = 0; i < xy.length; i++) {
            xy[i] = (float) r.nextGaussian();
        }
        return xy;
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> action) throws Exception {
        return WaitForAsyncUtils.asyncFx(action).get(10, TimeUnit.SECONDS);
    }

    private static void onFx(Runnable action) throws Exception {
        WaitForAsyncUtils.asyncFx(action).get(10, TimeUnit.SECONDS);
    }
}
