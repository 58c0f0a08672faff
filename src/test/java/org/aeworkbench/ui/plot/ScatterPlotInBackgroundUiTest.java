package org.aeworkbench.ui.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A scatter that splats its points in the background shows what one drawing on the FX thread shows. */
@ExtendWith(ApplicationExtension.class)
class ScatterPlotInBackgroundUiTest {

    private static final List<String> NAMES = List.of("a", "b", "c");
    private static final int[] LABELS = java.util.stream.IntStream.range(0, 5000).map(i -> i % 3).toArray();
    private ScatterPlot onFx;
    private ScatterPlot inBackground;

    @BeforeAll
    static void headless() {
        System.setProperty("headless.geometry", "1600x1000-32"); // Monocle's screen, as TestWindow sets it
    }

    @Start
    void start(Stage stage) {
        onFx = new ScatterPlot("on the FX thread");
        inBackground = new ScatterPlot("in the background");
        inBackground.setDrawsInBackground(true);
        onFx.setPrefSize(500, 500);
        inBackground.setPrefSize(500, 500);
        stage.setScene(new javafx.scene.Scene(new HBox(onFx, inBackground), 1000, 500));
        stage.show();
    }

    @Test
    void theNewestPointsAreShownAsTheFxThreadWouldDrawThem() throws Exception {
        // Before the first layout (no data area yet: the points are drawn with the frame), then on
        // a laid-out chart, where each update asks for a job at once and the first is overtaken;
        // last, points six times as spread, which leave the frame: it redraws in an FX task of its
        // own, after the update, and the points must follow its new ranges.
        for (long seed : new long[] {1, 3, 5}) {
            float scale = seed == 5 ? 6 : 1;
            float[] first = points(seed, scale);
            float[] last = points(seed + 1, scale);
            WaitForAsyncUtils.asyncFx(() -> {
                // Several updates in a row (the frame keeps the first's ranges): only the newest may end up on screen.
                for (ScatterPlot p : List.of(onFx, inBackground)) {
                    p.setPoints(first, 5000, LABELS, NAMES, "x", "y", "");
                    p.setPoints(last, 5000, LABELS, NAMES, "x", "y", "");
                }
            }).get(10, TimeUnit.SECONDS);
            // The chart lays out and draws its frame at a pulse; the points follow it.
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> pixels(onFx) != null).get());
            WaitForAsyncUtils.waitForFxEvents();
            int[] expected = WaitForAsyncUtils.asyncFx(() -> pixels(onFx)).get(10, TimeUnit.SECONDS);
            assertTrue(java.util.Arrays.stream(expected).filter(p -> p != 0).count() > 1000, "the FX thread drew the points");
            int[] seen = null;
            for (int tries = 0; tries < 100 && !java.util.Arrays.equals(expected, seen); tries++) {
                WaitForAsyncUtils.sleep(50, TimeUnit.MILLISECONDS);
                seen = WaitForAsyncUtils.asyncFx(() -> pixels(inBackground)).get(10, TimeUnit.SECONDS);
            }
            assertArrayEquals(expected, seen, "seed " + seed);
            double upper = WaitForAsyncUtils.asyncFx(() -> inBackground.chart().getXYPlot().getDomainAxis().getUpperBound()).get();
            assertTrue(scale == 1 || upper > 6, "the frame followed the spread points: x up to " + upper);
            // Its frame was drawn in the background, and put its data area where the canvas puts it.
            assertTrue(WaitForAsyncUtils.asyncFx(() -> plot(inBackground, ".scatter-frame").isVisible()).get());
            assertEquals(WaitForAsyncUtils.asyncFx(onFx::dataArea).get(), WaitForAsyncUtils.asyncFx(inBackground::dataArea).get());
            // and the hover grid is the shown points': the first point is found where it is drawn
            float[] at = WaitForAsyncUtils.asyncFx(() -> {
                var area = inBackground.dataArea();
                var plot = inBackground.chart().getXYPlot();
                return new float[] {(float) plot.getDomainAxis().valueToJava2D(last[0], area, plot.getDomainAxisEdge()),
                    (float) plot.getRangeAxis().valueToJava2D(last[1], area, plot.getRangeAxisEdge())};
            }).get(10, TimeUnit.SECONDS);
            assertEquals(0, (int) WaitForAsyncUtils.asyncFx(() -> inBackground.nearest(at[0], at[1])).get(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void afterARunTheFrameStaysUntilTheChartChangesThenTheCanvasDrawsIt() throws Exception {
        float[] first = points(7, 1);
        WaitForAsyncUtils.asyncFx(() -> inBackground.setPoints(first, 5000, LABELS, NAMES, "x", "y", "")).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> WaitForAsyncUtils.asyncFx(() -> plot(inBackground, ".scatter-frame").isVisible()).get());
        // The run ends: nothing is redrawn then, and the frame drawn in the background stays.
        WaitForAsyncUtils.asyncFx(() -> inBackground.setDrawsInBackground(false)).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(WaitForAsyncUtils.asyncFx(() -> plot(inBackground, ".scatter-frame").isVisible()).get());
        // The next change of the frame is drawn by the canvas, which shows from then on.
        float[] spread = points(8, 6);
        WaitForAsyncUtils.asyncFx(() -> inBackground.setPoints(spread, 5000, LABELS, NAMES, "x", "y", "a new note"))
                .get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(WaitForAsyncUtils.asyncFx(() -> plot(inBackground, ".scatter-frame").isVisible()).get());
        var canvasArea = WaitForAsyncUtils.asyncFx(() -> ((org.jfree.chart.fx.ChartViewer) inBackground.getChildren().get(0))
                .getCanvas().getRenderingInfo().getPlotInfo().getDataArea()).get(10, TimeUnit.SECONDS);
        assertEquals(canvasArea, WaitForAsyncUtils.asyncFx(inBackground::dataArea).get());
        assertTrue(WaitForAsyncUtils.asyncFx(() -> inBackground.chart().getXYPlot().getDomainAxis().getUpperBound()).get() > 6,
                "the canvas drew the new ranges");
    }

    @Test
    void atRestMorePointsThanALiveUpdateCarriesAreDrawnInTheBackgroundFewerAtOnce() throws Exception {
        int many = ScatterPlot.DRAWN_AT_ONCE_MAX + 2_000; // every sample, as a run ends
        float[] xy = new float[2 * many];
        SplittableRandom r = new SplittableRandom(11);
        for (int i = 0; i < xy.length; i++) {
            xy[i] = (float) r.nextGaussian();
        }
        int[] labels = java.util.stream.IntStream.range(0, many).map(i -> i % 3).toArray();
        float[] few = points(9, 1);
        // No run goes (onFx draws at once); the chart is laid out, so a draw has a data area.
        WaitForAsyncUtils.asyncFx(() -> {
            for (ScatterPlot p : List.of(onFx, inBackground)) { // the same history: the frame's ranges follow it
                p.setPoints(few, 5000, LABELS, NAMES, "x", "y", "");
                p.setPoints(few, 4000, LABELS, NAMES, "x", "y", "");
            }
        }).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        int[][] seen = WaitForAsyncUtils.asyncFx(() -> {
            int[] before = pixels(onFx);
            onFx.setPoints(few, 3000, LABELS, NAMES, "x", "y", "");
            int[] fewer = pixels(onFx);
            onFx.setPoints(xy, many, labels, NAMES, "x", "y", "all of them");
            return new int[][] {before, fewer, pixels(onFx)};
        }).get(10, TimeUnit.SECONDS);
        assertFalse(java.util.Arrays.equals(seen[0], seen[1]), "3,000 points: drawn before the FX task ends");
        assertArrayEquals(seen[1], seen[2], "12,000 points: nothing splatted on the FX thread");
        // They arrive from the pixel thread, with their frame drawn there too.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(
                () -> plot(onFx, ".scatter-frame").isVisible() && !java.util.Arrays.equals(seen[2], pixels(onFx))).get());
        WaitForAsyncUtils.sleep(200, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        int[] drawn = WaitForAsyncUtils.asyncFx(() -> pixels(onFx)).get(10, TimeUnit.SECONDS);
        // What the FX thread would have drawn: the same points on a plot that draws them while a run
        // goes (always in the background) shows the same pixels.
        WaitForAsyncUtils.asyncFx(() -> inBackground.setPoints(xy, many, labels, NAMES, "x", "y", "all of them")).get(10, TimeUnit.SECONDS);
        int[] expected = null;
        for (int tries = 0; tries < 100 && !java.util.Arrays.equals(drawn, expected); tries++) {
            WaitForAsyncUtils.sleep(50, TimeUnit.MILLISECONDS);
            expected = WaitForAsyncUtils.asyncFx(() -> pixels(inBackground)).get(10, TimeUnit.SECONDS);
        }
        assertArrayEquals(expected, drawn);
        assertEquals(WaitForAsyncUtils.asyncFx(inBackground::dataArea).get(), WaitForAsyncUtils.asyncFx(onFx::dataArea).get());
    }

    @Test
    void updatesLeftByARunAreDrawnInTheBackgroundAndThePlotThenDrawsAtOnceAgain() throws Exception {
        float[] few = points(12, 1);
        WaitForAsyncUtils.asyncFx(() -> onFx.setPoints(few, 5000, LABELS, NAMES, "x", "y", "")).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        int[][] seen = WaitForAsyncUtils.asyncFx(() -> {
            int[] before = pixels(onFx);
            onFx.drawInBackground(() -> onFx.setPoints(few, 4000, LABELS, NAMES, "x", "y", ""));
            return new int[][] {before, pixels(onFx)};
        }).get(10, TimeUnit.SECONDS);
        assertArrayEquals(seen[0], seen[1], "nothing splatted on the FX thread");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(onFx::pointsShown).get());
        assertFalse(java.util.Arrays.equals(seen[1], WaitForAsyncUtils.asyncFx(() -> pixels(onFx)).get(10, TimeUnit.SECONDS)),
                "the 4,000 points arrived from the pixel thread");
        // The plot's own mode is back: the next update is drawn before its FX task ends.
        int[][] next = WaitForAsyncUtils.asyncFx(() -> {
            int[] before = pixels(onFx);
            onFx.setPoints(few, 3000, LABELS, NAMES, "x", "y", "");
            return new int[][] {before, pixels(onFx)};
        }).get(10, TimeUnit.SECONDS);
        assertFalse(java.util.Arrays.equals(next[0], next[1]), "3,000 points drawn at once");
    }

    private static float[] points(long seed, float scale) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] xy = new float[10_000];
        for (int i = 0; i < xy.length; i++) {
            xy[i] = scale * (float) r.nextGaussian();
        }
        xy[0] = scale * (seed % 4 * 0.5f - 1.5f); // the first point inside the frame, elsewhere in each set, for the hover check
        xy[1] = scale * (1.5f - seed % 4 * 0.5f);
        return xy;
    }

    private static ImageView plot(ScatterPlot plot, String layer) {
        return (ImageView) plot.lookup(layer);
    }

    private static int[] pixels(ScatterPlot plot) {
        ImageView layer = plot(plot, ".scatter-points");
        WritableImage image = (WritableImage) layer.getImage();
        if (image == null) {
            return null;
        }
        // What the layer shows: the image's top left corner, as large as the data area.
        javafx.geometry.Rectangle2D shown = layer.getViewport();
        int w = (int) (shown == null ? image.getWidth() : shown.getWidth());
        int h = (int) (shown == null ? image.getHeight() : shown.getHeight());
        int[] out = new int[w * h];
        image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbPreInstance(), out, 0, w);
        return out;
    }
}
