package org.aeworkbench.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.image.Image;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.PlotState;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A chart shown by {@link ChartImageView} is drawn on another thread than the FX thread, at the
 * view's size, again after each edit while its notification is on and not while it is off, and
 * zooms to a dragged rectangle until a double click shows all of it.
 */
@ExtendWith(ApplicationExtension.class)
class ChartImageViewUiTest {

    private static final Color LINE = new Color(220, 20, 20);
    private final List<String> drawnOn = new CopyOnWriteArrayList<>();
    private final XYSeries series = new XYSeries("line");
    private JFreeChart chart;
    private ChartImageView view;
    private Stage own;

    /** A stage of its own, so the size this test gives it does not reach the window tests after it. */
    @Start
    void start(Stage shared) {
        for (int i = 0; i <= 10; i++) {
            series.add(i, i);
        }
        // The plot records the thread each drawing runs on.
        XYPlot plot = new XYPlot(new XYSeriesCollection(series), new NumberAxis("x"), new NumberAxis("y"),
                new XYLineAndShapeRenderer(true, false)) {
            @Override
            public void draw(Graphics2D g2, Rectangle2D area, Point2D anchor, PlotState parentState, PlotRenderingInfo info) {
                drawnOn.add(Platform.isFxApplicationThread() ? "FX" : Thread.currentThread().getName());
                super.draw(g2, area, anchor, parentState, info);
            }
        };
        plot.getRenderer().setSeriesPaint(0, LINE);
        plot.getRenderer().setSeriesStroke(0, new java.awt.BasicStroke(3f));
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(true);
        chart = new JFreeChart("a line", JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        view = new ChartImageView(chart);
        own = OwnStage.show(new StackPane(view), 420, 320);
    }

    @AfterEach
    void close() throws Exception {
        OwnStage.close(own);
    }

    @Test
    void theChartIsDrawnOffTheFxThreadAtTheViewsSize() throws Exception {
        Image picture = waitForDrawings(1);
        assertFalse(drawnOn.contains("FX"), "drawn on " + drawnOn);
        assertTrue(drawnOn.contains("ae-chart-drawing"), "drawn on " + drawnOn);
        double[] size = fx(() -> new double[] {view.getWidth(), view.getHeight()});
        assertEquals(size[0], picture.getWidth(), 1.0, "the picture is as wide as the view");
        assertEquals(size[1], picture.getHeight(), 1.0, "and as high");
        assertTrue(linePixels(picture) > 100, "the line is in the picture: " + linePixels(picture) + " of its pixels");

        WaitForAsyncUtils.asyncFx(() -> own.setWidth(620)).get();
        Image wider = waitFor(() -> view.picture() != null && view.picture().getWidth() > picture.getWidth() + 150);
        assertEquals(fx(view::getWidth), wider.getWidth(), 1.0, "a wider view is drawn again at its new width");
    }

    @Test
    void anEditIsDrawnWhileTheChartNotifiesAndNotWhileItDoesNot() throws Exception {
        waitForDrawings(1);
        settle();
        int before = fx(view::drawings);
        fx(() -> edit(() -> series.add(11, 30)));
        waitForDrawings(before + 1);

        settle();
        int quiet = fx(view::drawings);
        fx(() -> edit(() -> chart.setNotify(false)));
        fx(() -> edit(() -> series.add(12, 40)));
        fx(() -> {
            view.requestLayout(); // a layout pass does not draw a chart that does not notify either
            return null;
        });
        settle();
        assertEquals(quiet, fx(view::drawings), "a chart whose notification is off is not drawn");

        fx(() -> edit(() -> chart.setNotify(true)));
        waitForDrawings(quiet + 1);
    }

    @Test
    void asThePictureOfANewSizeIsShownASecondIsMadeAndDrawnOnceSoARunsFirstUpdateNeedsNoNewTexture() throws Exception {
        waitForDrawings(1);
        settle();
        assertEquals(2, fx(view::picturesReady), "the picture shown and a spare the renderer has drawn");
        int made = fx(view::picturesMade);
        int before = fx(view::drawings);
        fx(() -> edit(() -> series.add(11, 30)));
        waitForDrawings(before + 1);
        settle();
        assertEquals(made, fx(view::picturesMade), "the next drawing went into the spare");
        assertEquals(2, fx(view::picturesReady));
    }

    @Test
    void drawingsAtOneSizeReuseTheirPicturesAndShowOnlyTheNewestChart() throws Exception {
        waitForDrawings(1);
        settle();
        // With nothing filling the background, a reused picture that was not cleared would keep the lines drawn before.
        fx(() -> edit(() -> {
            chart.setBackgroundPaint(null);
            chart.getXYPlot().setBackgroundPaint(null);
        }));
        settle();
        int madeBefore = fx(view::picturesMade);
        for (int k = 0; k < 6; k++) {
            int before = fx(view::drawings);
            int x = 11 + k;
            fx(() -> edit(() -> series.add(x, x)));
            waitForDrawings(before + 1);
            settle(); // the frame that stops showing a picture passes, and it becomes spare
        }
        int made = fx(view::picturesMade) - madeBefore;
        // One new picture at most: the one shown when they began is drawn into again from the second on.
        assertTrue(made <= 1, "six drawings at one size made " + made + " new pictures");
        assertTrue(linePixels(fx(() -> view.snapshot(null, null))) > 100, "the line is on screen");

        int before = fx(view::drawings);
        fx(() -> edit(() -> {
            series.clear();
            series.add(5, 5); // one point: no line at all
        }));
        Image last = waitForDrawings(before + 1);
        settle();
        assertTrue(fx(view::picturesMade) - madeBefore <= 1, "still reused");
        assertTrue(linePixels(last) < 10, "the reused picture holds only the newest drawing: " + linePixels(last) + " line pixels");
        // The renderer keeps a texture per picture: shown again, it must take the new pixels.
        int onScreen = linePixels(fx(() -> view.snapshot(null, null)));
        assertTrue(onScreen < 10, "the screen shows only the newest drawing: " + onScreen + " line pixels");
    }

    @Test
    void aDraggedRectangleZoomsAndADoubleClickShowsAll(FxRobot robot) throws Exception {
        waitForDrawings(1);
        settle();
        Bounds screen = fx(() -> view.localToScreen(view.getLayoutBounds()));
        // Well inside the plot: the title is above, the axes at the left and bottom.
        double x0 = screen.getMinX() + 0.40 * screen.getWidth();
        double x1 = screen.getMinX() + 0.70 * screen.getWidth();
        double y0 = screen.getMinY() + 0.35 * screen.getHeight();
        double y1 = screen.getMinY() + 0.60 * screen.getHeight();
        robot.moveTo(new javafx.geometry.Point2D(x0, y0)).press(MouseButton.PRIMARY)
                .moveTo(new javafx.geometry.Point2D((x0 + x1) / 2, (y0 + y1) / 2))
                .moveTo(new javafx.geometry.Point2D(x1, y1)).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        ValueAxis x = chart.getXYPlot().getDomainAxis();
        ValueAxis y = chart.getXYPlot().getRangeAxis();
        double[] zoomed = fx(() -> new double[] {x.getLowerBound(), x.getUpperBound(), y.getLowerBound(), y.getUpperBound()});
        assertFalse(fx(x::isAutoRange), "zoomed");
        assertTrue(zoomed[0] > 2 && zoomed[1] < 9 && zoomed[1] - zoomed[0] < 4.5, "x zoomed into the middle: " + zoomed[0] + ".." + zoomed[1]);
        assertTrue(zoomed[2] > 1 && zoomed[3] < 9, "y zoomed into the middle: " + zoomed[2] + ".." + zoomed[3]);

        robot.doubleClickOn(new javafx.geometry.Point2D((x0 + x1) / 2, (y0 + y1) / 2), MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(fx(x::isAutoRange) && fx(y::isAutoRange), "a double click goes back to the automatic ranges");
        assertTrue(fx(x::getLowerBound) <= 0 && fx(x::getUpperBound) >= 10, "all of x shown again");
    }

    /** Edits as the chart's owner does: holding its monitor, on the FX thread. */
    private Void edit(Runnable change) {
        synchronized (chart) {
            change.run();
        }
        return null;
    }

    private static int linePixels(Image picture) {
        var reader = picture.getPixelReader();
        int n = 0;
        for (int y = 0; y < (int) picture.getHeight(); y++) {
            for (int x = 0; x < (int) picture.getWidth(); x++) {
                int argb = reader.getArgb(x, y);
                if (((argb >> 16) & 0xff) > 180 && ((argb >> 8) & 0xff) < 80 && (argb & 0xff) < 80) {
                    n++;
                }
            }
        }
        return n;
    }

    private Image waitForDrawings(int count) throws Exception {
        return waitFor(() -> view.drawings() >= count);
    }

    private Image waitFor(java.util.function.BooleanSupplier shown) throws Exception {
        long until = System.nanoTime() + 20_000_000_000L;
        while (!fx(shown::getAsBoolean)) {
            assertTrue(System.nanoTime() < until, "no drawing came within 20 s");
            Thread.sleep(20);
        }
        Image picture = fx(view::picture);
        assertNotNull(picture);
        return picture;
    }

    /** Lets any drawing asked for arrive. */
    private static void settle() throws Exception {
        Thread.sleep(400);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static <T> T fx(java.util.concurrent.Callable<T> f) throws Exception {
        return WaitForAsyncUtils.asyncFx(f).get();
    }
}
