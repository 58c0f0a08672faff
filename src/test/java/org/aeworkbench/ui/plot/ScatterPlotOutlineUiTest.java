package org.aeworkbench.ui.plot;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A scatter's data area is outlined on the chart's canvas in the grid's light colour, as the
 * frame drawn in the background (Java2D) has it: the canvas once drew it dark gray.
 */
@ExtendWith(ApplicationExtension.class)
class ScatterPlotOutlineUiTest {

    private ScatterPlot plot;

    @Start
    void start(Stage stage) {
        plot = new ScatterPlot("codes");
        stage.setScene(new Scene(plot, 400, 400));
        stage.show();
    }

    @Test
    void theOutlineIsAsLightAsTheGrid() throws Exception {
        float[] xy = {-1, -1, 0, 0.5f, 1, 1};
        WaitForAsyncUtils.asyncFx(() -> plot.setPoints(xy, 3, new int[] {0, 1, 2}, List.of("a", "b", "c"), "z1", "z2", "3 samples"))
                .get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        int darkest = WaitForAsyncUtils.asyncFx(() -> {
            var canvas = ((org.jfree.chart.fx.ChartViewer) plot.getChildren().get(0)).getCanvas();
            var image = canvas.snapshot(null, null);
            var area = plot.dataArea();
            // The outline's left and right edges, a pixel either side, over rows away from any point.
            int min = 255;
            for (double edge : new double[] {area.getMinX(), area.getMaxX()}) {
                for (int x = (int) edge - 1; x <= (int) edge + 1; x++) {
                    for (int y = (int) area.getMinY() + 5; y < area.getMaxY() - 5; y++) {
                        int argb = image.getPixelReader().getArgb(x, y);
                        int luminance = ((argb >> 16 & 255) * 299 + (argb >> 8 & 255) * 587 + (argb & 255) * 114) / 1000;
                        min = Math.min(min, luminance);
                    }
                }
            }
            return min;
        }).get(10, TimeUnit.SECONDS);
        // The grid's colour, #d0d7de, has luminance 213; the gray the canvas drew was 116.
        assertTrue(darkest > 190, "the darkest pixel of the outline has luminance " + darkest);
    }
}
