package org.aeworkbench.ui.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.jfree.chart.event.ChartProgressEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A scatter's frame is redrawn (4-10 ms of the FX thread) only when something on it changes: views
 * reset their scatters at every new model, often to what they already show.
 */
@ExtendWith(ApplicationExtension.class)
class ScatterPlotRedrawUiTest {

    private ScatterPlot plot;
    private final AtomicInteger draws = new AtomicInteger();

    @Start
    void start(Stage stage) {
        plot = new ScatterPlot("Latent plane");
        plot.chart().addProgressListener(e -> {
            if (e.getType() == ChartProgressEvent.DRAWING_FINISHED) {
                draws.incrementAndGet();
            }
        });
        stage.setScene(new Scene(plot, 400, 400));
        stage.show();
    }

    @Test
    void theSameTitleOrPointsInTheSameFrameDrawNoFrame() throws Exception {
        float[] xy = {-1, -1, 0, 0.5f, 1, 1};
        int[] labels = {0, 1, 2};
        WaitForAsyncUtils.asyncFx(() -> plot.setPoints(xy, 3, labels, List.of("a", "b", "c"), "z1", "z2", "3 samples"))
                .get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        int before = draws.get();
        WaitForAsyncUtils.asyncFx(() -> {
            plot.setTitle("Latent plane");
            plot.setPoints(xy.clone(), 3, labels, List.of("a", "b", "c"), "z1", "z2", "3 samples");
        }).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before, draws.get(), "frames drawn for the same title and points");
        WaitForAsyncUtils.asyncFx(() -> plot.setTitle("Another title")).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before + 1, draws.get(), "frames drawn for a new title");
    }
}
