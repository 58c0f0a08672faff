package org.aeworkbench.ui.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
            // and the hover grid is the shown points': the first point is found where it is drawn
            float[] at = WaitForAsyncUtils.asyncFx(() -> {
                var area = ((org.jfree.chart.fx.ChartViewer) inBackground.getChildren().get(0)).getCanvas()
                        .getRenderingInfo().getPlotInfo().getDataArea();
                var plot = inBackground.chart().getXYPlot();
                return new float[] {(float) plot.getDomainAxis().valueToJava2D(last[0], area, plot.getDomainAxisEdge()),
                    (float) plot.getRangeAxis().valueToJava2D(last[1], area, plot.getRangeAxisEdge())};
            }).get(10, TimeUnit.SECONDS);
            assertEquals(0, (int) WaitForAsyncUtils.asyncFx(() -> inBackground.nearest(at[0], at[1])).get(10, TimeUnit.SECONDS));
        }
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

    private static int[] pixels(ScatterPlot plot) {
        ImageView layer = (ImageView) plot.getChildren().get(1);
        WritableImage image = (WritableImage) layer.getImage();
        if (image == null) {
            return null;
        }
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int[] out = new int[w * h];
        image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbPreInstance(), out, 0, w);
        return out;
    }
}
